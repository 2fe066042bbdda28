// Issue 10, 1: a token the server no longer honours sends the page to sign in again, whether the API answers 401 or
// the live socket is closed with 4401; any other close is reconnected as before.
import test from 'node:test';
import assert from 'node:assert/strict';
import { fakeWebSockets, until } from './support.mjs';

const store = new Map();
globalThis.sessionStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null),
  setItem: (k, v) => store.set(k, String(v)),
  removeItem: (k) => store.delete(k),
};
const visits = [];
globalThis.window = {
  location: {
    protocol: 'http:',
    host: 'localhost:8080',
    replace: (url) => visits.push(url),
    assign: (url) => visits.push(url),
  },
  addEventListener() {},
  removeEventListener() {},
};
globalThis.document = { visibilityState: 'visible', addEventListener() {}, removeEventListener() {} };

const sockets = fakeWebSockets();

const { signIn, token } = await import('../../main/web/lib/session.js');
const { connectLive, SESSION_ENDED } = await import('../../main/web/lib/live.js');

test('a socket closed with 4401 is not reconnected: the token is forgotten and the page goes to sign in', async () => {
  signIn({ token: 'tok-1', user: { id: 's1', name: 'S', roles: ['student'] } });
  visits.length = 0;
  const states = [];
  const live = connectLive({ onState: (s) => states.push(s) });
  assert.equal(sockets.length, 1);
  assert.match(sockets[0].url, /token=tok-1&lang=(kk|ru|en)$/);
  sockets[0].fire('open');
  sockets[0].fire('close', { code: 1006 });
  assert.equal(states.at(-1), 'reconnecting', 'an ordinary drop is reconnected');
  assert.equal(token(), 'tok-1');
  live.close();

  const second = connectLive({ onState: (s) => states.push(s) });
  const ws = sockets.at(-1);
  ws.fire('open');
  ws.fire('close', { code: SESSION_ENDED, reason: 'token-ended' });
  assert.equal(SESSION_ENDED, 4401);
  assert.equal(states.at(-1), 'closed');
  assert.equal(token(), null, 'the ended token is forgotten');
  assert.deepEqual(visits, ['index.html?expired=1']);
  const count = sockets.length;
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(sockets.length, count, 'no new socket is opened with the ended token');
  second.close();
});

test('a 401 from the API for a call made with a token sends the page to sign in; a refused sign-in does not', async () => {
  const { login } = await import('../../main/web/lib/api/auth.js');
  const { ApiError } = await import('../../main/web/lib/api/client.js');
  globalThis.fetch = async () => ({
    ok: false,
    status: 401,
    headers: { get: () => 'application/json' },
    text: async () => JSON.stringify({ error: 'bad-credentials', message: 'wrong username or password' }),
  });
  visits.length = 0;
  await assert.rejects(login('s1', 'wrong'), (err) => err instanceof ApiError && err.status === 401);
  assert.deepEqual(visits, [], 'no token was sent: the sign-in page stays');
  const session = await import('../../main/web/lib/session.js');
  const api = await import('../../main/web/lib/api/client.js');
  session.signIn({ token: 'tok-2', user: null });
  globalThis.fetch = async () => ({
    ok: false,
    status: 401,
    headers: { get: () => 'application/json' },
    text: async () => JSON.stringify({ error: 'unauthorized', message: 'the token is invalid, expired or ended' }),
  });
  await assert.rejects(api.request('GET', '/me'), (err) => err.status === 401);
  await until(() => visits.length === 1, 'the page leaves for the sign-in page');
  assert.deepEqual(visits, ['index.html?expired=1']);
  assert.equal(session.token(), null);
});
