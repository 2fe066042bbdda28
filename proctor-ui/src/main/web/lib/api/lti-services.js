/**
 * Issue 16 (3-4): grades back to the LMS gradebook and rosters from the LMS course. One style for every call:
 * lib/api/client.js.
 */

import { get, post, segment } from './client.js';

const base = (examId) => `/exams/${segment(examId)}/lti`;

/** → {examId, linked, course, grades:[{studentId, state, scoreGiven, scoreMaximum, letter, tries, sentAt?, nextAt?, failedAt?, platformAnswer?}]} */
export const examLtiGrades = (examId) => get(`${base(examId)}/grades`);

/** A given-up grade queued again → the grade, waiting */
export const resendLtiGrade = (examId, studentId) => post(`${base(examId)}/grades/${segment(studentId)}/resend`, {});

/** → {added, already, skipped, removed, kept, students} */
export const syncRosterFromCourse = (examId) => post(`${base(examId)}/roster-sync`, {});

const sittingBase = (sittingId) => `/sittings/${segment(sittingId)}/lti`;

/** Issue 16 (3) for oral sittings → {sittingId, linked, grades:[…as examLtiGrades]} */
export const sittingLtiGrades = (sittingId) => get(`${sittingBase(sittingId)}/grades`);

/** A given-up grade of a sitting queued again → the grade, waiting */
export const resendSittingLtiGrade = (sittingId, studentId) =>
  post(`${sittingBase(sittingId)}/grades/${segment(studentId)}/resend`, {});
