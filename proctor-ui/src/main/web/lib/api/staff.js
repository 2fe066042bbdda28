/**
 * The engine's HTTP API as the staff pages use it (API.md, openapi.yaml, docs/proctoring.md): banks, imports,
 * exams, rosters, results, progress, proctoring and user accounts. Same pattern as lib/api/client.js: every function returns a Promise of
 * the parsed body and rejects with an ApiError (status, kebab-case code, human message, body with any
 * `problems`). Status 0 means the server could not be reached.
 */

import { fetchBlob, request } from './client.js';

const segment = (id) => encodeURIComponent(id);
const get = async (path) => (await request('GET', path)).data;

/** → {id, name, roles} of the caller */
export const me = () => get('/me');

// Banks (5.21-5.23, 7.6)

/** → [{id, passport, status, owner, questionCount, byDifficulty:{easy, medium, hard}}] */
export const listBanks = () => get('/banks');

/** passport: {discipline, programme, language, compilers:[…], references:[…]} → {id} */
export async function createBank(passport) {
  return (await request('POST', '/banks', { body: { passport } })).data;
}

/** → {id, passport, status, owner, questionCount, byDifficulty} */
export const getBank = (bankId) => get(`/banks/${segment(bankId)}`);

/** → {ok, problems:[{rule, message}]} */
export const validateBank = (bankId) => get(`/banks/${segment(bankId)}/validation`);

/** → [{id, text, options:[…], correct:[index…], difficulty, topic}] */
export const bankQuestions = (bankId) => get(`/banks/${segment(bankId)}/questions`);

/** questions: [{id?, text, options, correct, difficulty, topic?}]; an id already in the bank replaces that question. → {added} */
export async function saveQuestions(bankId, questions) {
  return (await request('POST', `/banks/${segment(bankId)}/questions`, { body: questions })).data;
}

/** → nothing (204) */
export async function deleteQuestion(bankId, questionId) {
  await request('DELETE', `/banks/${segment(bankId)}/questions/${segment(questionId)}`);
}

/**
 * Sends a Moodle XML or GIFT file as it is. format: 'moodle-xml' | 'gift'; difficulty: '' or the
 * difficulty for questions the file gives none. → {imported, skipped:[{position, question, line, reason, note, kept}]} (position and reason in the page language)
 */
export async function importQuestions(bankId, format, difficulty, file) {
  const query = new URLSearchParams({ format });
  if (difficulty) query.set('difficulty', difficulty);
  const type = format === 'gift' ? 'text/plain; charset=utf-8' : 'application/xml';
  return (await request('POST', `/banks/${segment(bankId)}/import?${query}`, { body: { raw: file, type } })).data;
}

/** → {bankId, owner, coAuthors, experts, people:{owner, coAuthors, experts}, mayManage, candidates|null} (issue 10, 3) */
export const bankAccess = (bankId) => get(`/banks/${segment(bankId)}/access`);

/** people: {coAuthors:[userId], experts:[userId]} → the same as bankAccess */
export async function saveBankAccess(bankId, people) {
  return (await request('PUT', `/banks/${segment(bankId)}/access`, { body: people })).data;
}

// Exams (5.20, 5.33)

/** → [{id, bankId, title, kind, opensAt, closesAt, durationMinutes, questionCount, proctoring, owner}] */
export const listExams = () => get('/exams');

/** 5.16: {period, academicYear, name, week, teaching, summer} of the academic calendar at an instant; {} in a vacation. */
export const calendarAt = (at) => get(`/calendar?at=${encodeURIComponent(at)}`);

/** exam: {bankId, title, kind, opensAt, closesAt, durationMinutes?, questionCount?, proctoring} → {id} */
export async function createExam(exam) {
  return (await request('POST', '/exams', { body: exam })).data;
}

/** → the exam with its roster (student ids) */
export const getExam = (examId) => get(`/exams/${segment(examId)}`);

/** → {examId, proctors, people:[{id, name}], mayAssign, candidates|null} (issue 10, 3) */
export const examProctors = (examId) => get(`/exams/${segment(examId)}/proctors`);

/** proctors: [userId] → the same as examProctors */
export async function saveExamProctors(examId, proctors) {
  return (await request('PUT', `/exams/${segment(examId)}/proctors`, { body: { proctors } })).data;
}

