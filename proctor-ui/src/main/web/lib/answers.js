/**
 * The student's answers during an attempt and their saving: no answer is ever lost (issue 3, 6.6.3).
 *
 * Every change of a question gets that question's next seq (above the seq the server last stored) and is
 * written to the browser's storage *before* it is sent with PUT …/answers/{qid}; it leaves the storage only
 * when the server acknowledges that seq. The server ignores a seq it has already seen, so a resend is
 * harmless. One request per question is in flight at a time; a change made meanwhile is sent when it
 * returns. A lost connection or an unavailable server (5xx, e.g. 503 store-unavailable with its Retry-After, or a
 * 502 of a load balancer whose node is restarting) is retried with back-off; when the connection comes
 * back ({@link AnswerBook#retryNow}) everything unsent goes at once, oldest change first. A refusal (400) is
 * reported and not retried. After a reload or a crash the page builds a new book from the server's copy
 * and the storage: stored changes the server does not have yet are sent again.
 *
 * Save states per question: idle (nothing to save), saving, saved, error (will retry), rejected.
 */

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;

export class AnswerBook {
  /**
   * answers and seqs are the attempt's stored {questionId: [optionId]} and {questionId: seq};
   * save(questionId, choices, seq) → Promise<{savedAt, seq}> or rejects with an ApiError;
   * storage: a Web Storage (localStorage) and storageKey: where unacknowledged changes are kept;
   * listener receives (questionId) after any change of choices or save state, (null) when the connection
   * state changes; onClosed(error) is called once when the server says the attempt no longer takes answers;
   * onUnauthorized(error) when the token is no longer accepted.
   */
  constructor({
    answers = {},
    seqs = {},
    save,
    storage = null,
    storageKey = 'emtihan.answers',
    listener = () => {},
    onClosed = () => {},
    onUnauthorized = () => {},
    retryFirstMs = RETRY_FIRST_MS,
    retryMaxMs = RETRY_MAX_MS,
  }) {
    this.save = save;
    this.storage = storage;
    this.storageKey = storageKey;
    this.listener = listener;
    this.onClosed = onClosed;
    this.onUnauthorized = onUnauthorized;
    this.retryFirstMs = retryFirstMs;
    this.retryMaxMs = retryMaxMs;
    this.closed = false;
    this.offline = false;
    this.changes = 0;
    this.entries = new Map();
    for (const [questionId, choices] of Object.entries(answers)) {
      this.entry(questionId).choices = [...choices];
    }
    for (const [questionId, seq] of Object.entries(seqs)) this.entry(questionId).seq = Number(seq);
    this.restore();
  }

  entry(questionId) {
    let entry = this.entries.get(questionId);
    if (!entry) {
      entry = {
        choices: [],
        seq: 0,
        state: 'idle',
        savedAt: null,
        message: '',
        inflight: false,
        dirty: false,
        timer: null,
        failures: 0,
        changedAt: 0,
      };
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

  /** Questions whose latest change the server has not acknowledged yet. */
  get pending() {
    let n = 0;
    for (const entry of this.entries.values()) {
      if (entry.inflight || entry.dirty || entry.state === 'error' || entry.state === 'rejected') n += 1;
    }
    return n;
  }

  /** True while any change is not yet acknowledged by the server. */
  get unsaved() {
    return this.pending > 0;
  }

  /** Records the student's new choice for a question, keeps it in storage, and sends it. */
  set(questionId, choices) {
    if (this.closed) return;
    const entry = this.entry(questionId);
    entry.choices = [...choices];
    entry.seq += 1;
    entry.dirty = true;
    entry.changedAt = ++this.changes;
    this.keep();
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

  /** Stops all sending and retrying (the attempt is being submitted or is over). Storage is kept. */
  close() {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
  }

  /** After the server has accepted the submit: nothing is left to keep. */
  forget() {
    this.storage?.removeItem(this.storageKey);
  }

  /** The connection is back: send every unsent change now, oldest change first. */
  retryNow() {
    if (this.closed) return;
    const waiting = [...this.entries.entries()]
      .filter(([, entry]) => entry.dirty && !entry.inflight)
      .sort(([, a], [, b]) => a.changedAt - b.changedAt);
    for (const [questionId, entry] of waiting) {
      entry.failures = 0;
      this.send(questionId);
    }
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
    this.save(questionId, [...entry.choices], seq).then(
      (saved) => this.acknowledged(questionId, seq, saved),
      (error) => this.failed(questionId, error),
    );
  }

  acknowledged(questionId, seq, saved) {
    const entry = this.entry(questionId);
    entry.inflight = false;
    entry.failures = 0;
    this.setOffline(false);
    if (Number(saved.seq) > seq && !entry.dirty) {
      // The server holds a later change of this question (another tab); what this page shows wins.
      entry.seq = Math.max(entry.seq, Number(saved.seq)) + 1;
      entry.dirty = true;
      this.keep();
    }
    if (entry.dirty) {
      this.send(questionId);
      return;
    }
    entry.state = 'saved';
    entry.savedAt = saved.savedAt ? new Date(saved.savedAt) : new Date();
    entry.message = '';
    this.keep();
    this.listener(questionId);
    if (this.offline === false) this.retryNow(); // a success proves the connection: flush the others
  }

  failed(questionId, error) {
    const entry = this.entry(questionId);
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
      if (error.status === 0) this.setOffline(true);
      // issue 14 (4, 6): a 502/503 of a node that stops or a store that is away is retried like a lost connection,
      // no sooner than its Retry-After asks; the change stays in storage until a node acknowledges it
      const backOff = this.retryFirstMs * 2 ** (entry.failures - 1);
      const wait = Math.min(this.retryMaxMs, Math.max(backOff, (error.retryAfter ?? 0) * 1000));
      entry.timer = setTimeout(() => this.send(questionId), wait);
    } else {
      entry.dirty = false;
      entry.state = 'rejected';
      entry.message = error.message;
    }
    this.listener(questionId);
  }

  setOffline(offline) {
    if (this.offline === offline) return;
    this.offline = offline;
    this.listener(null);
  }

  /** Writes every unacknowledged change to storage: {questionId: {choices, seq, changedAt}}. */
  keep() {
    if (!this.storage) return;
    const unsent = {};
    for (const [questionId, entry] of this.entries) {
      if (entry.dirty || entry.inflight || entry.state === 'error') {
        unsent[questionId] = { choices: entry.choices, seq: entry.seq, changedAt: entry.changedAt };
      }
    }
    try {
      if (Object.keys(unsent).length === 0) this.storage.removeItem(this.storageKey);
      else this.storage.setItem(this.storageKey, JSON.stringify(unsent));
    } catch {
      // storage full or forbidden: the answer still goes to the server; only the crash safety net is lost
    }
  }

  /** Takes back changes a previous page kept but the server never acknowledged, and sends them again. */
  restore() {
    let kept = {};
    try {
      kept = JSON.parse(this.storage?.getItem(this.storageKey) ?? '{}') ?? {};
    } catch {
      kept = {};
    }
    const resend = [];
    for (const [questionId, change] of Object.entries(kept)) {
      const entry = this.entry(questionId);
      if (!Array.isArray(change?.choices) || !(Number(change.seq) > entry.seq)) continue; // the server has it
      entry.choices = change.choices.map(String);
      entry.seq = Number(change.seq);
      entry.dirty = true;
      entry.changedAt = Number(change.changedAt) || 0;
      this.changes = Math.max(this.changes, entry.changedAt);
      resend.push(questionId);
    }
    this.keep();
    if (resend.length > 0) queueMicrotask(() => this.retryNow());
  }
}
