/**
 * The question editor of bank.html (pages/bank/bank.js), a dialog to add a question or edit one in place (issue 12, 3):
 * its text (simple HTML, with a live preview through richText), one answer or several, two to ten options each with
 * its share of the point in percent (negative allowed), the author's feedback and whether it keeps its place, the
 * general feedback, whether the options are shuffled, the difficulty (an edited question may stay unclassified,
 * 5.23.3) and the topic. Ticking "correct" fills the plain shares (one answer: 100 %; several: 100/k, and -100/k for
 * each wrong one); a share typed by hand is kept, and "correct" follows it. Checked here before saving, then by the
 * engine: a new question is POSTed, an edited one PATCHed (its option ids stay when only texts or shares change).
 *
 * For tests: #question-dialog, #q-options li.option-row[data-option] with .option-text-input, .option-correct,
 * .option-fraction, .option-feedback-input, .option-fixed; #q-single-one, #q-single-many, #q-shuffle, #q-feedback,
 * #q-difficulty, #q-topic; button[data-action="remove-option"].
 */

import { h } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { uploadBankMedia } from '../../lib/api/banks.js';
import { saveQuestions } from '../../lib/api/banks.js';
import { editQuestion } from '../../lib/api/banks.js';
import { LETTERS, rich } from './card.js';
import { notify } from './questions.js';
import { editable, toSave } from './option-text.js';
import { $, busy, clearError, showError, showProblems } from '../../lib/staff.js';

const MAX_OPTIONS = 10;
const MIN_OPTIONS = 2;

/** From the page: the bank's id, and reload() that reads the bank and its questions again after a save. */
let page = { bankId: null, reload: async () => {} };
let editing = null; // the question in the editor, or null for a new one
let returnFocus = null;
/** Each option row's stored HTML and what its field showed when the editor opened (option-text.js). */
const origins = new WeakMap();

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
    addOptionRow({ text: '', fraction: 0, feedback: '', fixed: false });
    const rows = $('q-options').querySelectorAll('.option-text-input');
    rows[rows.length - 1]?.focus();
  });
  $('q-text').addEventListener('input', () => $('q-preview').replaceChildren(rich($('q-text').value)));
  $('q-media').addEventListener('change', addMedia);
  for (const id of ['q-single-one', 'q-single-many']) $(id).addEventListener('change', syncCorrect);
}

/**
 * Issue 12 (2): stores the chosen file with the bank (the server reads its type from the bytes and refuses SVG and
 * anything active) and adds it to the end of the question's text by its hash, as the importers store pictures.
 */