/** file: a CSV (header studentId[,admissionRating]). → {students} */
export async function uploadRoster(examId, file) {
  return (
    await request('PUT', `/exams/${segment(examId)}/roster`, { body: { raw: file, type: 'text/csv; charset=utf-8' } })
  ).data;
}

/** → [{studentId, attemptId, status, points?, percent?, letter?, gpa?, traditional?}] */
export const examResults = (examId) => get(`/exams/${segment(examId)}/results`);

/** → the results as CSV text (5.33: for the registry) */
export async function examResultsCsv(examId) {
  return (await request('GET', `/exams/${segment(examId)}/results`, { accept: 'text/csv' })).data;
}

/** → {examId, title, serverTime, questionCount, students:[{studentId, attemptId, status, answered, questionCount, deadline?, lastActivity?, lastSeen?, connected}]} */
export async function examProgress(examId) {
  const sentAt = Date.now();
  const data = (await request('GET', `/exams/${segment(examId)}/progress`)).data;
  return { ...data, sentAt, receivedAt: Date.now() };
}

// Proctoring (5.17.2, 6.14; docs/proctoring.md)

/**
 * → {examId, title, serverTime, students:[{attemptId, studentId, name, status, startedAt, deadline, connected,
 * identityStatus, lastSnapshotAt, faces, flagCounts:{kind: n}, unclear, flags, risk, credibility, verdict}]}, riskiest first
 */
export async function examProctoring(examId) {
  const sentAt = Date.now();
  const data = (await request('GET', `/exams/${segment(examId)}/proctoring`)).data;
  return { ...data, sentAt, receivedAt: Date.now() };
}

/** → the latest camera snapshot as a Blob (404 no-snapshot before the first) */
export const latestSnapshot = (attemptId) =>
  fetchBlob(`/attempts/${segment(attemptId)}/snapshots/latest`, 'image/jpeg');

/** → {status, faceCount, documentFaceCount, similarity, matching: 'proctor'|'model', submittedAt, decision, face?, document?} */
export const identityOf = (attemptId) => get(`/attempts/${segment(attemptId)}/identity`);

/** which: 'face' | 'document' → the photo as a Blob */
export const identityPhoto = (attemptId, which) =>
  fetchBlob(`/attempts/${segment(attemptId)}/identity/${which}`, 'image/*');

/** → the identity view after the decision; a rejection needs a reason */
export async function decideIdentity(attemptId, approved, reason) {
  return (await request('POST', `/attempts/${segment(attemptId)}/identity/decision`, { body: { approved, reason } }))
    .data;
}

/** text: 1..500 characters, popped up on the student's page. → {sent, at} */
export async function messageStudent(attemptId, text) {
  return (await request('POST', `/attempts/${segment(attemptId)}/messages`, { body: { text } })).data;
}

/** 6.14: ends the attempt at once for a breach. → {status: 'terminated'} */
export async function terminateAttempt(attemptId, reason) {
  return (await request('POST', `/attempts/${segment(attemptId)}/terminate`, { body: { reason } })).data;
}

/** → [{id, kind, severity, at, evidence: url|null, insufficientEvidence, detail}] */
export const flagsOf = (attemptId) => get(`/attempts/${segment(attemptId)}/flags`);

/** → {camera:[{segment, startsAt, seconds, bytes, url}], screen:[…], coverage} */
export const recordingsOf = (attemptId) => get(`/attempts/${segment(attemptId)}/recordings`);

/** A recording segment, a flag's evidence or another media URL the API gave (bearer token needed). → Blob */
export const mediaBlob = (url) => fetchBlob(url);

/** → {attemptId, examId, studentId, status, startedAt, deadline, finishedAt, timeline, flags, credibility, coverage, identity, verdict} */
export const reviewOf = (attemptId) => get(`/attempts/${segment(attemptId)}/review`);

/** verdict: 'clean' | 'suspicious' | 'violation'; a comment is needed for the last two. → the review */
export async function submitReview(attemptId, verdict, comment) {
  return (await request('POST', `/attempts/${segment(attemptId)}/review`, { body: { verdict, comment } })).data;
}

// Users (5.11.2)

/** file: a CSV with the header id,name,roles,password. → {created} */
export async function importUsers(file) {
  return (await request('POST', '/users/import', { body: { raw: file, type: 'text/csv; charset=utf-8' } })).data;
}
