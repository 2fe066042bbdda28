/**
 * The engine's HTTP API (API.md), one function per call. Every function returns a Promise of the parsed
 * JSON body and rejects with an ApiError carrying the HTTP status, the API's kebab-case error code and
 * its human message. Status 0 means the server could not be reached.
 */

import { currentLanguage, has, t } from '../i18n.js';
import { sessionEnded, token } from '../session.js';

const BASE = '/api/v1';

/**
 * What to tell the user about a failed call, in the page's language. Every call sends the page's language in
 * Accept-Language, so a refusal's `message` is the server's sentence for its code in that language (request() keeps
 * it only when Content-Language says so, else puts the page's own words for the status). A page may still phrase a
 * code its own way with `api.<code>` in lib/messages/errors.<lang>.js, filled from the refusal's `args`.
 */
export function errorText(err) {
  if (err instanceof ApiError && has(`api.${err.code}`)) return t(`api.${err.code}`, err.body?.args ?? {});
  return err?.message ?? String(err);
}

export class ApiError extends Error {
  constructor(status, code, message, body = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }

  /** True for failures worth retrying: no connection, or the server was unavailable. */
  get transient() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/**
 * One call. body: undefined (none), a plain value (sent as JSON), or {raw: Blob|string|FormData, type} for
 * a file sent as it is (a FormData without type: the browser sets the multipart boundary). accept: the
 * wanted response type; 'text/csv' answers with the text, not JSON. headers: more request headers.
 * blob: answer a successful call with the body as a Blob (images, recordings). A path that starts with
 * /api/ is taken as it is (media URLs the API hands out), any other is under /api/v1.
 */
export async function request(
  method,
  path,
  { body, accept = 'application/json', headers: extra = {}, blob = false } = {},
) {
  const headers = { Accept: accept, 'Accept-Language': currentLanguage(), ...extra };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let payload;
  if (body !== undefined && body !== null && typeof body === 'object' && 'raw' in body) {
    if (body.type) headers['Content-Type'] = body.type;
    payload = body.raw;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    const url = path.startsWith('/api/') ? path : BASE + path;
    response = await fetch(url, { method, headers, body: payload, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (blob && response.ok) {
    try {
      return { status: response.status, data: await response.blob() };
    } catch {
      throw new ApiError(0, 'network', t('error.network'));
    }
  }
  const text = await response.text().catch(() => '');
  const json = (response.headers.get('Content-Type') ?? '').includes('json') || accept === 'application/json';
  let data = null;
  if (json) {
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    // a token the server no longer honours (expired or ended): every page signs in again
    if (response.status === 401 && bearer) sessionEnded();
    const code = data?.error ?? `http-${response.status}`;
    // the server's sentences only when they are in the page's language: never an English sentence on a kk/ru page
    const spoken = response.headers.get('Content-Language');
    const ours = typeof data?.message === 'string' && spoken === currentLanguage();
    const message = ours ? data.message : t('error.http', { status: response.status });
    if (!ours && Array.isArray(data?.problems)) data.problems = data.problems.map(({ message: _, ...where }) => where);
    const error = new ApiError(response.status, code, message, data);
    // issue 14 (4): a 503 (the store away, a node stopping) says in seconds when to try again
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (Number.isFinite(retryAfter) && retryAfter > 0) error.retryAfter = retryAfter;
    throw error;
  }
  return { status: response.status, data: json ? data : text };
}

const segment = (id) => encodeURIComponent(id);

/** → {token, user:{id, name, roles, language}} */
export async function login(username, password) {
  return (await request('POST', '/auth/login', { body: { username, password } })).data;
}

/** Saves the signed-in person's language on their account: answers without Accept-Language come in it. */
export async function saveLanguage(language) {
  if (!token()) return;
  await request('PUT', '/users/me/language', { body: { language } });
}

/** Ends this tab's token on the server (every node); the caller then forgets it. */
export async function logout() {
  await request('POST', '/auth/logout');
}

/** Ends every token of the signed-in user (every tab and device). */
export async function logoutAll() {
  await request('POST', '/auth/logout-all');
}

/** → [{id, title, opensAt, closesAt, durationMinutes, attempt:{id, status}|null}] */
export async function myExams() {
  return (await request('GET', '/me/exams')).data;
}

/** → {created: boolean (201 new, 200 resumed), attempt: {id, deadline, serverTime, questions, answers, seqs}} */
export async function startAttempt(examId) {
  const { status, data } = await request('POST', `/exams/${segment(examId)}/attempts`);
  return { created: status === 201, attempt: data };
}

/** → the attempt as the student sees it; a finished one carries {result: {points, percent, letter, gpa, traditional}}. */
export async function getAttempt(attemptId) {
  return (await request('GET', `/attempts/${segment(attemptId)}`)).data;
}

/** → {savedAt, seq}; a seq not above the stored one is answered with the stored seq. */
export async function saveAnswer(attemptId, questionId, choices, seq) {
  return (
    await request('PUT', `/attempts/${segment(attemptId)}/answers/${segment(questionId)}`, { body: { choices, seq } })
  ).data;
}

/** answers: {questionId: {choices, seq}}, the client's full copy. → {status, points, percent, letter, receipt} */
export async function submitAttempt(attemptId, answers) {
  return (await request('POST', `/attempts/${segment(attemptId)}/submit`, { body: { answers } })).data;
}

/** → the signed receipt {attemptId, studentId, examId, status, answersDigest, …, signedText, signature, publicKey} */
export async function receipt(attemptId) {
  return (await request('GET', `/attempts/${segment(attemptId)}/receipt`)).data;
}

/** The finished attempt's event log, each entry exactly as its receipt's hash chain covers it (issue 10). */
export async function attemptLog(attemptId) {
  return (await request('GET', `/attempts/${segment(attemptId)}/log`)).data;
}

/** An image or recording the API serves (the bearer token is needed, so pages show it as a blob URL). → Blob */
export async function fetchBlob(path, accept = '*/*') {
  return (await request('GET', path, { accept, blob: true })).data;
}

/**
 * The review of one's own proctored attempt, once a reviewer has given a verdict (403 not-reviewed before).
 * → {verdict: {verdict, comment, by, at}, flags: [{id, kind, severity, at, evidence, insufficientEvidence, detail}], credibility, timeline, …}
 */
export async function attemptReview(attemptId) {
  return (await request('GET', `/attempts/${segment(attemptId)}/review`)).data;
}

// Proctoring (docs/proctoring.md): what the student's pages send

/** → {snapshotSeconds, segmentSeconds, chunkMillis, identityPolicy, maxChunkBytes, maxImageBytes, recognitionModel, recorders, uploadBitsPerSecond} */
export async function proctoringSettings() {
  return (await request('GET', '/proctoring/settings')).data;
}

/** Sends bytes (a Blob, up to 1 MB) to be counted and thrown away: the pre-check's upload test. → {bytes} */
export async function bandwidthProbe(bytes) {
  return (await request('POST', '/proctoring/bandwidth', { body: { raw: bytes, type: 'application/octet-stream' } }))
    .data;
}

/** jpeg: one camera frame (Blob). → {faces, judgeable, ok, problem: null | 'no-face' | 'too-dark'} */
export async function precheckFace(jpeg) {
  return (await request('POST', '/proctoring/precheck/face', { body: { raw: jpeg, type: 'image/jpeg' } })).data;
}

/** face, document: JPEG or PNG Blobs. → {status, faceCount, documentFaceCount, similarity, problems:[{field, error, message}]} */
export async function submitIdentity(attemptId, face, document) {
  const form = new FormData();
  form.append('face', face, face.name ?? 'face.jpg');
  form.append('document', document, document.name ?? 'document.jpg');
  return (await request('POST', `/attempts/${segment(attemptId)}/identity`, { body: { raw: form } })).data;
}

/** jpeg: a Blob. → {faces, judgeable, flags} */
export async function sendSnapshot(attemptId, jpeg) {
  return (
    await request('POST', `/attempts/${segment(attemptId)}/snapshots`, { body: { raw: jpeg, type: 'image/jpeg' } })
  ).data;
}

/** type: tab-hidden | window-blur | fullscreen-exit | copy | paste | screen-share-ended | camera-ended; at: ISO instant. → {flag} */
export async function reportEvent(attemptId, type, at) {
  return (await request('POST', `/attempts/${segment(attemptId)}/events`, { body: { type, at } })).data;
}

/** One piece of a recording segment. segmentStart: ISO instant on the server's clock. → {stored, duplicate, nextChunk} */
export async function uploadChunk(attemptId, stream, segmentNumber, chunk, blob, segmentStart) {
  const path = `/attempts/${segment(attemptId)}/recordings/${segment(stream)}/${segmentNumber}/${chunk}`;
  return (
    await request('PUT', path, {
      body: { raw: blob, type: 'video/webm' },
      headers: { 'X-Segment-Start': segmentStart },
    })
  ).data;
}
