// Issue 11, 1: the pages ask for their own language on every API call and show the server's sentence for a refusal
// only when it is in that language; otherwise their own words, never another language's sentence. A change of
// language is saved on the signed-in person's account.
import test from 'node:test';
import assert from 'node:assert/strict';

const local = new Map([['emtihan.language', 'kk']]);
globalThis.localStorage = { getItem: (k) => local.get(k) ?? null, setItem: (k, v) => local.set(k, String(v)) };
const session = new Map();
globalThis.sessionStorage = {
  getItem: (k) => (session.has(k) ? session.get(k) : null),
  setItem: (k, v) => session.set(k, String(v)),
  removeItem: (k) => session.delete(k),
};
globalThis.window = { location: { replace() {}, assign() {} } };

const { ApiError, errorText } = await import('../../main/web/lib/api/client.js');
const { login, saveLanguage } = await import('../../main/web/lib/api/auth.js');
const { currentLanguage, t } = await import('../../main/web/lib/i18n.js');
const { signIn } = await import('../../main/web/lib/session.js');

const calls = [];
function answer(status, body, language) {
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init });
    const headers = { 'content-type': 'application/json', 'content-language': language };
    return {
      ok: status < 300,
      status,
      headers: { get: (name) => headers[name.toLowerCase()] ?? null },
      text: async () => JSON.stringify(body),
    };
  };
}

test('every call names the page language, and a refusal in it is shown as the server says it', async () => {
  assert.equal(currentLanguage(), 'kk');
  const sentence = 'Пайдаланушы аты немесе құпиясөз қате.';
  answer(401, { error: 'bad-credentials', message: sentence }, 'kk');
  const err = await login('s1', 'wrong').catch((e) => e);
  assert.ok(err instanceof ApiError);
  assert.equal(calls.at(-1).init.headers['Accept-Language'], 'kk');
  assert.equal(err.code, 'bad-credentials');
  assert.equal(errorText(err), sentence);
});

test('a sentence in another language is not shown: the page says it in its own words, problems keep their place', async () => {
  answer(
    400,
    { error: 'invalid-users', message: 'Users with problems: 1.', problems: [{ line: 3, message: 'unknown role' }] },
    'en',
  );
  const err = await login('s1', 'x').catch((e) => e);
  assert.equal(errorText(err), t('error.http', { status: 400 }));
  assert.notEqual(errorText(err), 'Users with problems: 1.');
  assert.deepEqual(err.body.problems, [{ line: 3 }]);
});

test('the choice of language is saved on the account of whoever is signed in', async () => {
  answer(200, { id: 's1', language: 'ru' }, 'ru');
  calls.length = 0;
  await saveLanguage('ru');
  assert.equal(calls.length, 0, 'nobody is signed in: nothing to save');
  signIn({ token: 'tok', user: { id: 's1', name: 'S', roles: ['student'] } });
  await saveLanguage('ru');
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/api/v1/users/me/language');
  assert.equal(calls[0].init.method, 'PUT');
  assert.deepEqual(JSON.parse(calls[0].init.body), { language: 'ru' });
});
