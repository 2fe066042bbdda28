/**
 * The questions of a bank on bank.html (pages/bank/bank.js), for banks of thousands (issue 12, 7): the server filters by
 * topic, difficulty (or unclassified, 5.23.3) and words, and the page draws one page of 50 cards at a time
 * (pages/bank/card.js), with Previous and Next. Selecting and classifying many is pages/bank/classify.js; the
 * editor pages/bank/editor.js; deleting is here, after a confirmation.
 *
 * For tests: #question-list[data-total][data-shown][data-offset], #filter-topic, #filter-difficulty, #filter-text,
 * #page-prev, #page-next, #page-where, #unclassified-note[data-count].
 */

import { h } from '../../lib/dom.js';
import { formatNumber, t, tn } from '../../lib/i18n.js';
import { deleteQuestion } from '../../lib/api/banks.js';
import { bankTopics, searchQuestions } from '../../lib/api/banks.js';
import { questionCard, rich } from './card.js';
import { filterChanged, forget, isSelected, pageShown, toggle } from './classify.js';
import { $, busy, clearError, showError } from '../../lib/staff.js';

export const PAGE_SIZE = 50;
const TOPIC = 't:'; // option values of #filter-topic: '' is every topic, 't:<name>' one ('t:' those without)

/** From the page: the bank's id, whether this user may change it, onEdit(question, opener), reload(). */
let page = { bankId: null, canEdit: false, onEdit: () => {}, reload: async () => {} };
let offset = 0;
let shown = { total: 0, items: [] };
let bankTotal = 0;
let asked = 0; // the latest request: an older answer arriving late is dropped
let deleting = null;
let returnFocus = null;
let typing = null;

/** Wires the filters, the pager and, for those who may change the bank, the delete confirmation. */
export function prepareQuestions({ bankId, canEdit, onEdit, reload }) {
  page = { bankId, canEdit, onEdit, reload };
  const changed = () => {
    offset = 0;
    $('questions-notice').hidden = true;
    filterChanged();
    loadPage().catch((err) => showError($('questions-error'), err));
  };
  $('filter-topic').addEventListener('change', changed);
  $('filter-difficulty').addEventListener('change', changed);
  $('filter-text').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(changed, 300);
  });
  $('show-unclassified').addEventListener('click', () => {
    $('filter-difficulty').value = 'unclassified';
    changed();
    $('filter-difficulty').focus();
  });
  $('page-prev').addEventListener('click', () => turn(-PAGE_SIZE));
  $('page-next').addEventListener('click', () => turn(PAGE_SIZE));
  if (!canEdit) return;
  $('delete-cancel').addEventListener('click', () => $('delete-dialog').close());
  $('delete-dialog').addEventListener('close', () => returnFocus?.focus());
  $('delete-confirm').addEventListener('click', onDelete);
}

/** The filter as the API takes it: {topic?, difficulty?, q?}. */
export function currentFilter() {
  const filter = {};
  const topic = $('filter-topic').value;
  if (topic.startsWith(TOPIC)) filter.topic = topic.slice(TOPIC.length);
  if ($('filter-difficulty').value) filter.difficulty = $('filter-difficulty').value;
  const q = $('filter-text').value.trim();
  if (q) filter.q = q;
  return filter;
}

/** Reads the topics and the current page again (after an import, an edit, a classification). */
export async function refreshQuestions() {
  await Promise.all([loadTopics(), loadPage()]);
}

async function turn(by) {
  offset = Math.max(0, offset + by);
  try {
    await loadPage();
    $('questions-heading').tabIndex = -1;
    $('questions-heading').focus();
    $('questions-heading').scrollIntoView({ block: 'start' });
  } catch (err) {
    showError($('questions-error'), err);
  }
}

