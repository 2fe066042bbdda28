/**
 * Item statistics on exam.html (issue 12, 6), for whoever manages the exam (its teacher, admins): the test's mean,
 * median, standard deviation and internal consistency, and per question its facility, discrimination index,
 * discriminative efficiency and option frequencies, as Moodle's quiz statistics define them
 * (GET /exams/{id}/statistics), with the same table as CSV. Beyond Moodle: where a question's measured facility puts it
 * in another difficulty class than the bank's, the proposal with its evidence and a checkbox; the teacher accepts the
 * ticked ones (POST /exams/{id}/statistics/accept), which re-classifies them in the bank for exams created later.
 * Numbers in the reader's language (a decimal comma in kk and ru).
 *
 * For tests: #statistics-section[data-attempts], tr[data-question][data-facility][data-proposal],
 * input[data-accept], #statistics-accept, #statistics-accepted[data-classified], #statistics-csv.
 */

import { acceptSuggestedDifficulties, examStatistics, examStatisticsCsv } from '../../lib/api/exams.js';
import { h } from '../../lib/dom.js';
import { formatNumber, t, tn, formatPercent } from '../../lib/i18n.js';
import { $, busy, clearError, difficultyName, downloadText, fact, labelColumns, showError } from '../../lib/staff.js';

/** A number as the reader writes it ('—' when there is none): 47.14 → "47,14" in kk and ru. */
export function number(value, digits = 2) {
  return value === null || value === undefined ? '—' : formatNumber(value, digits);
}

/** A percent as the reader writes it (CLDR): 47.14 → "47,14%" in kk, "47,14 %" in ru, "47.14%" in en. */
export function percent(value) {
  return value === null || value === undefined ? '—' : formatPercent(value, 2);
}

/** Builds the section inside #statistics-section and loads the statistics. */
export async function showExamStatistics(examId) {
  const section = $('statistics-section');
  section.replaceChildren(
    h(
      'div',
      { class: 'section-head' },
      h('h2', { id: 'statistics-heading', tabindex: '-1', text: t('staff.stats.heading') }),
      h(
        'p',
        { class: 'actions' },
        h('button', { id: 'statistics-refresh', class: 'button', type: 'button', text: t('staff.stats.refresh') }),
        h('button', {
          id: 'statistics-csv',
          class: 'button button-primary',
          type: 'button',
          text: t('staff.stats.csv'),
        }),
      ),
    ),
    h('p', { class: 'muted', text: t('staff.stats.intro') }),
    h('div', { id: 'statistics-error', class: 'notice notice-error', role: 'alert', hidden: true }),
    h('div', { id: 'statistics-body' }),
  );
  section.setAttribute('aria-labelledby', 'statistics-heading');
  section.hidden = false;
  const load = async () => {
    clearError($('statistics-error'));
    try {
      draw(examId, await examStatistics(examId));
    } catch (err) {
      showError($('statistics-error'), err);
    }
  };
  $('statistics-refresh').addEventListener('click', () => busy($('statistics-refresh'), t('staff.busy.loading'), load));
  $('statistics-csv').addEventListener('click', () => downloadCsv(examId));
  await load();
}

async function downloadCsv(examId) {
  clearError($('statistics-error'));
  try {
    const csv = await busy($('statistics-csv'), t('staff.busy.loading'), () => examStatisticsCsv(examId));
    downloadText(csv, `statistics-${examId}.csv`, 'text/csv;charset=utf-8');
  } catch (err) {
    showError($('statistics-error'), err);
  }
}

