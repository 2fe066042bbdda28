/**
 * What the student's exam card says before they start (issue 15, 6), from GET /me/exams, as message keys and
 * numbers: whether they are admitted (5.30, the server's `admission`), what proctoring will ask of them (its
 * `requirements`), and the time left: until the window opens, until it closes with the minutes a start now would
 * get (5.20.3), or in the attempt under way. The window is the server's (the exam's or an individual statement's,
 * 5.35); `now` is on the server's clock. The server still decides every start.
 */

const DAY = 24 * 3600 * 1000;

/** Not admitted: {key, params: {rating, minimum, rule}}; admitted (or not said): null. */
export function admissionLine(exam) {
  const a = exam?.admission;
  if (!a || a.admitted !== false) return null;
  return { key: 'exams.notAdmitted', params: { rating: a.rating, minimum: a.minimum, rule: a.rule ?? '5.30' } };
}

/** The message keys of what the student must have ready, in the server's order; [] when not proctored. */
export function needKeys(exam) {
  return (exam?.requirements ?? []).map((code) => `exams.need.${code}`);
}

/**
 * The time line: {key, ms?, at?, minutes?} or null (a finished attempt).
 * exams.leftInAttempt (ms), exams.untilOpens (ms, within a day) / exams.opensOn (at), exams.untilCloses (ms, within a
 * day) / exams.closesOn (at) both with the minutes a start now gets, exams.windowClosed (at).
 */
export function timeLine(exam, now) {
  const attempt = exam?.attempt;
  if (attempt?.status === 'in-progress')
    return attempt.deadline
      ? { key: 'exams.leftInAttempt', ms: Math.max(0, Date.parse(attempt.deadline) - now) }
      : null;
  if (attempt) return null;
  const w = exam.window ?? { opensAt: exam.opensAt, closesAt: exam.closesAt };
  const opens = Date.parse(w.opensAt);
  const closes = Date.parse(w.closesAt);
  if (now < opens)
    return opens - now < DAY ? { key: 'exams.untilOpens', ms: opens - now } : { key: 'exams.opensOn', at: w.opensAt };
  if (now >= closes) return { key: 'exams.windowClosed', at: w.closesAt };
  // the server's minutes include the student's extra time; the close cuts them as it nears (5.20.3)
  const full = Math.max(exam.durationMinutes ?? 0, w.minutesIfStarted ?? 0);
  const minutes = Math.min(full, Math.floor((closes - now) / 60000));
  return closes - now < DAY
    ? { key: 'exams.untilCloses', ms: closes - now, minutes }
    : { key: 'exams.closesOn', at: w.closesAt, minutes };
}

/** ms to add to Date.now() for the server's clock, from the list's serverTime read at `receivedAt`. */
export function serverOffset(exams, receivedAt) {
  const at = Date.parse(exams?.[0]?.serverTime ?? '');
  return Number.isNaN(at) ? 0 : at - receivedAt;
}
