/**
 * Issue 16 (3) for oral sittings: the "Gradebook (LMS)" panel of the sitting page. When a link of the LMS opens the
 * sitting, each student's confirmed result (or an appeal's decision) goes to the LMS's gradebook; the panel lists the
 * students with their result and where its grade stands (sent, waiting, not accepted with the LMS's answer), with
 * "Send again" for a given-up grade to whoever runs the sitting (its chair, its secretary; admins). Shown only when
 * the server says the sitting is linked or has grades (it answers only to the sitting's commission and admins).
 *
 * Markup: #lms-section, #lms-error, table#lms-table with tbody#lms-body, tr[data-student], td[data-grade-state].
 */

import { h } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { resendSittingLtiGrade, sittingLtiGrades } from '../../lib/api/lti-services.js';
import { $, busy, clearError, fill, labelColumns, showError } from '../../lib/staff.js';
import { gradeCell } from '../../lib/lti-grades.js';

/** What the server says of the sitting's LMS grades; null when the caller may not read them (or none). */
export async function lmsOf(sittingId) {
  try {
    return await sittingLtiGrades(sittingId);
  } catch {
    return null;
  }
}

/** mayResend: the caller runs the sitting; nameOf(id) → a name; reload() reads the sitting and the grades again. */
export function renderGradebook(sitting, lms, { sittingId, nameOf, mayResend, reload }) {
  const section = $('lms-section');
  section.hidden = !lms || (!lms.linked && lms.grades.length === 0);
  if (section.hidden) return;
  const byStudent = new Map(lms.grades.map((g) => [g.studentId, g]));
  const rows = (sitting.students ?? []).map((id) => {
    const result = sitting.progress?.[id]?.result;
    const grade = byStudent.get(id);
    return h(
      'tr',
      { 'data-student': id },
      h('th', { scope: 'row', text: nameOf(id) }),
      h('td', { text: result?.letter ?? grade?.letter ?? '—' }),
      h('td', { 'data-field': 'lms', 'data-grade-state': grade?.state ?? 'none' }, ...gradeCell(grade)),
    );
  });
  fill($('lms-body'), ...rows);
  $('lms-body')
    .querySelectorAll('button[data-resend]')
    .forEach((button) => {
      button.hidden = !mayResend;
      button.addEventListener('click', () => resend(sittingId, button, reload));
    });
  labelColumns($('lms-table'));
}

async function resend(sittingId, button, reload) {
  const error = $('lms-error');
  clearError(error);
  try {
    await busy(button, t('staff.busy.loading'), () => resendSittingLtiGrade(sittingId, button.dataset.resend));
    await reload();
  } catch (err) {
    showError(error, err);
  }
}