function draw(examId, stats) {
  const section = $('statistics-section');
  section.dataset.attempts = String(stats.attempts);
  const body = $('statistics-body');
  if (stats.attempts === 0) {
    body.replaceChildren(h('p', { id: 'statistics-none', class: 'lead', text: t('staff.stats.none') }));
    return;
  }
  const proposals = stats.questions.filter((q) => q.proposal);
  body.replaceChildren(
    testFacts(stats),
    h('p', {
      class: 'field-hint',
      text: t('staff.stats.rule', {
        easy: formatNumber(stats.thresholds.easyMinFacility),
        hard: formatNumber(stats.thresholds.hardMaxFacility),
        min: formatNumber(stats.thresholds.minAttempts),
      }),
    }),
    h(
      'div',
      // issue 15 (8): its own name, not the section's (axe landmark-unique: two regions called "Item statistics")
      { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t('staff.stats.table') },
      questionTable(stats.questions),
    ),
    acceptForm(examId, proposals.length > 0),
  );
  labelColumns($('statistics-table'));
}

function testFacts(stats) {
  const test = stats.test;
  const points = (value, pct) =>
    value === null
      ? '—'
      : t('staff.stats.points', { points: number(value), max: number(test.maxPoints), percent: number(pct) });
  const facts = [
    fact(t('staff.stats.attempts'), formatNumber(stats.attempts), { 'data-field': 'attempts' }),
    fact(t('staff.stats.mean'), points(test.mean, test.meanPercent), { 'data-field': 'mean', 'data-value': test.mean }),
    fact(t('staff.stats.median'), points(test.median, test.medianPercent), { 'data-field': 'median' }),
    fact(t('staff.stats.sd'), points(test.sd, test.sdPercent), { 'data-field': 'sd' }),
    fact(t('staff.stats.cic'), percent(test.cic), { 'data-field': 'cic', 'data-value': test.cic }),
    fact(t('staff.stats.errorRatio'), percent(test.errorRatio), { 'data-field': 'errorRatio' }),
    fact(t('staff.stats.standardError'), points(test.standardError, test.standardErrorPercent), {
      'data-field': 'standardError',
    }),
  ];
  if (stats.terminated > 0) {
    facts.push(fact(t('staff.stats.terminated'), formatNumber(stats.terminated), { 'data-field': 'terminated' }));
  }
  return h('dl', { id: 'statistics-test', class: 'facts' }, ...facts);
}

function questionTable(questions) {
  const heads = ['question', 'class', 'seen', 'facility', 'discrimination', 'efficiency', 'options', 'proposal'];
  return h(
    'table',
    { id: 'statistics-table', class: 'data-table stack statistics-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        heads.map((key) =>
          h('th', {
            scope: 'col',
            class: ['seen', 'facility', 'discrimination', 'efficiency'].includes(key) ? 'num' : null,
            text: t(`staff.stats.${key}`),
          }),
        ),
      ),
    ),
    h('tbody', {}, questions.map(questionRow)),
  );
}

function label(q) {
  return q.name ? `${q.name}: ${q.text}` : q.text;
}

function questionRow(q) {
  return h(
    'tr',
    {
      'data-question': q.id,
      'data-facility': q.facility ?? '',
      'data-proposal': q.proposal ?? '',
      class: q.proposal ? 'needs-attention' : null,
    },
    h(
      'th',
      { scope: 'row' },
      h('span', { text: label(q) }),
      q.topic ? h('span', { class: 'topic', text: ` · ${q.topic}` }) : null,
    ),
    h('td', { 'data-field': 'class' }, classCell(q)),
    h('td', { class: 'num', 'data-field': 'attempts', text: formatNumber(q.attempts) }),
    h('td', { class: 'num', 'data-field': 'facility', text: percent(q.facility) }),
    h(
      'td',
      { class: 'num', 'data-field': 'discrimination' },
      percent(q.discrimination),
      // Moodle's reading: a question the weaker students answer better than the stronger ones has something wrong
      q.discrimination < 0 && q.discrimination !== null
        ? h('div', { class: 'muted statistics-negative', text: t('staff.stats.negative') })
        : null,
    ),
    h('td', { class: 'num', 'data-field': 'efficiency', text: percent(q.efficiency) }),
    h('td', { 'data-field': 'options' }, optionList(q)),
    h('td', { 'data-field': 'proposal' }, proposalCell(q)),
  );
}

