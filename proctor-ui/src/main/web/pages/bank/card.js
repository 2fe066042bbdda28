/**
 * One question of bank.html as a card (pages/bank/questions.js draws a page of them): its number in the bank, its
 * difficulty (or "unclassified", 5.23.3), topic, single or multiple answer, whether the options keep the author's
 * order; its name, idnumber and tags; the text and every option with its share of the point ("50 %", negative in
 * red), the options marked correct, and the author's feedback folded away; the general feedback; and the scoring note
 * the server gives when the configured rule reads the question otherwise than written (7.6). Question HTML goes
 * through richText, never innerHTML.
 *
 * For tests: li.question-card[data-question][data-number][data-difficulty][data-topic][data-single],
 * li.bank-option[data-option][data-correct][data-fraction], .option-feedback, .general-feedback, .scoring-note,
 * input.select-question, button[data-action="edit"|"delete"].
 */

import { h } from '../../lib/dom.js';
import { formatNumber, t } from '../../lib/i18n.js';
import { richText } from '../../lib/richtext.js';
import { difficultyName } from '../../lib/staff.js';

export const LETTERS = 'ABCDEFGHIJ';

/**
 * Question HTML of this bank as nodes of this page: the one place bank.html renders it (lib/richtext.js: the safe
 * subset, pictures by their data-media hash, formulas).
 */
export function rich(html) {
  return richText(html);
}

/** "50 %", "−25 %", "33,33 %" in the page's language. */
export function fractionText(fraction) {
  return t('staff.questions.fraction', { fraction: formatNumber(fraction ?? 0, 2) });
}

/**
 * q: a question as GET /banks/{id}/questions/search gives it. actions: {canEdit, selected (boolean), onSelect(q,
 * checked), onEdit(q, opener), onDelete(q, opener)}.
 */
export function questionCard(q, actions) {
  const n = q.number;
  const headingId = `q-${q.id}-heading`;
  const correct = new Set(q.correct ?? []);
  const difficulty = q.difficulty ?? 'unclassified';
  return h(
    'li',
    {
      class: 'question-card',
      'data-question': q.id,
      'data-number': n,
      'data-difficulty': difficulty,
      'data-topic': q.topic ?? '',
      'data-single': String(Boolean(q.single)),
    },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h(
        'div',
        { class: 'question-meta' },
        actions.canEdit
          ? h('input', {
              type: 'checkbox',
              class: 'select-question',
              checked: actions.selected,
              'aria-label': t('staff.questions.selectN', { n }),
              on: { change: (event) => actions.onSelect(q, event.currentTarget.checked) },
            })
          : null,
        h('h3', { id: headingId, class: 'question-number', text: t('staff.questions.number', { n }) }),
        h('span', { class: `badge badge-${difficulty}`, text: difficultyName(difficulty) }),
        h('span', {
          class: 'badge badge-quiet',
          text: q.single ? t('staff.questions.single') : t('staff.questions.multiple'),
        }),
        q.shuffle === false ? h('span', { class: 'badge badge-quiet', text: t('staff.questions.noShuffle') }) : null,
        q.topic ? h('span', { class: 'topic', text: q.topic }) : null,
      ),
      authored(q),
      h('div', { class: 'question-text' }, rich(q.text)),
      h(
        'ol',
        { class: 'bank-options' },
        ...(q.options ?? []).map((option, i) => optionItem(q, option, i, correct.has(i))),
      ),
      q.feedback
        ? h(
            'details',
            { class: 'general-feedback' },
            h('summary', { text: t('staff.questions.generalFeedback') }),
            h('div', { class: 'feedback-text' }, rich(q.feedback)),
          )
        : null,
      q.scoringNote
        ? h('p', { class: 'note scoring-note', text: t('staff.questions.scoringNote', { note: q.scoringNote }) })
        : null,
      (q.options ?? []).length !== 5
        ? h('p', { class: 'note', text: t('staff.questions.notFive', { n: (q.options ?? []).length }) })
        : null,
      actions.canEdit
        ? h(
            'p',
            { class: 'card-actions' },
            h('button', {
              class: 'button',
              type: 'button',
              'data-action': 'edit',
              text: t('staff.questions.edit'),
              'aria-label': t('staff.questions.editN', { n }),
              on: { click: (event) => actions.onEdit(q, event.currentTarget) },
            }),
            h('button', {
              class: 'button button-quiet button-danger-quiet',
              type: 'button',
              'data-action': 'delete',
              text: t('staff.questions.delete'),
              'aria-label': t('staff.questions.deleteN', { n }),
              on: { click: (event) => actions.onDelete(q, event.currentTarget) },
            }),
          )
        : null,
    ),
  );
}

/** Name, idnumber and tags, when the author gave them. */
function authored(q) {
  const facts = [];
  if (q.name) facts.push(fact(t('staff.questions.name'), q.name, 'name'));
  if (q.idnumber) facts.push(fact(t('staff.questions.idnumber'), q.idnumber, 'idnumber'));
  if ((q.tags ?? []).length > 0)
    facts.push(
      h(
        'div',
        { class: 'authored-fact', 'data-field': 'tags' },
        h('dt', { text: t('staff.questions.tags') }),
        h('dd', {}, ...q.tags.map((tag) => h('span', { class: 'tag', text: tag }))),
      ),
    );
  return facts.length > 0 ? h('dl', { class: 'authored' }, ...facts) : null;
}

function fact(term, value, field) {
  return h('div', { class: 'authored-fact', 'data-field': field }, h('dt', { text: term }), h('dd', { text: value }));
}

function optionItem(q, option, i, isCorrect) {
  const fraction = q.fractions?.[i] ?? 0;
  const feedback = q.optionFeedback?.[i] ?? '';
  const fixed = (q.fixed ?? []).includes(i);
  const sign = fraction < 0 ? ' fraction-negative' : fraction > 0 ? ' fraction-positive' : '';
  return h(
    'li',
    {
      class: isCorrect ? 'bank-option is-correct' : 'bank-option',
      'data-option': i,
      'data-correct': String(isCorrect),
      'data-fraction': fraction,
    },
    h('span', { class: 'option-letter', 'aria-hidden': 'true', text: LETTERS[i] ?? String(i + 1) }),
    h(
      'div',
      { class: 'option-body' },
      h('div', { class: 'option-text' }, rich(option)),
      feedback
        ? h(
            'details',
            { class: 'option-feedback' },
            h('summary', { text: t('staff.questions.optionFeedback') }),
            h('div', { class: 'feedback-text' }, rich(feedback)),
          )
        : null,
    ),
    fixed ? h('span', { class: 'fixed-mark', text: t('staff.questions.fixed') }) : null,
    h('span', {
      class: `fraction${sign}`,
      text: fractionText(fraction),
      title: t('staff.questions.fractionTitle'),
    }),
    isCorrect ? h('span', { class: 'correct-mark', text: t('staff.questions.correct') }) : null,
  );
}
