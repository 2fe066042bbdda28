/**
 * The exams (5.16, 5.20, 5.33; issue 12, 6): scheduling, the academic calendar, rosters, proctors, results, progress
 * and item statistics. One style for every call: lib/api/client.js.
 */

import { get, post, put, raw, segment, timed } from './client.js';

const base = (examId) => `/exams/${segment(examId)}`;

/** → [{id, bankId, title, kind, opensAt, closesAt, durationMinutes, questionCount, proctoring, owner}] */
export const listExams = () => get('/exams');

/** 5.16: {period, academicYear, name, week, teaching, summer} of the academic calendar at an instant; {} in a vacation. */
export const calendarAt = (at) => get(`/calendar?at=${encodeURIComponent(at)}`);

/** exam: {bankId, title, kind, opensAt, closesAt, durationMinutes?, questionCount?, proctoring} → {id} */
export const createExam = (exam) => post('/exams', exam);

/** → the exam with its roster (student ids) */
export const getExam = (examId) => get(base(examId));

/** → {examId, proctors, people:[{id, name}], mayAssign, candidates|null} (issue 10, 3) */
export const examProctors = (examId) => get(`${base(examId)}/proctors`);

/** proctors: [userId] → the same as examProctors */
export const saveExamProctors = (examId, proctors) => put(`${base(examId)}/proctors`, { proctors });

/** file: a CSV (header studentId[,admissionRating]). → {students} */
export const uploadRoster = (examId, file) => put(`${base(examId)}/roster`, raw(file, 'text/csv; charset=utf-8'));

/** → [{studentId, attemptId, status, points?, percent?, letter?, gpa?, traditional?}] */
export const examResults = (examId) => get(`${base(examId)}/results`);

/** → the results as CSV text (5.33: for the registry) */
export const examResultsCsv = (examId) => get(`${base(examId)}/results`, { accept: 'text/csv' });

/** → {examId, title, serverTime, questionCount, students:[{studentId, attemptId, status, answered, questionCount, deadline?, lastActivity?, lastSeen?, connected}], sentAt, receivedAt} */
export const examProgress = (examId) => timed(() => get(`${base(examId)}/progress`));

/** Issue 12 (6): → {examId, attempts, questions:[{questionId, difficulty, facility, discrimination, suggested, …}]} */
export const examStatistics = (examId) => get(`${base(examId)}/statistics`);

/** → the item statistics as CSV text */
export const examStatisticsCsv = (examId) => get(`${base(examId)}/statistics?format=csv`, { accept: 'text/csv' });

/** questionIds: the questions whose suggested difficulty the teacher accepts → {classified} */
export const acceptSuggestedDifficulties = (examId, questionIds) =>
  post(`${base(examId)}/statistics/accept`, { questionIds });
