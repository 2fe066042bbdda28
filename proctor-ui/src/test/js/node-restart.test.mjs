// Issue 14 (4, 6): a node that stops closes its sockets with 1012 and a store that is away answers 503 with
// Retry-After; the live socket reconnects at once and the answer queue retries without losing an answer, while a
// refusal (4xx) is never retried.
import test from 'node:test';
import assert from 'node:assert/strict';
import { fakeWebSockets, settle, until } from './support.mjs';

globalThis.sessionStorage = { getItem: () => null, setItem() {}, removeItem() {} };
globalThis.window = {
  location: { protocol: 'http:', host: 'localhost:8080', replace() {}, assign() {} },
  addEventListener() {},
  removeEventListener() {},
};
globalThis.document = { visibilityState: 'visible', addEventListener() {}, removeEventListener() {} };

const sockets = fakeWebSockets();

const { connectLive, NODE_LEAVING } = await import('../../main/web/lib/live.js');
const { AnswerBook } = await import('../../main/web/lib/answers.js');
const { ApiError, request } = await import('../../main/web/lib/api/client.js');

test('a socket closed with 1012 (service restart) reconnects within a second, and an ordinary drop waits longer', async () => {
  assert.ok(NODE_LEAVING.includes(1012));
  const states = [];
  const live = connectLive({ onState: (state, wait) => states.push([state, wait]) });
  const ws = sockets.at(-1);
  ws.fire('open');
  ws.fire('close', { code: 1012, reason: 'service restart' });
  const [state, wait] = states.at(-1);
  assert.equal(state, 'reconnecting');
  assert.ok(wait >= 100 && wait <= 1000, `a node that stops: back within a second (${wait} ms)`);
  live.close();

  const other = connectLive({ onState: (s, w) => states.push([s, w]) });
  const dropped = sockets.at(-1);
  dropped.fire('open');
  dropped.fire('close', { code: 1006 });
  assert.ok(states.at(-1)[1] >= 750, `an ordinary drop waits the back-off (${states.at(-1)[1]} ms)`);
  other.close();
});

test('the socket opened again after a 1012 is a new one, to whichever node the load balancer picks', async () => {
  const live = connectLive({});
  const first = sockets.at(-1);
  first.fire('open');
  first.fire('close', { code: 1012 });
  await until(() => sockets.at(-1) !== first, 'a new socket is opened');
  assert.equal(sockets.at(-1).url, first.url, 'the same address: the load balancer chooses the node');
  live.close();
});

test('a 503 with Retry-After carries it on the ApiError, which is transient', async () => {
  globalThis.fetch = async () => ({
    ok: false,
    status: 503,
    headers: {
      get: (name) => ({ 'content-type': 'application/json', 'retry-after': '2' })[name.toLowerCase()] ?? null,
    },
    text: async () => JSON.stringify({ error: 'store-unavailable', message: 'x' }),
  });
  await assert.rejects(request('PUT', '/attempts/a/answers/q', { body: { choices: [], seq: 1 } }), (err) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 'store-unavailable');
    assert.equal(err.retryAfter, 2);
    assert.equal(err.transient, true);
    return true;
  });
});

test('an answer refused with 502 and 503 (a node restarting, the store away) is retried until acknowledged', async () => {
  const outcomes = [
    new ApiError(502, 'http-502', 'bad gateway'),
    Object.assign(new ApiError(503, 'store-unavailable', 'away'), { retryAfter: 0.05 }),
  ];
  const calls = [];
  const save = (questionId, choices, seq) => {
    calls.push({ at: Date.now(), seq });
    const next = outcomes.shift();
    return next ? Promise.reject(next) : Promise.resolve({ seq, savedAt: '2026-12-06T09:00:00Z' });
  };
  const book = new AnswerBook({ save, retryFirstMs: 5, retryMaxMs: 1000 });
  book.set('q1', ['a']);
  await until(() => book.status('q1').state === 'saved', 'the answer is acknowledged');
  assert.equal(calls.length, 3, 'sent, retried after the 502, retried after the 503');
  assert.ok(calls[2].at - calls[1].at >= 45, `the 503's Retry-After is honoured: ${calls[2].at - calls[1].at} ms`);
  assert.deepEqual(
    calls.map((c) => c.seq),
    [1, 1, 1],
    'the same change every time',
  );
  assert.equal(book.unsaved, false);
});

test('a refusal (4xx) is not retried', async () => {
  const calls = [];
  const save = () => {
    calls.push(1);
    return Promise.reject(new ApiError(400, 'bad-field', 'no'));
  };
  const book = new AnswerBook({ save, retryFirstMs: 5 });
  book.set('q1', ['a']);
  await until(() => book.status('q1').state === 'rejected', 'the refusal is shown');
  await new Promise((resolve) => setTimeout(resolve, 30));
  await settle();
  assert.equal(calls.length, 1);
});
