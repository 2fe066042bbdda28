/**
 * The question editor of bank.html (pages/bank.js), a dialog to add a question or edit one: its text (simple
 * HTML, with a live preview through richText), two to ten options with the correct ones ticked, difficulty and
 * topic. Checked here before saving (text, no empty option, at least one correct), then by the engine; only
 * for the bank's owner and admins.
 *
 * For tests: #question-dialog, #q-options li.option-row[data-option], button[data-action="remove-option"].
 */

import { h } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { richText } from '../lib/richtext.js';
import { saveQuestions } from '../lib/staff-api.js';
import { LETTERS, notify } from './bank-questions.js';
import { $, busy, clearError, showError, showProblems } from './staff.js';

const MAX_OPTIONS = 10;
const MIN_OPTIONS = 2;

/** From the page: the bank's id, and reload() that reads the bank and its questions again after a save. */
let page = { bankId: null, reload: async () => {} };
let editing = null; // the question in the editor, or null for a new one
let returnFocus = null;

/** Shows "Add a question" to those who may change the bank ({ bankId, canEdit, reload }) and wires the dialog. */
export function prepareEditor({ bankId, canEdit, reload }) {
  page = { bankId, reload };
  $('add-question').hidden = !canEdit;
  if (!canEdit) return;
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
}

/** Opens the editor on question, or empty (five options) when question is null; focus returns to opener. */
export function openEditor(question, opener) {
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
  const row = h(
    'li',
    { class: 'option-row' },
    h('span', { class: 'option-letter', 'aria-hidden': 'true' }),
    h(
      'div',
      { class: 'option-input' },
      h('label', { class: 'option-label' }),
      h('textarea', { rows: '1', class: 'option-text-input' }),
    ),
    h(
      'p',
      { class: 'check correct-check' },
      h('input', { type: 'checkbox', class: 'option-correct', checked: correct }),
      h('label', { class: 'correct-label' }),
    ),
    h('button', { class: 'button button-quiet', type: 'button', 'data-action': 'remove-option' }),
  );
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
    await busy($('question-save'), t('staff.busy.saving'), () => saveQuestions(page.bankId, [question]));
    const wasNew = !editing;
    const id = editing?.id;
    $('question-dialog').close();
    await page.reload();
    notify(wasNew ? t('staff.questions.added') : t('staff.questions.saved'));
    const card = id ? document.querySelector(`[data-question="${CSS.escape(id)}"] [data-action="edit"]`) : null;
    (card ?? $('add-question')).focus();
  } catch (err) {
    showError(error, err);
  }
}
