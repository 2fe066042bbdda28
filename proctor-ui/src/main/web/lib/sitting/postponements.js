/**
 * Postponement and the grade "I" (6.15.2-6.15.3) as the pages need them, pure: whether a chosen scan may be sent
 * (the engine takes PDF, JPEG or PNG up to 700 KB: SittingPostponements), the scan's bytes as base64, where an
 * application stands, whether a student may still apply, and what the student's standing says ("I" until a deadline,
 * "F" once it passed). The engine enforces every rule; the pages use these to refuse early and to say it plainly.
 * No DOM, no fetch: tested with Node (src/test/js/sitting-postponements.test.mjs).
 */

/** The scans the engine keeps (SittingPostponements.SCAN_TYPES), with the file endings a browser may leave untyped. */
export const SCAN_TYPES = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The largest scan the engine keeps: 700 KB of bytes, before base64 (SittingPostponements.MAX_SCAN_BYTES). */
export const MAX_SCAN_BYTES = 700 * 1024;

const ENDINGS = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/**
 * The content type to send for a chosen file ({name, type, size}, as a File has them): its own type when the engine
 * keeps it, else the type its ending names when the browser gave none; null when the file is of another kind.
 */
export function scanType(file) {
  if (!file) return null;
  const type = String(file.type ?? '').toLowerCase();
  if (type in SCAN_TYPES) return type;
  if (type !== '') return null;
  const ending = String(file.name ?? '')
    .toLowerCase()
    .match(/\.([a-z0-9]+)$/)?.[1];
  return ENDINGS[ending] ?? null;
}

/** What is wrong with a chosen scan: null (fine), 'missing', 'type' (not PDF, JPEG or PNG), 'empty' or 'size' (over 700 KB). */
export function scanProblem(file) {
  if (!file) return 'missing';
  if (scanType(file) === null) return 'type';
  if (!(file.size > 0)) return 'empty';
  return file.size > MAX_SCAN_BYTES ? 'size' : null;
}

/** Bytes (a Uint8Array or ArrayBuffer) as standard base64, in pieces so that a large scan does not overflow the call stack. */
export function bytesToBase64(bytes) {
  const all = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  const piece = 0x8000;
  for (let i = 0; i < all.length; i += piece) binary += String.fromCharCode(...all.subarray(i, i + piece));
  return btoa(binary);
}

/** A size in whole kilobytes, rounded up (so 700 KB and a byte more read as 701). */
export function kilobytes(bytes) {
  return Math.ceil((bytes ?? 0) / 1024);
}

/** Where an application stands: 'awaiting' (the chair has not decided), 'allowed' or 'refused'. */
export function postponementState(postponement) {
  if (postponement?.allowed === true) return 'allowed';
  if (postponement?.allowed === false) return 'refused';
  return 'awaiting';
}

/** One student's applications, oldest first. */
export function postponementsOf(sitting, studentId) {
  return (sitting?.postponements ?? []).filter((p) => p.studentId === studentId);
}

/**
 * The standing of a postponed student (progress.standing from the engine): {state: 'incomplete' (I until deadline),
 * 'failed' (F, the deadline passed without a result) or 'graded' (the result came in time), letter, deadline};
 * null when the student holds no "I". Falls back to progress.incomplete when the engine sent no standing.
 */
export function standingOf(progress) {
  const s = progress?.standing;
  if (s && s.letter) {
    const byLetter = { I: 'incomplete', F: 'failed' }[s.letter] ?? 'graded';
    const state = ['incomplete', 'failed', 'graded'].includes(s.status) ? s.status : byLetter;
    return { state, letter: s.letter, deadline: s.deadline ?? progress?.incomplete?.deadline ?? null };
  }
  if (progress?.incomplete?.deadline)
    return { state: 'incomplete', letter: 'I', deadline: progress.incomplete.deadline };
  return null;
}

/** The console's step word for a student whose exam the chair has postponed and who is not yet admitted again. */
export function isPostponed(progress) {
  return progress?.status === 'postponed';
}

/** The name a downloaded scan is saved under: <sitting>-<student>-<application>.<pdf|jpg|png>. */
export function scanFilename(sittingId, postponement) {
  const safe = (s) => String(s ?? '').replace(/[^A-Za-z0-9._-]+/g, '_');
  const ending = SCAN_TYPES[postponement?.documentType] ?? 'bin';
  return `${safe(sittingId)}-${safe(postponement?.studentId)}-${safe(postponement?.id)}.${ending}`;
}

/**
 * The chair's decision as the engine takes it (POST /sittings/{id}/postponements/{pid}/decision): {path, body} with
 * body {allowed, reason?, deadline?}. deadline is the day from a date field ('YYYY-MM-DD', or '' for none) by which
 * the exam is retaken (6.15.3); it goes only with an allowed postponement, and none means the configured deadline
 * (a master's applicant: 10 July, 6.15.2). The engine checks the day lies from today to that deadline.
 */
export function decisionRequest(sittingId, postponementId, allowed, reason, deadline) {
  const path = `/sittings/${encodeURIComponent(sittingId)}/postponements/${encodeURIComponent(postponementId)}/decision`;
  const body = { allowed };
  const why = String(reason ?? '').trim();
  if (why) body.reason = why;
  const day = String(deadline ?? '').trim();
  if (allowed && day) body.deadline = day;
  return { path, body };
}
