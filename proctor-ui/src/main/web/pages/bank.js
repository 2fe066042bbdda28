/**
 * bank.html?bank=<bankId>: a question bank. Its passport (5.22), counts by difficulty (5.23.3), the
 * validation report with clause numbers, importing a Moodle XML or GIFT file with the per-question report,
 * and the questions themselves: read (question HTML through richText, never innerHTML), edit, add, delete.
 * Changing the bank is for its owner (5.21) and admins; experts and other teachers only read.
 */

import { h, param, setState } from '../lib/dom.js';
import { t, tn } from '../lib/i18n.js';
import { richText } from '../lib/richtext.js';
import {
  bankQuestions, deleteQuestion, getBank, importQuestions, saveQuestions, validateBank,
} from '../lib/staff-api.js';
import {
  $, busy, clearError, difficultyName, fact, hasRole, labelColumns, myId, pageFailed, percentOf, problemList, showError,
  showProblems, startStaffPage,
} from './staff.js';

const main = $('bank');
const bankId = param('bank');
const LETTERS = 'ABCDEFGHIJ';
const MIX = { easy: 40, medium: 40, hard: 20 }; // 5.23.3, shown as the target only
const MAX_OPTIONS = 10;
const MIN_OPTIONS = 2;

let bank = null;
let questions = [];
let canEdit = false;
let editing = null; // the question in the editor, or null for a new one
let returnFocus = null;

async function start() {
  if (!startStaffPage()) return;
  if (!bankId) {
    pageFailed(main, $('bank-loading'), $('bank-error'), new Error(t('staff.bank.noBank')));
    return;
  }
  try {
    const [summary, validation, list] = await Promise.all([getBank(bankId), validateBank(bankId), bankQuestions(bankId)]);
    bank = summary;
    canEdit = hasRole('admin') || (hasRole('teacher') && bank.owner === myId());
    $('bank-loading').hidden = true;
    renderSummary(summary);
    renderValidation(validation);
    questions = list;
    renderQuestions();
    prepare();
    $('bank-created').hidden = !param('created');
    $('bank-body').hidden = false;
    setState(main, 'ready');
  } catch (err) {
    pageFailed(main, $('bank-loading'), $('bank-error'), err);
  }
}

function prepare() {
  $('import-section').hidden = !canEdit;
  $('add-question').hidden = !canEdit;
  $('schedule-link').href = `teacher.html?bank=${encodeURIComponent(bankId)}#new-exam-heading`;
  $('validation-refresh').addEventListener('click', () => busy($('validation-refresh'), t('staff.busy.checking'), refreshSummary));
  $('filter-difficulty').addEventListener('change', renderQuestions);
  $('filter-text').addEventListener('input', renderQuestions);
  if (!canEdit) return;
  $('import-file').addEventListener('change', guessFormat);
  $('import-form').addEventListener('submit', onImport);
  $('add-question').addEventListener('click', () => openEditor(null, $('add-question')));
  $('question-form').addEventListener('submit', onSave);
  $('question-cancel').addEventListener('click', () => $('question-dialog').close());
  $('question-dialog').addEventListener('close', () => returnFocus?.focus());
  $('q-add-option').addEventListener('click', () => {
    addOptionRow('', false);
    const rows = $('q-options').querySelectorAll('textarea');
    rows[rows.length - 1]?.focus();
  });
  $('q-text').addEventListener('input', () => $('q-preview').replaceChildren(richText($('q-text').value)));
  $('delete-cancel').addEventListener('click', () => $('delete-dialog').close());
  $('delete-dialog').addEventListener('close', () => returnFocus?.focus());
  $('delete-confirm').addEventListener('click', onDelete);
}

// Passport, counts, validation

