// Issue 12, 2: the pages fetch a question's picture once, with their token, from the endpoint of the page (the bank's
// files for staff, the own paper's for a student), and keep it as a blob: URL.
import test from 'node:test';
import assert from 'node:assert/strict';

const session = new Map([['emtihan.token', 'tok-1']]);
globalThis.sessionStorage = {
  getItem: (k) => (session.has(k) ? session.get(k) : null),
  setItem: (k, v) => session.set(k, String(v)),
  removeItem: (k) => session.delete(k),
};
globalThis.localStorage = { getItem: () => null, setItem() {} };
globalThis.window = { location: { replace() {}, assign() {} } };

const { attemptMedia, bankMedia, cached } = await import('../../main/web/lib/question-media.js');
const HASH = 'cd'.repeat(32);

function serve(status, bytes, type) {
  const calls = [];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init });
    return {
      ok: status < 300,
      status,
      headers: { get: (name) => (name.toLowerCase() === 'content-type' ? type : null) },
      blob: async () => new Blob([bytes], { type }),
      text: async () => JSON.stringify({ error: 'not-found', message: 'x' }),
    };
  };
  return calls;
}

test('a student page asks the attempt endpoint with its token, once per file', async () => {
  const calls = serve(200, new Uint8Array([0x89, 0x50]), 'image/png');
  const source = attemptMedia('a 1');
  const [u1, u2] = await Promise.all([source(HASH), source(HASH)]);
  assert.equal(calls.length, 1, 'fetched once');
  assert.equal(calls[0].url, `/api/v1/attempts/a%201/media/${HASH}`);
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok-1');
  assert.ok(u1.startsWith('blob:') && u1 === u2, u1);
});

test('a staff page asks the bank endpoint', async () => {
  const calls = serve(200, new Uint8Array([1]), 'audio/mpeg');
  await bankMedia('b1')(HASH);
  assert.equal(calls[0].url, `/api/v1/banks/b1/media/${HASH}`);
});

test('a failed fetch rejects and is tried again the next time', async () => {
  let n = 0;
  const source = cached(
    (h) => `/x/${h}`,
    async () => {
      n += 1;
      if (n === 1) throw new Error('offline');
      return { data: new Blob([new Uint8Array([1])]) };
    },
  );
  await assert.rejects(source(HASH));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.ok((await source(HASH)).startsWith('blob:'));
  assert.equal(n, 2);
});

test('a transient failure is tried again; a refusal is not', async () => {
  let n = 0;
  const transient = Object.assign(new Error('offline'), { transient: true });
  const source = cached(
    (h) => `/x/${h}`,
    async () => {
      n += 1;
      if (n <= 2) throw transient;
      return { data: new Blob([new Uint8Array([1])]) };
    },
    { delay: () => 0 },
  );
  assert.ok((await source(HASH)).startsWith('blob:'));
  assert.equal(n, 3, 'two failures, then the file');

  let refusals = 0;
  const refused = cached(
    (h) => `/y/${h}`,
    async () => {
      refusals += 1;
      throw Object.assign(new Error('not found'), { status: 404, transient: false });
    },
    { delay: () => 0 },
  );
  await assert.rejects(refused(HASH));
  assert.equal(refusals, 1, 'a 404 is asked once');
});
