/**
 * The sittings of the oral final attestation through the engine's API (openapi.yaml, tag `sittings`). One style for
 * every call: lib/api/client.js.
 */

import { fetchBlob, get, post, put, raw, segment, timed } from './client.js';
import { decisionRequest } from '../sitting/postponements.js';

const base = (id) => `/sittings/${segment(id)}`;
const student = (id, studentId) => `${base(id)}/students/${segment(studentId)}`;

/** → [{id, title, kind, date, role}] */
export const mySittings = () => get('/sittings');

/** An administrator creates a sitting (body as in openapi.yaml: kind, title, date, language, videoLink?, commission,
 * appealCommission, students) → {id}; 400 invalid-sitting with problems [{field, message}]. */
export const createSitting = (body) => post('/sittings', body);

/** The ticket set as CSV text (number,question; one row per question) → {tickets: n}; 400 invalid-tickets with problems [{line, message}]. */
export const uploadTicketsCsv = (id, text) => put(`${base(id)}/tickets`, raw(text, 'text/csv'));

/** → the sitting as the caller may see it, with {sentAt, receivedAt} for the server clock (lib/clock.js). */
export const getSitting = (id) => timed(() => get(base(id)));

/** → {sittingId, commitment, withReplacement, draws:[{drawNumber, studentId, word, ticket, at}], tickets, algorithm, seed?} */
export const sittingDraws = (id) => get(`${base(id)}/draws`);

// One student's steps (6.15.6); each answers with the student's progress as the caller sees it

export const admit = (id, studentId) => post(`${student(id, studentId)}/admit`);
export const confirmIdentity = (id, studentId) => post(`${student(id, studentId)}/identity`, { confirmed: true });
/** checklist: {desk-clear, room-alone, no-devices, camera-shows-room}: booleans */
export const checkRoom = (id, studentId, checklist) => post(`${student(id, studentId)}/room`, { checklist });
/** word: optional, said by the student, mixed into the draw */
export const draw = (id, studentId, word) => post(`${student(id, studentId)}/draw`, word ? { word } : {});
/** action: start-preparation | end-preparation | end-answer; reason: needed to end the answer before the minimum */
export const phase = (id, studentId, action, reason) =>
  post(`${student(id, studentId)}/phase`, reason ? { action, reason } : { action });
export const score = (id, studentId, points) => put(`${student(id, studentId)}/score`, { points });
export const confirm = (id, studentId) => post(`${student(id, studentId)}/confirm`);

/** The path of a check's photo (6.15.6), kind id-card | identity | room, for fetchBlob. */
export const photoPath = (id, studentId, kind) => `${student(id, studentId)}/photos/${segment(kind)}`;

/** Sends a check's photo, a JPEG or PNG Blob. → {at, by, contentType, bytes, sha256} */
export const putPhoto = (id, studentId, kind, blob) => put(photoPath(id, studentId, kind), raw(blob, blob.type));

/** A check's photo (or the enrolment photo, kind enrolment) as a Blob. */
export const photo = (id, studentId, kind) => fetchBlob(photoPath(id, studentId, kind), 'image/*');

// When it does not go to plan (6.15.2, 6.15.4-6.15.5)

/** → the act {id, studentId, at, stage, ticket, description, by, votes, decision, copiesDueBy, sentTo} */
export const drawUpAct = (id, studentId, description) => post(`${base(id)}/acts`, { studentId, description });
/** choice: same-day | another-sitting | refuse → the act, with the decision once all have voted */
export const vote = (id, actId, choice) => put(`${base(id)}/acts/${segment(actId)}/vote`, { choice });
/** 6.15.2: newTime "2026-06-10T15:30:00+05:00" (secretary or chair, after a decision giving one) → the act */
export const recordNewTime = (id, actId, newTime) => post(`${base(id)}/acts/${segment(actId)}/new-time`, { newTime });
/** → {endedAt} */
export const closeSitting = (id) => post(`${base(id)}/close`);
/** → the appeal with its status (awaiting-meeting, …, closed) and deadlines */
export const fileAppeal = (id, reason) => post(`${base(id)}/appeals`, { reason });
export const appealMeeting = (id, appealId) => post(`${base(id)}/appeals/${segment(appealId)}/meeting`);
/** decision: kept | changed (with letter); comment: free text */
export const appealDecision = (id, appealId, decision, letter, comment) =>
  post(
    `${base(id)}/appeals/${segment(appealId)}/decision`,
    decision === 'changed' ? { decision, letter, comment } : { decision, comment },
  );

// Postponement and the grade "I" (6.15.2-6.15.3)

/** A student applies: reason, and the scan {contentType: application/pdf | image/jpeg | image/png, base64} (≤ 700 KB)
 * → the application {id, studentId, reason, appliedAt, documentType, to}; 400 bad-document, 409 graded. */
export const applyPostponement = (id, reason, document) => post(`${base(id)}/postponements`, { reason, document });
/**
 * The chair allows (the grade becomes "I" until the deadline: a day from today to the configured one, or that one when
 * empty) or refuses with a reason → the application with the decision.
 */
export async function decidePostponement(id, postponementId, allowed, reason, deadline) {
  const { path, body } = decisionRequest(id, postponementId, allowed, reason, deadline);
  return post(path, body);
}
/** The scanned document of an application, for the chair, the secretary, an administrator and the applicant → Blob. */
export const postponementDocument = (id, postponementId) =>
  fetchBlob(`${base(id)}/postponements/${segment(postponementId)}/document`);

/** 6.14: the secretary or the chair removes the student for a violation, {reason} → the student's progress. */
export const removeStudent = (id, studentId, reason) => post(`${student(id, studentId)}/remove`, { reason });

/** 6.15.6: an administrator moves the sitting to another day → {id, date, reschedules}. */
export const rescheduleSitting = (id, date, reason) => post(`${base(id)}/reschedule`, { date, reason });