function renderSummary(summary) {
  const p = summary.passport ?? {};
  $('bank-heading').textContent = t('staff.bank.headingOf', { discipline: p.discipline || summary.id });
  document.title = t('staff.bank.titleOf', { discipline: p.discipline || summary.id });
  const list = (items, none) => (items && items.length > 0
    ? h('ul', { class: 'plain-list' }, ...items.map((item) => h('li', { text: item })))
    : h('span', { class: 'muted', text: none }));
  $('bank-passport').replaceChildren(
    fact(t('staff.passport.discipline'), p.discipline, { 'data-field': 'discipline' }),
    fact(t('staff.passport.programme'), p.programme, { 'data-field': 'programme' }),
    fact(t('staff.passport.language'), p.language, { 'data-field': 'language' }),
    fact(t('staff.passport.compilers'), list(p.compilers, t('staff.none')), { 'data-field': 'compilers' }),
    fact(t('staff.passport.references'), list(p.references, t('staff.passport.noReferences')), { 'data-field': 'references' }),
    fact(t('staff.banks.owner'), summary.owner, { 'data-field': 'owner' }),
    fact(t('staff.bank.status'), t(`staff.bankStatus.${summary.status}`) === `staff.bankStatus.${summary.status}`
      ? summary.status : t(`staff.bankStatus.${summary.status}`), { 'data-field': 'status' }));
  const total = summary.questionCount ?? 0;
  const by = summary.byDifficulty ?? {};
  const counts = $('bank-counts');
  counts.dataset.total = String(total);
  counts.replaceChildren(
    h('div', { class: 'count count-total', 'data-difficulty': 'total', 'data-count': total },
      h('dt', { text: t('staff.bank.total') }), h('dd', {}, h('span', { class: 'count-value', text: String(total) }))),
    ...['easy', 'medium', 'hard'].map((d) => h('div', { class: 'count', 'data-difficulty': d, 'data-count': by[d] ?? 0 },
      h('dt', { text: difficultyName(d) }),
      h('dd', {},
        h('span', { class: 'count-value', text: String(by[d] ?? 0) }),
        h('span', { class: 'count-share', text: t('staff.bank.share', { share: percentOf(by[d] ?? 0, total), target: MIX[d] }) })))));
}

function renderValidation(validation) {
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
    h('div', { class: 'notice notice-warn-soft' },
      h('p', { class: 'error-message', text: tn('staff.validation.problems', problems.length) }),
      list,
      h('p', { class: 'muted', text: t('staff.validation.why') })));
}

async function refreshSummary() {
  try {
    const [summary, validation] = await Promise.all([getBank(bankId), validateBank(bankId)]);
    bank = summary;
    renderSummary(summary);
    renderValidation(validation);
  } catch (err) {
    showError($('bank-error'), err);
  }
}

async function refreshAll() {
  await refreshSummary();
  try {
    questions = await bankQuestions(bankId);
    renderQuestions();
  } catch (err) {
    showError($('questions-error'), err);
  }
}

// Import

function guessFormat() {
  const file = $('import-file').files[0];
  if (!file) return;
  const name = file.name.toLowerCase();
  if (name.endsWith('.xml')) $('import-format').value = 'moodle-xml';
  else if (name.endsWith('.gift') || name.endsWith('.txt')) $('import-format').value = 'gift';
}

/** "question 4 (line 222)" → {n: 4, line: 222}; other positions → null. */
function parsePosition(position) {
  const match = /^question\s+(\d+)(?:\s*\(line\s+(\d+)\))?/i.exec(String(position ?? ''));
  return match ? { n: Number(match[1]), line: match[2] ? Number(match[2]) : null } : null;
}

async function onImport(event) {
  event.preventDefault();
  const error = $('import-error');
  const report = $('import-report');
  clearError(error);
  const input = $('import-file');
  const file = input.files[0];
  input.removeAttribute('aria-invalid');
  if (!file) {
    input.setAttribute('aria-invalid', 'true');
    showProblems(error, t('staff.import.noFile'), []);
    input.focus();
    return;
  }
  const format = $('import-format').value;
  const difficulty = $('import-difficulty').value;
  report.hidden = true;
  try {
    const result = await busy($('import-submit'), t('staff.busy.importing'), () => importQuestions(bankId, format, difficulty, file));
    renderImportReport(result, file.name);
    input.value = '';
    await refreshAll();
  } catch (err) {
    report.hidden = true;
    showError(error, err, { summary: err.code === 'unparseable-file' ? t('staff.import.unparseable', { file: file.name }) : null });
  }
}

function renderImportReport(result, fileName) {
  const report = $('import-report');
  const skipped = (result.skipped ?? []).map((item, order) => ({ ...item, order, where: parsePosition(item.position) }));
  skipped.sort((a, b) => (a.where?.n ?? Infinity) - (b.where?.n ?? Infinity) || a.order - b.order);
  report.dataset.imported = String(result.imported ?? 0);
  report.dataset.skipped = String(skipped.length);
  report.dataset.file = fileName;
  report.replaceChildren(
    h('h3', { id: 'import-report-heading', text: t('staff.import.reportHeading', { file: fileName }) }),
    h('p', { id: 'import-imported', class: 'lead', 'data-imported': result.imported ?? 0, text: tn('staff.import.imported', result.imported ?? 0) }),
    skipped.length === 0
      ? h('p', { id: 'import-clean', text: t('staff.import.nothingSkipped') })
      : h('div', {},
        h('p', { text: tn('staff.import.skippedCount', skipped.length) }),
        h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'import-report-heading' },
          h('table', { id: 'import-skipped', class: 'data-table stack' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col', text: t('staff.import.position') }),
              h('th', { scope: 'col', text: t('staff.import.reason') }))),
            h('tbody', {}, ...skipped.map((item) => h('tr', {
              class: /\(question kept\)\s*$/.test(item.reason ?? '') ? 'skip skip-kept' : 'skip',
              'data-position': item.position,
              'data-question-number': item.where?.n,
              'data-line': item.where?.line,
            },
            h('td', { class: 'position', text: item.where
              ? (item.where.line ? t('staff.import.questionLine', { n: item.where.n, line: item.where.line }) : t('staff.import.questionN', { n: item.where.n }))
              : item.position }),
            h('td', { class: 'reason', text: item.reason }))))))));
  const table = $('import-skipped');
  if (table) labelColumns(table);
  report.hidden = false;
}