function badge(difficulty) {
  return difficulty
    ? h('span', { class: `badge badge-${difficulty}`, text: difficultyName(difficulty) })
    : h('span', { class: 'muted', text: t('staff.stats.unclassified') });
}

function classCell(q) {
  const parts = [badge(q.difficulty)];
  if (!q.inBank) parts.push(h('div', { class: 'muted', text: t('staff.stats.notInBank') }));
  else if (q.currentDifficulty !== q.difficulty) {
    const now = q.currentDifficulty ? difficultyName(q.currentDifficulty) : t('staff.stats.unclassified');
    parts.push(h('div', { class: 'muted', text: t('staff.stats.classNow', { difficulty: now }) }));
  }
  return parts;
}

function optionList(q) {
  const items = q.options.map((o) =>
    h(
      'li',
      { 'data-option': o.number, 'data-chosen': o.chosen, class: o.correct ? 'correct' : null, title: o.text },
      t('staff.stats.option', { number: o.number, percent: number(o.percent), chosen: formatNumber(o.chosen) }),
      o.correct ? h('strong', { text: ` ✓ ${t('staff.stats.correct')}` }) : null,
    ),
  );
  if (q.blank > 0)
    items.push(h('li', { class: 'muted', text: t('staff.stats.blank', { chosen: formatNumber(q.blank) }) }));
  return h('ul', { class: 'statistics-options' }, items);
}

function proposalCell(q) {
  if (!q.proposal) return t('staff.stats.noProposal');
  const id = `accept-${q.id}`;
  return h(
    'div',
    { class: 'statistics-proposal' },
    h('input', {
      type: 'checkbox',
      id,
      'data-accept': q.id,
      'aria-label': t('staff.stats.acceptOne', { question: label(q), difficulty: difficultyName(q.proposal) }),
    }),
    h('label', { for: id }, `${t('staff.stats.propose')} `, badge(q.proposal)),
    h('div', {
      class: 'muted',
      text: t('staff.stats.evidence', { facility: number(q.facility), attempts: formatNumber(q.attempts) }),
    }),
  );
}

function acceptForm(examId, any) {
  if (!any) return h('p', { class: 'muted', text: t('staff.stats.frozen') });
  const form = h(
    'form',
    { id: 'statistics-form', class: 'form', novalidate: true },
    h('p', { class: 'notice', text: t('staff.stats.frozen') }),
    h('div', { id: 'statistics-accept-error', class: 'notice notice-error', role: 'alert', hidden: true }),
    h('p', { id: 'statistics-accepted', class: 'notice notice-ok', role: 'status', hidden: true }),
    h(
      'p',
      { class: 'actions' },
      h('button', {
        id: 'statistics-accept',
        class: 'button button-primary',
        type: 'submit',
        text: t('staff.stats.accept'),
      }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    accept(examId);
  });
  return form;
}

async function accept(examId) {
  const error = $('statistics-accept-error');
  clearError(error);
  const ids = [...document.querySelectorAll('input[data-accept]:checked')].map((box) => box.dataset.accept);
  if (ids.length === 0) {
    error.textContent = t('staff.stats.chooseFirst');
    error.hidden = false;
    return;
  }
  try {
    const result = await busy($('statistics-accept'), t('staff.busy.saving'), () =>
      acceptSuggestedDifficulties(examId, ids),
    );
    draw(examId, await examStatistics(examId));
    const done =
      $('statistics-accepted') ?? h('p', { id: 'statistics-accepted', class: 'notice notice-ok', role: 'status' });
    done.dataset.classified = String(result.classified);
    done.textContent = tn('staff.stats.accepted', result.classified);
    done.hidden = false;
    if (!done.isConnected) $('statistics-body').append(done);
  } catch (err) {
    showError(error, err);
  }
}
