/**
 * The student's answers during an attempt and their saving. Every change of a question gets that
 * question's next seq (starting above the seq the server last stored) and is sent at once with
 * PUT …/answers/{qid}; the server ignores a seq it has already seen, so a resend is harmless. One request
 * per question is in flight at a time; a change made meanwhile is sent when it returns. A lost connection
 * or an unavailable server is retried with back-off; a refusal (400) is reported and not retried.
 *
 * Save states per question: idle (nothing to save), saving, saved, error (will retry), rejected.
 */

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;

export class AnswerBook {
  /**
   * answers and seqs are the attempt's stored {questionId: [optionId]} and {questionId: seq};
   * save(questionId, choices, seq) → Promise<{savedAt, seq}> or rejects with an ApiError;
   * listener receives (questionId) after any change of choices or save state;
   * onClosed(error) is called once when the server says the attempt no longer takes answers;
   * onUnauthorized(error) when the token is no longer accepted.
   */
  constructor({ answers = {}, seqs = {}, save, listener = () => {}, onClosed = () => {}, onUnauthorized = () => {} }) {
    this.save = save;
    this.listener = listener;
    this.onClosed = onClosed;
    this.onUnauthorized = onUnauthorized;
    this.closed = false;
    this.entries = new Map();
    for (const [questionId, choices] of Object.entries(answers)) {
      this.entry(questionId).choices = [...choices];
    }
    for (const [questionId, seq] of Object.entries(seqs)) this.entry(questionId).seq = Number(seq);
  }

  entry(questionId) {
    let entry = this.entries.get(questionId);
    if (!entry) {
      entry = { choices: [], seq: 0, state: 'idle', savedAt: null, message: '', inflight: false, dirty: false, timer: null, failures: 0 };
      this.entries.set(questionId, entry);
    }
    return entry;
  }

  choices(questionId) {
    return [...(this.entries.get(questionId)?.choices ?? [])];
  }

  answered(questionId) {
    return (this.entries.get(questionId)?.choices.length ?? 0) > 0;
  }

  /** {state, savedAt: Date|null, message} of a question. */
  status(questionId) {
    const { state, savedAt, message } = this.entry(questionId);
    return { state, savedAt, message };
  }

  /** True while any change is not yet acknowledged by the server. */
  get unsaved() {
    for (const entry of this.entries.values()) {
      if (entry.inflight || entry.dirty || entry.state === 'error' || entry.state === 'rejected') return true;
    }
    return false;
  }

  /** Records the student's new choice for a question and sends it. */
  set(questionId, choices) {
    if (this.closed) return;
    const entry = this.entry(questionId);
    entry.choices = [...choices];
    entry.seq += 1;
    entry.dirty = true;
    this.send(questionId);
  }

  /** The full copy for submit: {questionId: {choices, seq}} of every question ever answered. */
  copy() {
    const out = {};
    for (const [questionId, entry] of this.entries) {
      if (entry.seq > 0) out[questionId] = { choices: [...entry.choices], seq: entry.seq };
    }
    return out;
  }

  /** Stops all sending and retrying (the attempt is being submitted or is over). */
  close() {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
  }

  send(questionId) {
    const entry = this.entry(questionId);
    clearTimeout(entry.timer);
    entry.timer = null;
    if (this.closed || entry.inflight || !entry.dirty) return;
    entry.inflight = true;
    entry.dirty = false;
    entry.state = 'saving';
    this.listener(questionId);
    const seq = entry.seq;
    this.save(questionId, [...entry.choices], seq).then((saved) => {
      entry.inflight = false;
      entry.failures = 0;
      if (Number(saved.seq) > seq) {
        // The server holds a later change of this question (another tab); what this page shows wins.
        entry.seq = Math.max(entry.seq, Number(saved.seq)) + 1;
        entry.dirty = true;
      }
      if (entry.dirty) {
        this.send(questionId);
        return;
      }
      entry.state = 'saved';
      entry.savedAt = saved.savedAt ? new Date(saved.savedAt) : new Date();
      entry.message = '';
      this.listener(questionId);
    }, (error) => {
      entry.inflight = false;
      entry.dirty = true;
      if (error.code === 'attempt-closed') {
        entry.state = 'error';
        entry.message = error.message;
        this.listener(questionId);
        if (!this.closed) {
          this.close();
          this.onClosed(error);
        }
        return;
      }
      if (error.status === 401) {
        entry.state = 'error';
        this.listener(questionId);
        this.close();
        this.onUnauthorized(error);
        return;
      }
      if (error.transient || error.status >= 500) {
        entry.failures += 1;
        entry.state = 'error';
        entry.message = error.message;
        const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (entry.failures - 1));
        entry.timer = setTimeout(() => this.send(questionId), wait);
      } else {
        entry.state = 'rejected';
        entry.message = error.message;
      }
      this.listener(questionId);
    });
  }
}
