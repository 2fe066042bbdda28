/**
 * The questions of a bank on bank.html (pages/bank.js): the list, numbered in the bank's order and filtered by
 * difficulty and by words in the text, topic or id, each card with its options and the correct ones marked
 * (question HTML through richText, never innerHTML). For the bank's owner and admins each card has Edit (the
 * editor, pages/bank-editor.js, through the onEdit the page gives) and Delete (after a confirmation).
 *
 * For tests: #question-list[data-count], li.question-card[data-question][data-difficulty][data-topic],
 * li.bank-option[data-option][data-correct], button[data-action="edit"|"delete"].
 */

import { h } from '../lib/dom.js';
import { t, tn } from '../lib/i18n.js';
import { richText } from '../lib/richtext.js';
import { deleteQuestion } from '../lib/staff-api.js';
import { $, busy, clearError, difficultyName, showError } from './staff.js';

export const LETTERS = 'ABCDEFGHIJ';

/**
 * From the page: the bank's id, whether this user may change it, onEdit(question, opener) that opens the
 * editor, and reload() that reads the bank and its questions again.
 */
let page = { bankId: null, canEdit: false, onEdit: () => {}, reload: async () => {} };
let questions = [];
let deleting = null;
let returnFocus = null;

/** Wires the filters, and for those who may change the bank the delete confirmation. */
export function prepareQuestions({ bankId, canEdit, onEdit, reload }) {
  page = { bankId, canEdit, onEdit, reload };
  $('filter-difficulty').addEventListener('change', renderQuestions);
  $('filter-text').addEventListener('input', renderQuestions);
  if (!canEdit) return;
  $('delete-cancel').addEventListener('click', () => $('delete-dialog').close());
  $('delete-dialog').addEventListener('close', () => returnFocus?.focus());
  $('delete-confirm').addEventListener('click', onDelete);
}

/** Shows the bank's questions as just read (GET /banks/{id}/questions). */
export function showQuestions(list) {
  questions = list;
  renderQuestions();
}

function renderQuestions() {
  const difficulty = $('filter-difficulty').value;
  const needle = $('filter-text').value.trim().toLocaleLowerCase();
  const numbered = questions.map((q, i) => ({ q, n: i + 1 }));
  const shown = numbered.filter(
    ({ q }) =>
      (!difficulty || q.difficulty === difficulty) &&
      (!needle || `${plain(q.text)} ${q.topic ?? ''} ${q.id}`.toLocaleLowerCase().includes(needle)),
  );
  $('questions-count').textContent =
    shown.length === questions.length
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
  return h(
    'li',
    { class: 'question-card', 'data-question': q.id, 'data-difficulty': q.difficulty, 'data-topic': q.topic ?? '' },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h(
        'div',
        { class: 'question-meta' },
        h('h3', { id: headingId, class: 'question-number', text: t('staff.questions.number', { n }) }),
        h('span', { class: `badge badge-${q.difficulty}`, text: difficultyName(q.difficulty) }),
        q.topic ? h('span', { class: 'topic', text: q.topic }) : null,
        h('span', { class: 'question-id muted', text: t('staff.questions.id', { id: q.id }) }),
      ),
      h('div', { class: 'question-text' }, richText(q.text)),
      h(
        'ol',
        { class: 'bank-options' },
        ...(q.options ?? []).map((option, i) =>
          h(
            'li',
            {
              class: correct.has(i) ? 'bank-option is-correct' : 'bank-option',
              'data-option': i,
              'data-correct': String(correct.has(i)),
            },
            h('span', { class: 'option-letter', 'aria-hidden': 'true', text: LETTERS[i] ?? String(i + 1) }),
            h('span', { class: 'option-text' }, richText(option)),
            correct.has(i) ? h('span', { class: 'correct-mark', text: t('staff.questions.correct') }) : null,
          ),
        ),
      ),
      (q.options ?? []).length !== 5
        ? h('p', { class: 'note', text: t('staff.questions.notFive', { n: (q.options ?? []).length }) })
        : null,
      page.canEdit
        ? h(
            'p',
            { class: 'card-actions' },
            h('button', {
              class: 'button',
              type: 'button',
              'data-action': 'edit',
              text: t('staff.questions.edit'),
              'aria-label': t('staff.questions.editN', { n }),
              on: { click: (event) => page.onEdit(q, event.currentTarget) },
            }),
            h('button', {
              class: 'button button-quiet button-danger-quiet',
              type: 'button',
              'data-action': 'delete',
              text: t('staff.questions.delete'),
              'aria-label': t('staff.questions.deleteN', { n }),
              on: { click: (event) => askDelete(q, n, event.currentTarget) },
            }),
          )
        : null,
    ),
  );
}

/** A short note above the list after a question was added, saved or deleted. */
export function notify(text) {
  const box = $('questions-notice');
  box.textContent = text;
  box.hidden = false;
}

// Delete

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
    await busy($('delete-confirm'), t('staff.busy.deleting'), () => deleteQuestion(page.bankId, question.id));
    deleting = null;
    returnFocus = $('questions-heading');
    $('questions-heading').tabIndex = -1;
    $('delete-dialog').close();
    await page.reload();
    notify(t('staff.questions.deleted'));
  } catch (err) {
    showError($('delete-error'), err);
  }
}
