/**
 * The console's rare actions (issue 15, item 5): the act of technical failure (6.15.2), the removal for a violation
 * (6.14) and the chair's decisions on postponements (6.15.2-6.15.3) sit in their own area below the current student,
 * folded (details#rare-details) so that nothing red stands beside the usual steps; it opens by itself when a new
 * application awaits the chair. Each of them, and closing the sitting, asks first in a dialog in the page's language
 * (askFirst); Cancel is focused, Escape cancels.
 *
 * Markup: section#rare-actions, details#rare-details, #rare-awaiting; dialog#rare-dialog[data-kind] with
 * #rare-dialog-title, #rare-dialog-body, #rare-dialog-ok, #rare-dialog-cancel.
 */

import { t } from '../../lib/i18n.js';
import { confirmWords } from '../../lib/sitting/console.js';
import { postponementState } from '../../lib/sitting/postponements.js';

const $ = (id) => document.getElementById(id);
let awaitingBefore = 0;

/**
 * Asks before a rare action of kind (act | remove | close | allow | refuse; params for its words, e.g. student);
 * resolves true when the reader confirms, false when they cancel or a question is already open.
 */
export function askFirst(kind, params = {}) {
  const dialog = $('rare-dialog');
  if (dialog.open) return Promise.resolve(false);
  const words = confirmWords(kind);
  $('rare-dialog-title').textContent = t(words.title, params);
  $('rare-dialog-body').textContent = t(words.body, params);
  $('rare-dialog-ok').textContent = t(words.ok, params);
  dialog.dataset.kind = kind;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
    $('rare-dialog-cancel').focus();
  });
}

/** Shows the area when one of its parts is shown; says how many applications await the chair, opening it for a new one. */
export function renderRare(sitting, role) {
  const parts = ['remove-box', 'act-box', 'postponements-section'];
  $('rare-actions').hidden = parts.every((id) => $(id).hidden);
  const awaiting =
    role === 'chair' && !sitting.endedAt
      ? (sitting.postponements ?? []).filter((p) => postponementState(p) === 'awaiting').length
      : 0;
  const badge = $('rare-awaiting');
  badge.hidden = awaiting === 0;
  badge.textContent = t('sitting.rare.awaiting', { n: awaiting });
  if (awaiting > awaitingBefore) $('rare-details').open = true;
  awaitingBefore = awaiting;
}
