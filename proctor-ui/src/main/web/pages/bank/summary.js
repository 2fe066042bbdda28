/**
 * The summary of a question bank on bank.html (pages/bank/bank.js): its passport (5.22), the counts by difficulty
 * against the target mix (5.23.3), and the validation panel, the report of the check against the regulation
 * with clause numbers. Drawn from GET /banks/{id} and its validation; drawn again after every change.
 *
 * For tests: #bank-passport [data-field], #bank-counts[data-total] [data-difficulty][data-count],
 * #validation[data-ok] with #validation-ok or #validation-problems.
 */

import { h } from '../../lib/dom.js';
import { t, tn } from '../../lib/i18n.js';
import { $, difficultyName, fact, percentOf, problemList } from '../../lib/staff.js';

const MIX = { easy: 40, medium: 40, hard: 20 }; // 5.23.3, shown as the target only
let owner = null; // {id, name} once the people panel has read it: a person reads a name, not an account id

/** The owner's name for the passport (from GET /banks/{id}/access). */
export function setOwner(person) {
  owner = person ?? null;
  const dd = document.querySelector('#bank-passport [data-field="owner"] dd');
  if (dd && owner) dd.textContent = ownerText(owner.id);
}

function ownerText(id) {
  return owner && owner.id === id && owner.name ? owner.name : id; // issue 15 (2): by name
}

/** The heading, the passport and the counts by difficulty with their share of the target mix. */
export function renderSummary(summary) {
  const p = summary.passport ?? {};
  $('bank-heading').textContent = t('staff.bank.headingOf', { discipline: p.discipline || summary.id });
  document.title = t('staff.bank.titleOf', { discipline: p.discipline || summary.id });
  const list = (items, none) =>
    items && items.length > 0
      ? h('ul', { class: 'plain-list' }, ...items.map((item) => h('li', { text: item })))
      : h('span', { class: 'muted', text: none });
  $('bank-passport').replaceChildren(
    fact(t('staff.passport.discipline'), p.discipline, { 'data-field': 'discipline' }),
    fact(t('staff.passport.programme'), p.programme, { 'data-field': 'programme' }),
    fact(t('staff.passport.language'), p.language, { 'data-field': 'language' }),
    fact(t('staff.passport.compilers'), list(p.compilers, t('staff.none')), { 'data-field': 'compilers' }),
    fact(t('staff.passport.references'), list(p.references, t('staff.passport.noReferences')), {
      'data-field': 'references',
    }),
    fact(t('staff.banks.owner'), ownerText(summary.owner), { 'data-field': 'owner' }),
    fact(
      t('staff.bank.status'),
      t(`staff.bankStatus.${summary.status}`) === `staff.bankStatus.${summary.status}`
        ? summary.status
        : t(`staff.bankStatus.${summary.status}`),
      { 'data-field': 'status' },
    ),
  );
  const total = summary.questionCount ?? 0;
  const by = summary.byDifficulty ?? {};
  // 5.23.3: a question without a difficulty is never drawn until it is classified
  const unclassified = Math.max(0, total - (by.easy ?? 0) - (by.medium ?? 0) - (by.hard ?? 0));
  const counts = $('bank-counts');
  counts.dataset.total = String(total);
  counts.replaceChildren(
    h(
      'div',
      { class: 'count count-total', 'data-difficulty': 'total', 'data-count': total },
      h('dt', { text: t('staff.bank.total') }),
      h('dd', {}, h('span', { class: 'count-value', text: String(total) })),
    ),
    ...['easy', 'medium', 'hard'].map((d) =>
      h(
        'div',
        { class: 'count', 'data-difficulty': d, 'data-count': by[d] ?? 0 },
        h('dt', { text: difficultyName(d) }),
        h(
          'dd',
          {},
          h('span', { class: 'count-value', text: String(by[d] ?? 0) }),
          h('span', {
            class: 'count-share',
            text: t('staff.bank.share', { share: percentOf(by[d] ?? 0, total), target: MIX[d] }),
          }),
        ),
      ),
    ),
    ...(unclassified > 0
      ? [
          h(
            'div',
            { class: 'count count-unclassified', 'data-difficulty': 'unclassified', 'data-count': unclassified },
            h('dt', { text: difficultyName('unclassified') }),
            h(
              'dd',
              {},
              h('span', { class: 'count-value', text: String(unclassified) }),
              h('span', { class: 'count-share', text: t('staff.bank.neverDrawn') }),
            ),
          ),
        ]
      : []),
  );
}

/** The validation report: every problem with its clause, or that the bank meets the regulation. */
export function renderValidation(validation) {
  const box = $('validation');
  box.dataset.ok = String(Boolean(validation.ok));
  if (validation.ok) {
    box.replaceChildren(h('p', { class: 'notice notice-ok', id: 'validation-ok', text: t('staff.validation.ok') }));
    return;
  }
  const problems = validation.problems ?? [];
  const list = problemList(problems);
  list.id = 'validation-problems';
  box.replaceChildren(
    h(
      'div',
      { class: 'notice notice-warn-soft' },
      h('p', { class: 'error-message', text: tn('staff.validation.problems', problems.length) }),
      list,
      h('p', { class: 'muted', text: t('staff.validation.why') }),
    ),
  );
}
