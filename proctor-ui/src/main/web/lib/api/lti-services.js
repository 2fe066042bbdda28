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
