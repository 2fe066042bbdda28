/**
 * The personal window of an individual statement (5.35) as the student's exams page needs it, pure: which exams the
 * student holds an issued statement for, and the window a start button follows (the statement's, while it is valid
 * and the exam's own window is not open). The engine decides (start-attempt.lua); this only keeps the button honest.
 * No DOM, no fetch: tested with Node (src/test/js/statement-windows.test.mjs).
 */

/** examId → {from, until} (ISO instants) of the caller's issued statements. */
export function personalWindows(statements) {
  const out = new Map();
  for (const s of statements ?? []) {
    if (s?.status === 'issued' && s.issued) out.set(s.examId, { from: s.issued.validFrom, until: s.issued.validUntil });
  }
  return out;
}

/**
 * The window a start follows at `now` (ms): {opens, closes, personal} in ms. The statement's window replaces the
 * exam's while `now` is inside it (the engine ends the attempt at the statement's end); otherwise the exam's own.
 */
export function windowAt(exam, personal, now) {
  const own = { opens: Date.parse(exam.opensAt), closes: Date.parse(exam.closesAt), personal: false };
  if (!personal) return own;
  const from = Date.parse(personal.from);
  const until = Date.parse(personal.until);
  return now >= from && now < until ? { opens: from, closes: until, personal: true } : own;
}