async function addMedia() {
  const input = $('q-media');
  const file = input.files?.[0];
  if (!file) return;
  clearError($('question-error'));
  input.disabled = true;
  try {
    const { hash, type } = await uploadBankMedia(page.bankId, file);
    const alt = file.name.replace(/\.[^.]*$/, '').replace(/["<>&]/g, ' ');
    const tag = type.startsWith('image/')
      ? `<img data-media="${hash}" alt="${alt}">`
      : `<${type.startsWith('video/') ? 'video' : 'audio'} data-media="${hash}" controls></${type.startsWith('video/') ? 'video' : 'audio'}>`;
    const text = $('q-text');
    text.value = `${text.value.trimEnd()}\n<p>${tag}</p>`;
    text.dispatchEvent(new Event('input'));
  } catch (err) {
    showError($('question-error'), err);
  } finally {
    input.value = '';
    input.disabled = false;
  }
}

/** Opens the editor on question, or empty (five options, one answer) when question is null; focus returns to opener. */
export function openEditor(question, opener) {
  editing = question;
  returnFocus = opener;
  clearError($('question-error'));
  $('question-dialog-title').textContent = question
    ? t('staff.question.editTitleN', { n: question.number })
    : t('staff.question.addTitle');
  $('q-text').value = question?.text ?? '';
  $('q-preview').replaceChildren(rich($('q-text').value));
  $('q-options').replaceChildren();
  const texts = question?.options ?? ['', '', '', '', ''];
  texts.forEach((text, i) =>
    addOptionRow({
      text,
      fraction: question?.fractions?.[i] ?? 0,
      feedback: question?.optionFeedback?.[i] ?? '',
      fixed: (question?.fixed ?? []).includes(i),
    }),
  );
  $(question && !question.single ? 'q-single-many' : 'q-single-one').checked = true;
  syncCorrect();
  $('q-shuffle').checked = question ? question.shuffle !== false : true;
  $('q-feedback').value = question?.feedback ?? '';
  $('q-feedback-details').open = Boolean(question?.feedback);
  $('q-difficulty-unclassified').hidden = !question; // a new question needs a difficulty (5.23.3)
  $('q-difficulty-unclassified').disabled = !question;
  $('q-difficulty').value = question ? (question.difficulty ?? 'unclassified') : 'medium';
  $('q-topic').value = question?.topic ?? '';
  $('question-dialog').showModal();
  $('q-text').focus();
}

function single() {
  return $('q-single-one').checked;
}

function addOptionRow({ text, fraction, feedback, fixed }) {
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
      h('div', { class: 'option-preview', hidden: true }, h('span', { class: 'option-preview-label' }), h('span', {})),
    ),
    h(
      'p',
      { class: 'check correct-check' },
      h('input', { type: 'checkbox', class: 'option-correct' }),
      h('label', { class: 'correct-label' }),
    ),
    h(
      'p',
      { class: 'fraction-field' },
      h('input', {
        type: 'number',
        class: 'option-fraction',
        min: '-100',
        max: '100',
        step: 'any',
        inputmode: 'decimal',
      }),
      h('span', { class: 'fraction-unit', 'aria-hidden': 'true', text: '%' }),
    ),
    h('button', { class: 'button button-quiet', type: 'button', 'data-action': 'remove-option' }),
    h(
      'details',
      { class: 'option-extra' },
      h('summary', { class: 'option-extra-summary' }),
      h('label', { class: 'feedback-label' }),
      h('textarea', { rows: '2', class: 'option-feedback-input' }),
      h(
        'p',
        { class: 'check' },
        h('input', { type: 'checkbox', class: 'option-fixed', checked: fixed }),
        h('label', { class: 'fixed-label' }),
      ),
      h(
        'p',
        { class: 'check' },
        h('input', { type: 'checkbox', class: 'option-html' }),
        h('label', { class: 'html-label' }),
      ),
    ),
  );
  // issue 15: an option without markup is edited as the text it shows ("<b>", not "&lt;b&gt;"), one with markup as HTML
  const shown = editable(text);
  origins.set(row, { stored: text, shown: shown.value });
  row.querySelector('.option-text-input').value = shown.value;
  row.querySelector('.option-html').checked = shown.format === 'html';
  row.querySelector('.option-html').addEventListener('change', () => showOptionPreview(row));
  row.querySelector('.option-text-input').addEventListener('input', () => showOptionPreview(row));
  showOptionPreview(row);
  row.querySelector('.option-fraction').value = String(round(fraction));
  row.querySelector('.option-feedback-input').value = feedback;
  if (feedback || fixed || shown.format === 'html') row.querySelector('details').open = true;
  row.querySelector('.option-correct').addEventListener('change', plainShares);
  row.querySelector('.option-fraction').addEventListener('input', syncCorrect);
  row.querySelector('[data-action="remove-option"]').addEventListener('click', () => {
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    renumberOptions();
    syncCorrect();
    next?.querySelector('.option-text-input')?.focus();
  });
  list.append(row);
  renumberOptions();
  syncCorrect();
}

/** The HTML an option row would save now (option-text.js). */
function optionHtml(row) {
  return toSave({
    ...(origins.get(row) ?? {}),
    value: row.querySelector('.option-text-input').value,
    format: row.querySelector('.option-html').checked ? 'html' : 'text',
  });
}

/** An option edited as HTML shows under its field what the student will see. */
function showOptionPreview(row) {
  const preview = row.querySelector('.option-preview');
  const html = row.querySelector('.option-html').checked;
  preview.hidden = !html;
  if (html) preview.lastElementChild.replaceChildren(rich(optionHtml(row)));
}

function round(n) {
  return Math.round(Number(n) * 100000) / 100000;
}

/** A "correct" box changed: the shares become the plain ones for the boxes ticked. */
function plainShares() {
  const rows = [...$('q-options').children];
  const ticked = rows.filter((row) => row.querySelector('.option-correct').checked).length;
  for (const row of rows) {
    const correct = row.querySelector('.option-correct').checked;
    const share = single() ? (correct ? 100 : 0) : (correct ? 100 : -100) / Math.max(1, ticked);
    row.querySelector('.option-fraction').value = String(round(share));
  }
}

/** "Correct" follows the shares: one answer, the options worth 100 %; several, those worth more than 0. */
function syncCorrect() {
  for (const row of $('q-options').children) {
    const f = Number(row.querySelector('.option-fraction').value);
    row.querySelector('.option-correct').checked = single() ? f >= 99.999 : f > 0;
  }
}

