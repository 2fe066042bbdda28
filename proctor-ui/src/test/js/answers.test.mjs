// Unit tests of the answer queue (lib/answers.js): ordering, retry, dedup by seq, keeping unsent answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerBook } from '../../main/web/lib/answers.js';
import { settle, until } from './support.mjs';

/** Web Storage's interface over a Map (Node has no localStorage). */
class MemoryStorage {
  constructor() {
    this.map = new Map();
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}

/** A fake server: records every PUT, answers from a script of outcomes, stores by the seq rule. */
class Server {
  constructor() {
    this.calls = [];
    this.stored = new Map();
    this.down = false;
    this.pending = [];
  }
  save = (questionId, choices, seq) => {
    this.calls.push({ questionId, choices, seq });
    if (this.down)
      return Promise.reject(Object.assign(new Error('offline'), { status: 0, code: 'network', transient: true }));
    const current = this.stored.get(questionId);
    if (!current || seq > current.seq) this.stored.set(questionId, { seq, choices });
    return Promise.resolve({ seq: this.stored.get(questionId).seq, savedAt: '2026-12-01T09:00:00Z' });
  };
}

test('each change gets the next seq above what the server stored', async () => {
  const server = new Server();
  const book = new AnswerBook({ seqs: { q1: 4 }, answers: { q1: ['a'] }, save: server.save });
  book.set('q1', ['b']);
  await settle();
  assert.deepEqual(server.calls, [{ questionId: 'q1', choices: ['b'], seq: 5 }]);
  assert.equal(book.status('q1').state, 'saved');
  assert.equal(book.unsaved, false);
});

test('a change made while one is in flight is sent after it, never in parallel', async () => {
  let release;
  const calls = [];
  const save = (q, choices, seq) => {
    calls.push(seq);
    return new Promise((resolve) => {
      release = () => resolve({ seq, savedAt: null });
    });
  };
  const book = new AnswerBook({ save });
  book.set('q1', ['a']);
  book.set('q1', ['b']);
  book.set('q1', ['c']);
  assert.deepEqual(calls, [1], 'only the first is in flight');
  release();
  await settle();
  assert.deepEqual(calls, [1, 3], 'then the latest, skipping the superseded one');
  release();
  await settle();
  assert.equal(book.status('q1').state, 'saved');
});

test('a resend the server already has is acknowledged with the stored seq and not duplicated', async () => {
  const server = new Server();
  server.stored.set('q1', { seq: 7, choices: ['x'] });
  const book = new AnswerBook({ seqs: { q1: 7 }, save: server.save });
  book.set('q1', ['y']);
  await settle();
  assert.equal(server.stored.get('q1').seq, 8);
  assert.deepEqual(server.stored.get('q1').choices, ['y']);
});

test('offline: answers are kept in storage, retried, and all reach the server in order when it returns', async () => {
  const server = new Server();
  const storage = new MemoryStorage();
  let offlineSeen = false;
  const book = new AnswerBook({
    save: server.save,
    storage,
    storageKey: 'k',
    retryFirstMs: 10_000,
    listener: () => {
      offlineSeen ||= book.offline;
    },
  });
  server.down = true;
  book.set('q2', ['a']);
  book.set('q1', ['b']);
  book.set('q3', ['c']);
  await settle();
  assert.equal(book.offline, true);
  assert.equal(offlineSeen, true);
  assert.equal(book.pending, 3);
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem('k'))).sort(), ['q1', 'q2', 'q3']);

  server.down = false;
  server.calls.length = 0;
  book.retryNow();
  await until(() => book.pending === 0, 'all are acknowledged');
  assert.deepEqual(
    server.calls.map((c) => c.questionId),
    ['q2', 'q1', 'q3'],
    'oldest change first',
  );
  assert.equal(book.offline, false);
  assert.equal(storage.getItem('k'), null, 'nothing left to keep once acknowledged');
  book.close();
});

test('a failed save is retried with back-off by itself', async () => {
  const server = new Server();
  server.down = true;
  const book = new AnswerBook({ save: server.save, retryFirstMs: 5, retryMaxMs: 20 });
  book.set('q1', ['a']);
  await settle();
  assert.equal(book.status('q1').state, 'error');
  server.down = false;
  await until(() => book.status('q1').state === 'saved', 'the retry succeeds');
  assert.ok(server.calls.length >= 2);
  assert.deepEqual(server.stored.get('q1'), { seq: 1, choices: ['a'] });
});

test('after a reload, unsent answers from storage are sent again; ones the server has are dropped', async () => {
  const storage = new MemoryStorage();
  storage.setItem(
    'k',
    JSON.stringify({
      q1: { choices: ['new'], seq: 3, changedAt: 2 },
      q2: { choices: ['old'], seq: 2, changedAt: 1 },
    }),
  );
  const server = new Server();
  server.stored.set('q2', { seq: 2, choices: ['old'] });
  const book = new AnswerBook({
    answers: { q1: ['older'], q2: ['old'] },
    seqs: { q1: 2, q2: 2 },
    save: server.save,
    storage,
    storageKey: 'k',
  });
  assert.deepEqual(book.choices('q1'), ['new'], "the page shows the unsent change, not the server's older one");
  await until(() => book.pending === 0, 'the kept change is acknowledged');
  assert.deepEqual(server.calls, [{ questionId: 'q1', choices: ['new'], seq: 3 }]);
  assert.equal(storage.getItem('k'), null);
});

test('a refusal is reported and not retried; a closed attempt stops the book', async () => {
  let closed = null;
  const refusing = () =>
    Promise.reject(Object.assign(new Error('no such option'), { status: 400, code: 'unknown-option' }));
  const book = new AnswerBook({ save: refusing });
  book.set('q1', ['zz']);
  await settle();
  assert.equal(book.status('q1').state, 'rejected');
  assert.equal(book.status('q1').message, 'no such option');

  const closing = () =>
    Promise.reject(Object.assign(new Error('past the deadline'), { status: 409, code: 'attempt-closed' }));
  const late = new AnswerBook({
    save: closing,
    onClosed: (e) => {
      closed = e;
    },
  });
  late.set('q1', ['a']);
  await settle();
  assert.equal(closed.code, 'attempt-closed');
  late.set('q1', ['b']);
  assert.deepEqual(late.choices('q1'), ['a'], 'no change is taken after the attempt closed');
});

test('copy() gives every answered question with its latest seq for the submit', () => {
  const book = new AnswerBook({ answers: { q1: ['a'] }, seqs: { q1: 2 }, save: () => new Promise(() => {}) });
  book.set('q2', ['b', 'c']);
  assert.deepEqual(book.copy(), { q1: { choices: ['a'], seq: 2 }, q2: { choices: ['b', 'c'], seq: 1 } });
});
