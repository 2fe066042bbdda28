// Issue 15 (2): the sitting console's date fields are the shared text fields in the page's language
// (lib/date-input.js), and the API gets what it got from the browser's date and datetime-local fields.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';

const window = new Window();
globalThis.window = window;
globalThis.document = window.document;
globalThis.Node = window.Node;
globalThis.sessionStorage = window.sessionStorage;
globalThis.localStorage = window.localStorage;

const calls = [];
globalThis.fetch = async (url, init) => {
  calls.push({ url: String(url), body: init?.body ? JSON.parse(init.body) : null });
  return { ok: true, status: 200, headers: { get: () => 'application/json' }, text: async () => '{}' };
};

const { renderActs } = await import('../../main/web/pages/sitting/acts.js');

const until = async (check) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

test("the act's new time: typed as 07.12.2026 15:30, sent as the sitting zone's 2026-12-07T15:30:00+05:00", async () => {
  document.body.innerHTML =
    '<section id="acts-section"><p id="acts-none"></p><ol id="acts"></ol><div id="vote-error"></div></section>';
  const act = { id: 'act-1', studentId: 'st2', at: '2026-12-07T09:00:00Z', stage: 'answer', votes: {} };
  act.decision = { choice: 'SAME_DAY', ticket: 'SAME' };
  const sitting = { acts: [act], rules: { timeZone: 'Asia/Almaty' } };
  renderActs(sitting, 'secretary', 3, { sittingId: 's1', nameOf: (id) => id, reload: async () => {} });
  const input = document.getElementById('new-time-act-1');
  assert.equal(input.type, 'text', 'no browser-drawn datetime-local field');
  assert.equal(input.dataset.localDate, 'datetime');
  assert.ok(document.getElementById('new-time-act-1-format'), 'the pattern is said under the field');
  input.value = '07.12.2026 15:30';
  input.closest('form').dispatchEvent(new window.Event('submit', { cancelable: true }));
  await until(() => calls.length > 0);
  assert.match(calls[0].url, /\/sittings\/s1\/acts\/act-1\/new-time$/);
  assert.deepEqual(calls[0].body, { newTime: '2026-12-07T15:30:00+05:00' });
});

test('text that is no date and time goes as typed, so the engine names the field as before', async () => {
  calls.length = 0;
  const input = document.getElementById('new-time-act-1');
  input.value = 'ертең';
  input.closest('form').dispatchEvent(new window.Event('submit', { cancelable: true }));
  await until(() => calls.length > 0);
  assert.deepEqual(calls[0].body, { newTime: 'ертең' });
});