// Questions

function renderQuestions() {
  const difficulty = $('filter-difficulty').value;
  const needle = $('filter-text').value.trim().toLocaleLowerCase();
  const numbered = questions.map((q, i) => ({ q, n: i + 1 }));
  const shown = numbered.filter(({ q }) => (!difficulty || q.difficulty === difficulty)
    && (!needle || `${plain(q.text)} ${q.topic ?? ''} ${q.id}`.toLocaleLowerCase().includes(needle)));
  $('questions-count').textContent = shown.length === questions.length
    ? tn('staff.questions.count', questions.length)
    : t('staff.questions.shown', { shown: shown.length, total: questions.length });
  $('question-list').dataset.count = String(questions.length);
  $('question-list').replaceChildren(...shown.map(({ q, n }) => questionCard(q, n)));
}

/** The text content of question HTML, for searching (parsed inertly, never inserted). */
function plain(html) {
  const holder = document.createElement('div');
  holder.append(richText(html));
  return holder.textContent;
}

function questionCard(q, n) {
  const headingId = `q-${q.id}-heading`;
  const correct = new Set(q.correct ?? []);
  return h('li', { class: 'question-card', 'data-question': q.id, 'data-difficulty': q.difficulty, 'data-topic': q.topic ?? '' },
    h('article', { 'aria-labelledby': headingId },
      h('div', { class: 'question-meta' },
        h('h3', { id: headingId, class: 'question-number', text: t('staff.questions.number', { n }) }),
        h('span', { class: `badge badge-${q.difficulty}`, text: difficultyName(q.difficulty) }),
        q.topic ? h('span', { class: 'topic', text: q.topic }) : null,
        h('span', { class: 'question-id muted', text: t('staff.questions.id', { id: q.id }) })),
      h('div', { class: 'question-text' }, richText(q.text)),
      h('ol', { class: 'bank-options' }, ...(q.options ?? []).map((option, i) => h('li', {
        class: correct.has(i) ? 'bank-option is-correct' : 'bank-option',
        'data-option': i,
        'data-correct': String(correct.has(i)),
      },
      h('span', { class: 'option-letter', 'aria-hidden': 'true', text: LETTERS[i] ?? String(i + 1) }),
      h('span', { class: 'option-text' }, richText(option)),
      correct.has(i) ? h('span', { class: 'correct-mark', text: t('staff.questions.correct') }) : null))),
      (q.options ?? []).length !== 5
        ? h('p', { class: 'note', text: t('staff.questions.notFive', { n: (q.options ?? []).length }) }) : null,
      canEdit ? h('p', { class: 'card-actions' },
        h('button', {
          class: 'button', type: 'button', 'data-action': 'edit', text: t('staff.questions.edit'),
          'aria-label': t('staff.questions.editN', { n }),
          on: { click: (event) => openEditor(q, event.currentTarget) },
        }),
        h('button', {
          class: 'button button-quiet button-danger-quiet', type: 'button', 'data-action': 'delete', text: t('staff.questions.delete'),
          'aria-label': t('staff.questions.deleteN', { n }),
          on: { click: (event) => askDelete(q, n, event.currentTarget) },
        })) : null));
}

// Editor

function openEditor(question, opener) {
  editing = question;
  returnFocus = opener;
  clearError($('question-error'));
  $('question-dialog-title').textContent = question ? t('staff.question.editTitle') : t('staff.question.addTitle');
  $('q-text').value = question?.text ?? '';
  $('q-preview').replaceChildren(richText($('q-text').value));
  $('q-options').replaceChildren();
  const options = question?.options ?? ['', '', '', '', ''];
  const correct = new Set(question?.correct ?? []);
  options.forEach((text, i) => addOptionRow(text, correct.has(i)));
  $('q-difficulty').value = question?.difficulty ?? 'medium';
  $('q-topic').value = question?.topic ?? '';
  $('question-dialog').showModal();
  $('q-text').focus();
}

