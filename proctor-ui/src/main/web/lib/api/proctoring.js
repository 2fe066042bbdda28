/**
 * Proctoring as the staff see it (5.17.2, 6.14; docs/proctoring.md): the dashboard, a student's snapshots, identity,
 * flags and recordings, messages, stopping an attempt, and the review. One style for every call: lib/api/client.js.
 */

import { fetchBlob, get, post, segment, timed } from './client.js';

const attempt = (attemptId) => `/attempts/${segment(attemptId)}`;

/**
 * → {examId, title, serverTime, students:[{attemptId, studentId, name, status, startedAt, deadline, connected,
 * identityStatus, lastSnapshotAt, faces, flagCounts:{kind: n}, unclear, flags, risk, credibility, verdict}], sentAt,
 * receivedAt}, riskiest first
 */
export const examProctoring = (examId) => timed(() => get(`/exams/${segment(examId)}/proctoring`));

/** → the latest camera snapshot as a Blob (404 no-snapshot before the first) */
export const latestSnapshot = (attemptId) => fetchBlob(`${attempt(attemptId)}/snapshots/latest`, 'image/jpeg');

/** → {status, faceCount, documentFaceCount, similarity, matching: 'proctor'|'model', submittedAt, decision, face?, document?} */
export const identityOf = (attemptId) => get(`${attempt(attemptId)}/identity`);

/** which: 'face' | 'document' → the photo as a Blob */
export const identityPhoto = (attemptId, which) => fetchBlob(`${attempt(attemptId)}/identity/${which}`, 'image/*');

/** → the identity view after the decision; a rejection needs a reason */
export const decideIdentity = (attemptId, approved, reason) =>
  post(`${attempt(attemptId)}/identity/decision`, { approved, reason });

/** text: 1..500 characters, popped up on the student's page. → {sent, at} */
export const messageStudent = (attemptId, text) => post(`${attempt(attemptId)}/messages`, { text });

/** 6.14: ends the attempt at once for a breach. → {status: 'terminated'} */
export const terminateAttempt = (attemptId, reason) => post(`${attempt(attemptId)}/terminate`, { reason });

/** → [{id, kind, severity, at, evidence: url|null, insufficientEvidence, detail}] */
export const flagsOf = (attemptId) => get(`${attempt(attemptId)}/flags`);

/** → {camera:[{segment, startsAt, seconds, bytes, url}], screen:[…], coverage} */
export const recordingsOf = (attemptId) => get(`${attempt(attemptId)}/recordings`);

/** A recording segment, a flag's evidence or another media URL the API gave (bearer token needed). → Blob */
export const mediaBlob = (url) => fetchBlob(url);

/** → {attemptId, examId, studentId, status, startedAt, deadline, finishedAt, timeline, flags, credibility, coverage, identity, verdict} */
export const reviewOf = (attemptId) => get(`${attempt(attemptId)}/review`);

/** verdict: 'clean' | 'suspicious' | 'violation'; a comment is needed for the last two. → the review */
export const submitReview = (attemptId, verdict, comment) => post(`${attempt(attemptId)}/review`, { verdict, comment });