/** Gives each option row its letter, ids and labels again after a row was added or removed. */
function renumberOptions() {
  const rows = [...$('q-options').children];
  rows.forEach((row, i) => {
    const letter = LETTERS[i];
    row.dataset.option = String(i);
    row.querySelector('.option-letter').textContent = letter;
    const text = row.querySelector('.option-text-input');
    text.id = `q-option-${i}`;
    const label = row.querySelector('.option-label');
    label.htmlFor = text.id;
    label.textContent = t('staff.question.option', { letter });
    const box = row.querySelector('.option-correct');
    box.id = `q-correct-${i}`;
    const correctLabel = row.querySelector('.correct-label');
    correctLabel.htmlFor = box.id;
    correctLabel.textContent = t('staff.question.correct');
    box.setAttribute('aria-label', t('staff.question.correctLetter', { letter }));
    const fraction = row.querySelector('.option-fraction');
    fraction.id = `q-fraction-${i}`;
    fraction.setAttribute('aria-label', t('staff.question.fractionLetter', { letter }));
    row.querySelector('.option-extra-summary').textContent = t('staff.question.extra', { letter });
    const feedback = row.querySelector('.option-feedback-input');
    feedback.id = `q-option-feedback-${i}`;
    row.querySelector('.feedback-label').htmlFor = feedback.id;
    row.querySelector('.feedback-label').textContent = t('staff.question.optionFeedback', { letter });
    const fixed = row.querySelector('.option-fixed');
    fixed.id = `q-fixed-${i}`;
    row.querySelector('.fixed-label').htmlFor = fixed.id;
    row.querySelector('.fixed-label').textContent = t('staff.question.fixed');
    const html = row.querySelector('.option-html');
    html.id = `q-option-html-${i}`;
    row.querySelector('.html-label').htmlFor = html.id;
    row.querySelector('.html-label').textContent = t('staff.question.optionHtml');
    row.querySelector('.option-preview-label').textContent = `${t('staff.question.optionPreview')} `;
    const remove = row.querySelector('[data-action="remove-option"]');
    remove.textContent = t('staff.question.remove');
    remove.setAttribute('aria-label', t('staff.question.removeLetter', { letter }));
    remove.disabled = rows.length <= MIN_OPTIONS;
  });
  $('q-add-option').disabled = rows.length >= MAX_OPTIONS;
}

/** The question in the form, or the problems that keep it from being sent. */
function read() {
  const rows = [...$('q-options').children];
  const problems = [];
  let first = null;
  const mark = (el) => {
    el.setAttribute('aria-invalid', 'true');
    first ??= el;
  };
  for (const el of $('question-form').querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const text = $('q-text').value.trim();
  if (!text) {
    problems.push({ field: 'text', message: t('staff.question.needText') });
    mark($('q-text'));
  }
  const options = rows.map(optionHtml);
  const fractions = rows.map((row) => Number(row.querySelector('.option-fraction').value || 0));
  options.forEach((option, i) => {
    const letter = LETTERS[i];
    if (!option) {
      problems.push({ field: 'options', message: t('staff.question.emptyOption', { letter }) });
      mark(rows[i].querySelector('.option-text-input'));
    }
    if (!Number.isFinite(fractions[i]) || fractions[i] < -100 || fractions[i] > 100) {
      problems.push({ field: 'fractions', message: t('staff.question.badFraction', { letter }) });
      mark(rows[i].querySelector('.option-fraction'));
    }
  });
  if (!rows.some((row) => row.querySelector('.option-correct').checked)) {
    problems.push({ field: 'correct', message: t('staff.question.needCorrect') });
    first ??= rows[0]?.querySelector('.option-correct');
  }
  const difficulty = $('q-difficulty').value;
  const question = {
    text,
    options,
    fractions,
    single: single(),
    shuffle: $('q-shuffle').checked,
    optionFeedback: rows.map((row) => row.querySelector('.option-feedback-input').value.trim()),
    fixed: rows.map((row, i) => (row.querySelector('.option-fixed').checked ? i : -1)).filter((i) => i >= 0),
    feedback: $('q-feedback').value.trim(),
    difficulty: difficulty === 'unclassified' ? null : difficulty,
    topic: $('q-topic').value.trim(),
  };
  return { question, problems, first };
}

async function onSave(event) {
  event.preventDefault();
  const error = $('question-error');
  clearError(error);
  const { question, problems, first } = read();
  if (problems.length > 0) {
    showProblems(error, t('staff.question.fix'), problems);
    first?.focus();
    return;
  }
  const id = editing?.id ?? null;
  try {
    await busy($('question-save'), t('staff.busy.saving'), () =>
      id ? editQuestion(page.bankId, id, question) : saveQuestions(page.bankId, [question]),
    );
    $('question-dialog').close();
    await page.reload();
    notify(id ? t('staff.questions.saved') : t('staff.questions.added'));
    const card = id ? document.querySelector(`[data-question="${CSS.escape(id)}"] [data-action="edit"]`) : null;
    (card ?? $('add-question')).focus();
  } catch (err) {
    showError(error, err);
  }
}