/** The topics for the filter, and the bank's unclassified questions counted (5.23.3). */
async function loadTopics() {
  const topics = await bankTopics(page.bankId);
  const select = $('filter-topic');
  const chosen = select.value;
  select.replaceChildren(
    h('option', { value: '', text: t('staff.questions.allTopics') }),
    ...topics.map((row) =>
      h('option', {
        value: TOPIC + row.topic,
        text: t('staff.questions.topicCount', {
          topic: row.topic || t('staff.questions.noTopic'),
          n: formatNumber(row.total),
        }),
      }),
    ),
  );
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  bankTotal = topics.reduce((sum, row) => sum + row.total, 0);
  const unclassified = topics.reduce((sum, row) => sum + row.unclassified, 0);
  const note = $('unclassified-note');
  note.dataset.count = String(unclassified);
  note.hidden = unclassified === 0;
  $('unclassified-text').textContent = tn('staff.questions.unclassified', unclassified);
}

/** Asks the server for the page at offset under the current filter and draws it. */
async function loadPage() {
  const mine = ++asked;
  const filter = currentFilter();
  let answer = await searchQuestions(page.bankId, filter, offset, PAGE_SIZE);
  if (mine !== asked) return;
  if (answer.items.length === 0 && answer.total > 0 && offset > 0) {
    offset = Math.floor((answer.total - 1) / PAGE_SIZE) * PAGE_SIZE; // the last page, after deletions
    answer = await searchQuestions(page.bankId, filter, offset, PAGE_SIZE);
    if (mine !== asked) return;
  }
  shown = answer;
  clearError($('questions-error'));
  render(filter);
}

function render(filter) {
  const { total, items } = shown;
  const list = $('question-list');
  list.dataset.total = String(total);
  list.dataset.shown = String(items.length);
  list.dataset.offset = String(offset);
  const filtered = Object.keys(filter).length > 0;
  const from = formatNumber(total === 0 ? 0 : offset + 1);
  const to = formatNumber(offset + items.length);
  $('questions-count').textContent =
    total === 0
      ? filtered
        ? t('staff.questions.noneMatch')
        : t('staff.questions.empty')
      : filtered
        ? t('staff.questions.rangeFiltered', { from, to, total: formatNumber(total), all: formatNumber(bankTotal) })
        : t('staff.questions.range', { from, to, total: formatNumber(total) });
  list.replaceChildren(
    ...items.map((q) =>
      questionCard(q, {
        canEdit: page.canEdit,
        selected: isSelected(q.id),
        onSelect: toggle,
        onEdit: page.onEdit,
        onDelete: askDelete,
      }),
    ),
  );
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const at = Math.floor(offset / PAGE_SIZE) + 1;
  $('pager').hidden = total <= PAGE_SIZE;
  $('page-where').textContent = t('staff.questions.pageOf', { page: formatNumber(at), pages: formatNumber(pages) });
  $('page-prev').disabled = offset === 0;
  $('page-next').disabled = offset + items.length >= total;
  pageShown(items, total, filter);
}

/** A short note above the list after a question was added, saved, deleted or questions classified. */
export function notify(text) {
  const box = $('questions-notice');
  box.textContent = text;
  box.hidden = false;
}

/** The text content of question HTML (parsed inertly, never inserted). */
export function plain(html) {
  const holder = document.createElement('div');
  holder.append(rich(html));
  return holder.textContent;
}

// Delete

function askDelete(question, opener) {
  deleting = question;
  returnFocus = opener;
  clearError($('delete-error'));
  $('delete-text').textContent = t('staff.delete.text', {
    n: question.number,
    text: plain(question.text).slice(0, 160),
  });
  $('delete-dialog').showModal();
  $('delete-cancel').focus();
}

async function onDelete() {
  if (!deleting) return;
  const question = deleting;
  try {
    await busy($('delete-confirm'), t('staff.busy.deleting'), () => deleteQuestion(page.bankId, question.id));
    deleting = null;
    forget(question.id);
    returnFocus = $('questions-heading');
    $('questions-heading').tabIndex = -1;
    $('delete-dialog').close();
    await page.reload();
    notify(t('staff.questions.deleted'));
  } catch (err) {
    showError($('delete-error'), err);
  }
}
