/**
 * The student's calls: the exams, one's attempt (start, answers, submit, receipt, log, review) and what the proctored
 * test page sends (docs/proctoring.md). One style for every call: lib/api/client.js.
 */

import { get, post, put, raw, request, segment } from './client.js';

const attempt = (attemptId) => `/attempts/${segment(attemptId)}`;

/** → [{id, title, opensAt, closesAt, durationMinutes, attempt:{id, status}|null}] */
export const myExams = () => get('/me/exams');

/** → {created: boolean (201 new, 200 resumed), attempt: {id, deadline, serverTime, questions, answers, seqs}} */
export async function startAttempt(examId) {
  const { status, data } = await request('POST', `/exams/${segment(examId)}/attempts`);
  return { created: status === 201, attempt: data };
}

/** → the attempt as the student sees it; a finished one carries {result: {points, percent, letter, gpa, traditional}}. */
export const getAttempt = (attemptId) => get(attempt(attemptId));

/** → {savedAt, seq}; a seq not above the stored one is answered with the stored seq. */
export const saveAnswer = (attemptId, questionId, choices, seq) =>
  put(`${attempt(attemptId)}/answers/${segment(questionId)}`, { choices, seq });

/** answers: {questionId: {choices, seq}}, the client's full copy. → {status, points, percent, letter, receipt} */
export const submitAttempt = (attemptId, answers) => post(`${attempt(attemptId)}/submit`, { answers });

/** → the signed receipt {attemptId, studentId, examId, status, answersDigest, …, signedText, signature, publicKey} */
export const receipt = (attemptId) => get(`${attempt(attemptId)}/receipt`);

/** The finished attempt's event log, each entry exactly as its receipt's hash chain covers it (issue 10). */
export const attemptLog = (attemptId) => get(`${attempt(attemptId)}/log`);

/**
 * The review of one's own proctored attempt, once a reviewer has given a verdict (403 not-reviewed before).
 * → {verdict: {verdict, comment, by, at}, flags: [{id, kind, severity, at, evidence, insufficientEvidence, detail}], credibility, timeline, …}
 */
export const attemptReview = (attemptId) => get(`${attempt(attemptId)}/review`);

// Proctoring (docs/proctoring.md): what the student's pages send

/** → {snapshotSeconds, segmentSeconds, chunkMillis, identityPolicy, maxChunkBytes, maxImageBytes, recognitionModel, recorders, uploadBitsPerSecond} */
export const proctoringSettings = () => get('/proctoring/settings');

/** Sends bytes (a Blob, up to 1 MB) to be counted and thrown away: the pre-check's upload test. → {bytes} */
export const bandwidthProbe = (bytes) => post('/proctoring/bandwidth', raw(bytes, 'application/octet-stream'));

/** jpeg: one camera frame (Blob). → {faces, judgeable, ok, problem: null | 'no-face' | 'too-dark'} */
export const precheckFace = (jpeg) => post('/proctoring/precheck/face', raw(jpeg, 'image/jpeg'));

/** face, document: JPEG or PNG Blobs. → {status, faceCount, documentFaceCount, similarity, problems:[{field, error, message}]} */
export async function submitIdentity(attemptId, face, document) {
  const form = new FormData();
  form.append('face', face, face.name ?? 'face.jpg');
  form.append('document', document, document.name ?? 'document.jpg');
  return post(`${attempt(attemptId)}/identity`, raw(form));
}

/** jpeg: a Blob. → {faces, judgeable, flags} */
export const sendSnapshot = (attemptId, jpeg) => post(`${attempt(attemptId)}/snapshots`, raw(jpeg, 'image/jpeg'));

/** type: tab-hidden | window-blur | fullscreen-exit | copy | paste | screen-share-ended | camera-ended; at: ISO instant. → {flag} */
export const reportEvent = (attemptId, type, at) => post(`${attempt(attemptId)}/events`, { type, at });

/** One piece of a recording segment. segmentStart: ISO instant on the server's clock. → {stored, duplicate, nextChunk} */
export const uploadChunk = (attemptId, stream, segmentNumber, chunk, blob, segmentStart) =>
  put(`${attempt(attemptId)}/recordings/${segment(stream)}/${segmentNumber}/${chunk}`, raw(blob, 'video/webm'), {
    headers: { 'X-Segment-Start': segmentStart },
  });
