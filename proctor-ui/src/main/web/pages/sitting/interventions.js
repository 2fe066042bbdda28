/**
 * The console's part for what interrupts a sitting's plan: the secretary's or chair's removal of a student for a
 * violation (6.14), an administrator's move of the sitting to another day (6.15.6), and the notes the commission and
 * the student see about them and about a student carried from an earlier sitting (6.15.3). The engine decides: the
 * remove box shows only when the view's steps offer "remove"; the move only to an administrator of an open sitting.
 */

import { h } from '../../lib/dom.js';
import { dateValue, localDateInput, setDateValue } from '../../lib/date-input.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { dayIn, mayTake } from '../../lib/sitting/flow.js';
import { $, busy, clearError, fill, showError, showProblems } from '../../lib/staff.js';

/**
 * Wires the buttons once; ctx: {sittingId, chosen(), nameOf(id), reload, askFirst(kind, params)}. The removal is a
 * rare action (issue 15, item 5): it needs a reason, then asks first.
 */
export function wireInterventions(ctx) {
  localDateInput($('reschedule-date')); // issue 15 (2): the day in the page's language; the API still gets 2026-12-01
  $('remove-submit').addEventListener('click', async () => {
    const box = $('remove-error');
    clearError(box);
    const reason = $('remove-reason').value.trim();
    if (!reason) {
      showProblems(box, t('sitting.remove.needReason'), []);
      $('remove-reason').focus();
      return;
    }
    const student = ctx.chosen();
    if (!(await ctx.askFirst('remove', { student: ctx.nameOf(student) }))) return;
    try {
      await busy($('remove-submit'), t('staff.busy.saving'), () => api.removeStudent(ctx.sittingId, student, reason));
      $('remove-reason').value = '';
      await ctx.reload();
    } catch (err) {
      showError(box, err);
    }
  });
  $('reschedule-submit').addEventListener('click', async () => {
    const box = $('reschedule-error');
    clearError(box);
    try {
      await busy($('reschedule-submit'), t('staff.busy.saving'), () =>
        api.rescheduleSitting(ctx.sittingId, dateValue($('reschedule-date')), $('reschedule-reason').value.trim()),
      );
      $('reschedule-reason').value = '';
      await ctx.reload();
    } catch (err) {
      showError(box, err);
    }
  });
}

/** Renders the notes and boxes for the sitting as last read; role as in the view ('none' for an administrator). */
export function renderInterventions(sitting, role, chosen, nameOf) {
  const open = !sitting.endedAt;
  const zone = sitting.rules?.timeZone ?? 'Asia/Almaty';
  const today = sitting.serverTime ? dayIn(sitting.serverTime, zone) : null;
  const offDay = $('sitting-off-day');
  offDay.hidden = !open || !today || today === sitting.date;
  if (!offDay.hidden) offDay.textContent = t('sitting.offDay', { date: sitting.date, today });

  const admin = role === 'none';
  $('reschedule-section').hidden = !(admin && open) && !(sitting.reschedules ?? []).length;
  for (const id of ['reschedule-date', 'reschedule-reason', 'reschedule-submit'])
    $(id).closest('.field, .actions').hidden = !(admin && open);
  if (admin && open && !$('reschedule-date').value && today) setDateValue($('reschedule-date'), today);
  fill(
    $('reschedules'),
    ...(sitting.reschedules ?? []).map((r) =>
      h('li', {
        text: t('sitting.reschedule.item', {
          from: r.from,
          to: r.to,
          by: nameOf(r.by),
          at: formatDateTime(r.at),
          reason: r.reason,
        }),
      }),
    ),
  );

  const p = chosen ? (sitting.progress?.[chosen] ?? {}) : {};
  $('remove-box').hidden = !(chosen && open && mayTake(p, 'remove'));
  const removal = p.removal;
  $('removal-note').hidden = !removal;
  if (removal)
    $('removal-note').textContent = t('sitting.removal', {
      by: nameOf(removal.by),
      at: formatDateTime(removal.at),
      reason: removal.reason,
    });
  const carried = chosen ? sitting.carried?.[chosen] : null;
  $('carried-note').hidden = !carried;
  if (carried)
    $('carried-note').textContent = t('sitting.carried', {
      from: carried.from,
      deadline: formatDateTime(carried.deadline),
    });
}
