/**
 * What the student's question page shows, decided without the DOM (pages/attempt/questions.js draws it): the
 * letter of an option, the save line of an answer, a navigator button's state and label, the connection line,
 * the progress, where a resumed attempt opens, and which way the student can move. Messages are returned as a
 * key of lib/messages and its parameters, so the page says them in its language.
 */

const LETTERS = 'ABCDEFGHIJ';

/** A, B, … J for the first ten options, then the option's number. */
export function optionLetter(index) {
  return LETTERS[index] ?? String(index + 1);
}

/**
 * The save line for an answer's status from the answer book ({state, savedAt, message}); formatTime(savedAt)
 * gives the time as the page shows it.
 */
export function saveLine({ state, savedAt, message }, formatTime) {
  switch (state) {
    case 'saving':
      return { state, key: 'attempt.save.saving', params: {} };
    case 'saved':
      return { state, key: 'attempt.save.saved', params: { time: formatTime(savedAt) } };
    case 'error':
      return { state, key: 'attempt.save.error', params: {} };
    case 'rejected':
      return { state, key: 'attempt.save.rejected', params: { message } };
    default:
      return { state, key: 'attempt.save.idle', params: {} };
  }
}

/**
 * A navigator button: answered, not saved (the save failed or was refused), marked for review, and its label
 * (the question's number from 1, with "marked" after it when marked).
 */
export function navButton(book, questionId, index, marked) {
  const answered = book.answered(questionId);
  const { state } = book.status(questionId);
  const notSaved = state === 'error' || state === 'rejected';
  const labelKey = notSaved ? 'attempt.navNotSaved' : answered ? 'attempt.navAnswered' : 'attempt.navUnanswered';
  return { answered, notSaved, marked, labelKey, n: index + 1 };
}

/**
 * The connection line: offline when the answer book cannot reach the server or the browser is offline, and how
 * many answers wait on this device; key is null when there is nothing to say.
 */
export function connectionLine(book, online) {
  const offline = book.offline || !online;
  const pending = book.pending;
  const key = offline ? 'attempt.offline' : pending > 0 ? 'attempt.pending' : null;
  return { offline, pending, key, params: { n: pending } };
}

/**
 * After an outage, once the queue has emptied, the line says every answer was delivered (issue 15, 6). An outage is
 * being offline or an answer failing to save (a server away); answers merely in flight are not one. `behind` is what
 * the previous call returned; → {behind, delivered}: delivered is true once, on the call that finds the queue empty.
 */
export function deliveredAfterOutage(line, behind, failing) {
  if (!line.offline && line.pending === 0) return { behind: false, delivered: behind };
  return { behind: behind || line.offline || failing, delivered: false };
}

/** How many of the questions have an answer. */
export function progress(questions, book) {
  return { answered: questions.filter((q) => book.answered(q.id)).length, total: questions.length };
}

/** A resumed attempt opens at its first unanswered question, a new one (or a fully answered one) at the first. */
export function firstToShow(questions, book, created) {
  const firstOpen = questions.findIndex((q) => !book.answered(q.id));
  return created || firstOpen < 0 ? 0 : firstOpen;
}

/** Whether index is a question, and whether Previous and Next lead anywhere from it. */
export function moves(index, total) {
  return { valid: index >= 0 && index < total, previous: index > 0, next: index < total - 1 };
}