function addOptionRow(text, correct) {
  const list = $('q-options');
  if (list.children.length >= MAX_OPTIONS) return;
  const row = h('li', { class: 'option-row' },
    h('span', { class: 'option-letter', 'aria-hidden': 'true' }),
    h('div', { class: 'option-input' },
      h('label', { class: 'option-label' }),
      h('textarea', { rows: '1', class: 'option-text-input' })),
    h('p', { class: 'check correct-check' },
      h('input', { type: 'checkbox', class: 'option-correct', checked: correct }),
      h('label', { class: 'correct-label' })),
    h('button', { class: 'button button-quiet', type: 'button', 'data-action': 'remove-option' }));
  row.querySelector('textarea').value = text;
  row.querySelector('button').addEventListener('click', () => {
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    renumberOptions();
    next?.querySelector('textarea')?.focus();
  });
  list.append(row);
  renumberOptions();
}

/** Gives each option row its letter, ids and labels again after a row was added or removed. */
function renumberOptions() {
  const rows = [...$('q-options').children];
  rows.forEach((row, i) => {
    const letter = LETTERS[i];
    row.dataset.option = String(i);
    row.querySelector('.option-letter').textContent = letter;
    const text = row.querySelector('textarea');
    text.id = `q-option-${i}`;
    const label = row.querySelector('.option-label');
    label.htmlFor = text.id;
    label.textContent = t('staff.question.option', { letter });
    const box = row.querySelector('input');
    box.id = `q-correct-${i}`;
    const correctLabel = row.querySelector('.correct-label');
    correctLabel.htmlFor = box.id;
    correctLabel.textContent = t('staff.question.correct');
    box.setAttribute('aria-label', t('staff.question.correctLetter', { letter }));
    const remove = row.querySelector('button');
    remove.textContent = t('staff.question.remove');
    remove.setAttribute('aria-label', t('staff.question.removeLetter', { letter }));
    remove.disabled = rows.length <= MIN_OPTIONS;
  });
  $('q-add-option').disabled = rows.length >= MAX_OPTIONS;
}

async function onSave(event) {
  event.preventDefault();
  const error = $('question-error');
  clearError(error);
  const rows = [...$('q-options').children];
  const options = rows.map((row) => row.querySelector('textarea').value.trim());
  const correct = rows.map((row, i) => (row.querySelector('input').checked ? i : -1)).filter((i) => i >= 0);
  const text = $('q-text').value.trim();
  const problems = [];
  let first = null;
  $('q-text').removeAttribute('aria-invalid');
  for (const row of rows) row.querySelector('textarea').removeAttribute('aria-invalid');
  if (!text) {
    problems.push({ field: 'text', message: t('staff.question.needText') });
    $('q-text').setAttribute('aria-invalid', 'true');
    first ??= $('q-text');
  }
  options.forEach((option, i) => {
    if (!option) {
      problems.push({ field: 'options', message: t('staff.question.emptyOption', { letter: LETTERS[i] }) });
      rows[i].querySelector('textarea').setAttribute('aria-invalid', 'true');
      first ??= rows[i].querySelector('textarea');
    }
  });
  if (correct.length === 0) {
    problems.push({ field: 'correct', message: t('staff.question.needCorrect') });
    first ??= rows[0]?.querySelector('input');
  }
  if (problems.length > 0) {
    showProblems(error, t('staff.question.fix'), problems);
    first?.focus();
    return;
  }
  const question = { text, options, correct, difficulty: $('q-difficulty').value };
  const topic = $('q-topic').value.trim();
  if (topic) question.topic = topic;
  if (editing) question.id = editing.id;
  try {
    await busy($('question-save'), t('staff.busy.saving'), () => saveQuestions(bankId, [question]));
    const wasNew = !editing;
    const id = editing?.id;
    $('question-dialog').close();
    await refreshAll();
    notify(wasNew ? t('staff.questions.added') : t('staff.questions.saved'));
    const card = id ? document.querySelector(`[data-question="${CSS.escape(id)}"] [data-action="edit"]`) : null;
    (card ?? $('add-question')).focus();
  } catch (err) {
    showError(error, err);
  }
}

function notify(text) {
  const box = $('questions-notice');
  box.textContent = text;
  box.hidden = false;
}

// Delete

let deleting = null;

function askDelete(question, n, opener) {
  deleting = question;
  returnFocus = opener;
  clearError($('delete-error'));
  $('delete-text').textContent = t('staff.delete.text', { n, text: plain(question.text).slice(0, 160) });
  $('delete-dialog').showModal();
  $('delete-cancel').focus();
}

async function onDelete() {
  if (!deleting) return;
  const question = deleting;
  try {
    await busy($('delete-confirm'), t('staff.busy.deleting'), () => deleteQuestion(bankId, question.id));
    deleting = null;
    returnFocus = $('questions-heading');
    $('questions-heading').tabIndex = -1;
    $('delete-dialog').close();
    await refreshAll();
    notify(t('staff.questions.deleted'));
  } catch (err) {
    showError($('delete-error'), err);
  }
}

start();
