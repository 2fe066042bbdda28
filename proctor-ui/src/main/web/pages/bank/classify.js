/**
 * Classifying many questions of bank.html at once (issue 12, 3; 5.23.3): tick questions on any page, tick the whole
 * page, or take every question matching the filter (all of them, not only the 50 drawn), then give them one
 * difficulty or make them unclassified. Ticked ones are sent by id; "all matching" sends the filter itself, so the
 * server classifies exactly what it would list. Only for those who may change the bank.
 *
 * For tests: #classify-bar[data-mode][data-selected], #select-page, #select-all, #select-none,
 * #classify-difficulty, #classify-apply.
 */

import { formatNumber, t, tn } from '../../lib/i18n.js';
import { classifyQuestions } from '../../lib/api/banks.js';
import { $, busy, clearError, showError } from '../../lib/staff.js';

/** From the page: the bank's id, reload() after a change, notify(text) for the note above the list. */
let page = { bankId: null, canEdit: false, reload: async () => {}, notify: () => {} };
/** 'ids': the ticked ones; 'all': every question matching `filter` (there are `total`). */
let selection = { mode: 'ids', ids: new Set(), filter: null, total: 0 };
let visible = { items: [], total: 0, filter: {} };

export function prepareClassify({ bankId, canEdit, reload, notify }) {
  page = { bankId, canEdit, reload, notify };
  $('classify-bar').hidden = !canEdit;
  if (!canEdit) return;
  $('select-page').addEventListener('change', (event) => {
    const checked = event.currentTarget.checked;
    if (selection.mode === 'all') selection = { mode: 'ids', ids: new Set(), filter: null, total: 0 };
    for (const q of visible.items) {
      if (checked) selection.ids.add(q.id);
      else selection.ids.delete(q.id);
    }
    drawTicks();
  });
  $('select-all').addEventListener('click', () => {
    selection = { mode: 'all', ids: new Set(), filter: visible.filter, total: visible.total };
    drawTicks();
  });
  $('select-none').addEventListener('click', () => {
    clearSelection();
    $('select-page').focus();
  });
  $('classify-apply').addEventListener('click', apply);
}

export function isSelected(id) {
  return selection.mode === 'all' || selection.ids.has(id);
}

/** A card's box was ticked or cleared; out of "all matching", the page's own ticks remain. */
export function toggle(q, checked) {
  if (selection.mode === 'all') {
    selection = { mode: 'ids', ids: new Set(visible.items.map((item) => item.id)), filter: null, total: 0 };
  }
  if (checked) selection.ids.add(q.id);
  else selection.ids.delete(q.id);
  drawTicks();
}

/** The filter changed: "all matching" meant the old one, so it ends; ticked ids stay. */
export function filterChanged() {
  if (selection.mode === 'all') clearSelection();
}

/** A question was deleted: it can no longer be classified. */
export function forget(id) {
  selection.ids.delete(id);
}

export function clearSelection() {
  selection = { mode: 'ids', ids: new Set(), filter: null, total: 0 };
  drawTicks();
}

/** A page was drawn: the boxes and the bar follow what is selected. */
export function pageShown(items, total, filter) {
  visible = { items, total, filter };
  drawTicks();
}

function count() {
  return selection.mode === 'all' ? selection.total : selection.ids.size;
}

function drawTicks() {
  if (!page.canEdit) return;
  for (const box of document.querySelectorAll('#question-list .select-question')) {
    box.checked = isSelected(box.closest('[data-question]').dataset.question);
  }
  const onPage = visible.items.filter((q) => isSelected(q.id)).length;
  const pageBox = $('select-page');
  pageBox.checked = visible.items.length > 0 && onPage === visible.items.length;
  pageBox.indeterminate = onPage > 0 && onPage < visible.items.length;
  pageBox.disabled = visible.items.length === 0;
  const n = count();
  const bar = $('classify-bar');
  bar.dataset.mode = selection.mode;
  bar.dataset.selected = String(n);
  $('selected-count').textContent =
    n === 0
      ? ''
      : selection.mode === 'all'
        ? tn('staff.classify.allSelected', n, { n: formatNumber(n) })
        : tn('staff.classify.selected', n, { n: formatNumber(n) });
  const all = $('select-all');
  all.hidden = selection.mode === 'all' || visible.total <= visible.items.length || visible.total === 0;
  all.textContent = t('staff.classify.selectAll', { n: formatNumber(visible.total) });
  $('select-none').hidden = n === 0;
  $('classify-apply').disabled = n === 0;
}

async function apply() {
  const error = $('classify-error');
  clearError(error);
  const value = $('classify-difficulty').value;
  const difficulty = value === 'unclassified' ? null : value;
  const which = selection.mode === 'all' ? { match: selection.filter } : { ids: [...selection.ids] };
  try {
    const result = await busy($('classify-apply'), t('staff.busy.saving'), () =>
      classifyQuestions(page.bankId, which, difficulty),
    );
    clearSelection();
    await page.reload();
    page.notify(tn('staff.classify.done', result.changed, { n: formatNumber(result.changed) }));
  } catch (err) {
    showError(error, err);
  }
}
