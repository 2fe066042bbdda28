/**
 * Issue 16 (3-4) on the exam page: the "Gradebook (LMS)" column of the results table (each student's grade on its
 * way to the LMS: sent, waiting, failed with the LMS's answer, and "Send again" for a failed one), and the button that
 * fills the roster from the LMS course. Shown only when the exam is opened from an LMS (the server says so).
 */

import { h } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { examLtiGrades, resendLtiGrade, syncRosterFromCourse } from '../../lib/api/lti-services.js';
import { $, busy, clearError, labelColumns, showError } from '../../lib/staff.js';
import { gradeCell } from '../../lib/lti-grades.js';

export { answerSummary } from '../../lib/lti-grades.js';

/** What the server says of the exam's LMS links and grades; null when the caller may not read them. */
export async function ltiOf(examId) {
  try {
    return await examLtiGrades(examId);
  } catch {
    return null;
  }
}

/**
 * Adds the gradebook column to the rendered results table (rows carry data-student). {@code mayResend}: the caller
 * manages the exam; {@code reload} re-reads the results after a resend.
 */
export function addGradebookColumn(lti, { examId, mayResend, reload }) {
  const table = $('results-table');
  table.querySelectorAll('[data-field="lms"]').forEach((cell) => cell.remove());
  if (!lti || (!lti.linked && lti.grades.length === 0)) return;
  const head = table.tHead.rows[0];
  head.append(h('th', { scope: 'col', 'data-field': 'lms', text: t('staff.lti.gradebook') }));
  const byStudent = new Map(lti.grades.map((g) => [g.studentId, g]));
  for (const row of table.tBodies[0].rows) {
    const grade = byStudent.get(row.dataset.student);
    row.append(h('td', { 'data-field': 'lms', 'data-grade-state': grade?.state ?? 'none' }, ...gradeCell(grade)));
  }
  if (mayResend) {
    table
      .querySelectorAll('button[data-resend]')
      .forEach((button) => button.addEventListener('click', () => resend(examId, button, reload)));
  }
  table.querySelectorAll('button[data-resend]').forEach((button) => {
    button.hidden = !mayResend;
  });
  labelColumns(table);
}

async function resend(examId, button, reload) {
  const error = $('results-error');
  clearError(error);
  try {
    await busy(button, t('staff.busy.loading'), () => resendLtiGrade(examId, button.dataset.resend));
    await reload();
  } catch (err) {
    showError(error, err);
  }
}

/** The "Fill from the LMS course" block of the roster section, for whoever manages an exam opened from a course. */
export function showCourseRoster(lti, { examId, afterSync }) {
  const block = $('course-roster');
  if (!lti?.course) return;
  block.hidden = false;
  $('course-roster-sync').addEventListener('click', async () => {
    const error = $('course-roster-error');
    const done = $('course-roster-result');
    clearError(error);
    done.hidden = true;
    try {
      const r = await busy($('course-roster-sync'), t('staff.busy.loading'), () => syncRosterFromCourse(examId));
      done.dataset.added = String(r.added);
      done.textContent = t('staff.lti.synced', {
        added: r.added,
        already: r.already,
        skipped: r.skipped,
        removed: r.removed,
        kept: r.kept,
      });
      done.hidden = false;
      await afterSync();
    } catch (err) {
      showError(error, err);
    }
  });
}
