/**
 * The exam's proctors on exam.html (issue 10, 3): a proctor sees and acts only on the exams an admin assigned to
 * them. Everyone who sees the exam sees who proctors it; an admin ticks proctors among the accounts with the
 * proctor role and saves (PUT /exams/{id}/proctors). It holds at once on every engine node.
 *
 * For tests: #proctors-section[data-may-assign], #proctors-form, #proctors-save.
 */

import { t } from '../../lib/i18n.js';
import { examProctors, saveExamProctors } from '../../lib/api/exams.js';
import { chosen, peopleChoice, peopleList } from '../../lib/people-picker.js';
import { $, busy, clearError, showError, showProblems } from '../../lib/staff.js';

export async function showExamProctors(examId) {
  draw(examId, await examProctors(examId));
}

function draw(examId, assignment) {
  $('proctors-section').dataset.mayAssign = String(Boolean(assignment.mayAssign));
  $('proctors-list').replaceChildren(peopleList('proctors', assignment.people));
  const form = $('proctors-form');
  form.hidden = !assignment.mayAssign;
  if (!assignment.mayAssign) return;
  $('proctors-choices').replaceChildren(
    peopleChoice('proctors', t('staff.proctors.choose'), assignment.candidates, assignment.proctors),
  );
  form.onsubmit = (event) => {
    event.preventDefault();
    busy($('proctors-save'), t('staff.busy.saving'), async () => {
      clearError($('proctors-error'));
      $('proctors-saved').hidden = true;
      try {
        draw(examId, await saveExamProctors(examId, chosen(form, 'proctors')));
        $('proctors-saved').hidden = false;
      } catch (err) {
        if (err.body?.problems?.length) showProblems($('proctors-error'), err.message, err.body.problems);
        else showError($('proctors-error'), err);
      }
    });
  };
}
