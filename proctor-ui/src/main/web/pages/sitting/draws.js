/**
 * The ticket draw on the console (6.15.6): the commitment published from the start, every draw (its number, the
 * student, the word they said, the ticket, the time), the seed once the sitting is closed so anyone can recompute each
 * ticket (the recipe: kz.emtihan.sitting.model's package documentation), and closing the sitting, which reveals the
 * seed and starts the 48 hours to appeal (6.15.4).
 *
 * Issue 15 (5): the commitment and the seed are 64 hex digits; the chair's screen shows a short form (the first 8 and
 * last 4) with the whole value folded under it (details#commitment-fold, #seed-fold), so it can still be read out or
 * copied and compared with the verify page.
 *
 * Markup: #draws-section, #commitment (the whole value) and #commitment-short, #seed[data-revealed] and #seed-short, #draws-none, #draws-table with tr[data-draw], #close-box,
 * #close-sitting, #close-error.
 */

import { h } from '../../lib/dom.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { $, busy, clearError, fill, showError } from '../../lib/staff.js';

/** draws: GET /sittings/{id}/draws as last read (or null); nameOf(id) → a person's name. */
export function renderDraws(sitting, draws, role, nameOf) {
  $('draws-section').hidden = false;
  showHash('commitment', draws?.commitment ?? sitting.commitment ?? '');
  showHash('seed', draws?.seed ?? '', t('sitting.seedHidden'));
  $('seed').dataset.revealed = draws?.seed ? 'true' : 'false';
  const list = draws?.draws ?? sitting.draws ?? [];
  $('draws-none').hidden = list.length > 0;
  $('draws-table').hidden = list.length === 0;
  fill(
    $('draws-body'),
    ...list.map((d) =>
      h(
        'tr',
        { 'data-draw': d.drawNumber },
        h('td', { class: 'num', text: String(d.drawNumber) }),
        h('td', { text: nameOf(d.studentId) }),
        h('td', { text: d.word || '—' }),
        h('td', { class: 'num', text: String(d.ticket) }),
        h('td', { text: formatDateTime(d.at) }),
      ),
    ),
  );
  $('close-box').hidden = !((role === 'secretary' || role === 'chair') && !sitting.endedAt);
}

/** "1a2b3c4d…9f0e" for a long hex value; anything short stays as it is. */
export function shortHash(value) {
  return /^[0-9a-f]{16,}$/i.test(value) ? `${value.slice(0, 8)}…${value.slice(-4)}` : value;
}

/** A hash: its short form in the summary, the whole value folded under it; `none` (no fold) when there is none. */
function showHash(id, value, none = '') {
  $(id).textContent = value || none;
  const fold = $(`${id}-fold`);
  const short = value ? shortHash(value) : none;
  $(`${id}-short`).textContent = short;
  $(`${id}-short`).title = value;
  fold.dataset.folds = String(Boolean(value) && short !== value);
  if (fold.dataset.folds !== 'true') fold.open = false;
  fold.querySelector('summary').tabIndex = fold.dataset.folds === 'true' ? 0 : -1; // nothing to unfold: no tab stop
}

/** The secretary or the chair closes the sitting, once asked (issue 15, item 5); reload() reads it again. */
export function prepareClose(sittingId, reload, askFirst) {
  $('close-sitting').addEventListener('click', async () => {
    clearError($('close-error'));
    if (!(await askFirst('close'))) return;
    try {
      await busy($('close-sitting'), t('staff.busy.saving'), () => api.closeSitting(sittingId));
      await reload();
    } catch (err) {
      showError($('close-error'), err);
    }
  });
}
