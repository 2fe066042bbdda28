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
 * /api/ is taken as it is (media URLs the API hands out), any other is under /api/v1. anonymous: send no token (a
 * sign-in of its own, such as an LMS launch: a refusal there is not the end of this tab's session).
 */
export async function request(
  method,
  path,
  { body, accept = 'application/json', headers: extra = {}, blob = false, anonymous = false } = {},
) {
  const headers = { Accept: accept, 'Accept-Language': currentLanguage(), ...extra };
  const bearer = anonymous ? null : token();
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

/** A path segment (an id) as it goes into a path. */
export const segment = (id) => encodeURIComponent(id);

/** A body sent as it is: a Blob, a string or a FormData (without type: the browser sets the multipart boundary). */
export const raw = (data, type) => ({ raw: data, type });

/** GET → the parsed body (or the text, for another accept). */
export const get = async (path, options = {}) => (await request('GET', path, options)).data;

/** POST body (a plain value, sent as JSON, or raw(…)) → the parsed body. */
export const post = async (path, body, options = {}) => (await request('POST', path, { ...options, body })).data;

/** PUT body → the parsed body. */
export const put = async (path, body, options = {}) => (await request('PUT', path, { ...options, body })).data;

/** PATCH body → the parsed body. */
export const patch = async (path, body) => (await request('PATCH', path, { body })).data;

/** DELETE → nothing (204) or the parsed body. */
export const del = async (path) => (await request('DELETE', path)).data;

/** An image, recording or document the API serves, or a media URL it handed out (the bearer token is needed, so pages
 * show it as a blob URL). → Blob */
export const fetchBlob = async (path, accept = '*/*') => (await request('GET', path, { accept, blob: true })).data;

/** call() with the moments it was sent and answered, {…body, sentAt, receivedAt}, for the server clock (lib/clock.js). */
export async function timed(call) {
  const sentAt = Date.now();
  const data = await call();
  return { ...data, sentAt, receivedAt: Date.now() };
}
