/**
 * The ticket draw on the console (6.15.6): the commitment published from the start, every draw (its number, the
 * student, the word they said, the ticket, the time), the seed once the sitting is closed so anyone can recompute each
 * ticket (the recipe: kz.emtihan.sitting.model's package documentation), and closing the sitting, which reveals the
 * seed and starts the 48 hours to appeal (6.15.4).
 *
 * Markup: #draws-section, #commitment, #seed[data-revealed], #draws-none, #draws-table with tr[data-draw], #close-box,
 * #close-sitting, #close-error.
 */

import { h } from '../../lib/dom.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { $, busy, clearError, fill, showError } from '../../lib/staff.js';

/** draws: GET /sittings/{id}/draws as last read (or null); nameOf(id) → a person's name. */
export function renderDraws(sitting, draws, role, nameOf) {
  $('draws-section').hidden = false;
  $('commitment').textContent = draws?.commitment ?? sitting.commitment ?? '';
  const seed = $('seed');
  seed.textContent = draws?.seed ?? t('sitting.seedHidden');
  seed.dataset.revealed = draws?.seed ? 'true' : 'false';
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
