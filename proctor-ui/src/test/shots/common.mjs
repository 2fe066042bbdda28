// What the screenshot scripts share (pages.mjs, console.mjs): their options, the demo's API as the pages use it, and
// Debian's chromium over the DevTools protocol (with a fake camera and microphone; never a downloaded browser).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

export const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
export const BASE = args.base ?? 'http://127.0.0.1:8197';
export const OUT = args.out ?? 'docs/screenshots/pages';
export const LANGS = (args.langs ?? 'kk,ru,en').split(',');
export const SIZES = [
  { width: 1366, height: 768, mobile: false },
  { width: 390, height: 844, mobile: true },
].filter((s) => !args.sizes || args.sizes.split(',').includes(String(s.width)));
export const ADMIN = process.env.EMTIHAN_ADMIN_PASSWORD;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PASSWORDS = { student: 'demo-student', commission: 'demo-commission', admin: ADMIN };
export const password = (user) =>
  PASSWORDS[user.replace(/\d+$/, '')] ?? (/^member\d$/.test(user) ? 'demo-commission' : `demo-${user}`);

// ---- the API, as the pages use it ----
export async function api(method, path, tokenValue, body) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method,
    headers: {
      ...(tokenValue ? { authorization: `Bearer ${tokenValue}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = text;
  }
  return { status: res.status, data };
}
const logins = {};
export async function login(user) {
  if (!logins[user]) {
    const r = await api('POST', '/auth/login', null, { username: user, password: password(user) });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.data)}`);
    logins[user] = r.data;
  }
  return logins[user];
}
export const tok = async (user) => (await login(user)).token;

/** A finished attempt of user on exam (started and submitted if there is none yet). */
export async function finishedAttempt(user, examId) {
  const t = await tok(user);
  const mine = (await api('GET', '/me/exams', t)).data.find((e) => e.id === examId);
  if (mine?.attempt && mine.attempt.status !== 'in-progress') return mine.attempt.id;
  const started = await api('POST', `/exams/${examId}/attempts`, t);
  if (started.status >= 300) return null;
  const attempt = started.data;
  const answers = {};
  for (const q of (attempt.questions ?? []).slice(0, 12)) {
    const first = q.options?.[0]?.id;
    if (first) answers[q.id] = { choices: [first], seq: 1 };
  }
  const done = await api('POST', `/attempts/${attempt.id}/submit`, t, { answers });
  if (done.status >= 300) console.log('submit', user, done.status, JSON.stringify(done.data).slice(0, 200));
  return attempt.id;
}

export async function setUp() {
  const teacher = await tok('teacher');
  const exams = (await api('GET', '/exams', teacher)).data;
  const proctored = exams.find((e) => e.proctoring?.camera) ?? exams[0];
  const plain = exams.find((e) => !e.proctoring?.camera) ?? exams[0];
  const bank = (await api('GET', '/banks', teacher)).data[0];
  const finished = await finishedAttempt('student2', plain.id);
  const proctoredDone = await finishedAttempt('student4', proctored.id);
  const secretary = await tok('secretary');
  const sitting = (await api('GET', '/sittings', secretary)).data[0];
  const detail = (await api('GET', `/sittings/${sitting.id}`, secretary)).data;
  const first = (detail.students ?? [])[0];
  const firstId = first?.id ?? first?.studentId ?? 'student1';
  const admitted = await api('POST', `/sittings/${sitting.id}/students/${firstId}/admit`, secretary);
  if (admitted.status >= 300 && admitted.status !== 409)
    console.log('admit', admitted.status, JSON.stringify(admitted.data));
  return { proctored, plain, bank, finished, proctoredDone, sitting, firstId };
}

// ---- the browser ----
/**
 * Starts chromium and connects to its page: {call, evaluate, open, close}. onMessage sees every DevTools message
 * (console.mjs prints the page's exceptions).
 */
export async function browser(onMessage = () => {}) {
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = `/tmp/emtihan-shots-${port}`;
  const chrome = spawn(
    'chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--hide-scrollbars',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--lang=en-US',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let ws;
  let id = 0;
  const pending = new Map();
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      ws.send(JSON.stringify({ id: n, method, params }));
    });
  async function evaluate(expression) {
    const r = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails).slice(0, 300));
    return r.result?.result?.value;
  }
  async function open(url) {
    // a URL that differs from the current one only after '#' would not reload the page (the LTI hand-off pages)
    if (url.includes('#')) await call('Page.navigate', { url: 'about:blank' });
    await call('Page.navigate', { url });
    for (let i = 0; i < 60; i++) {
      await sleep(250);
      const state = await evaluate(
        `(() => { const m = document.querySelector('main[data-state]'); return document.readyState === 'complete' && m ? m.dataset.state : ''; })()`,
      ).catch(() => '');
      if (state && state !== 'loading') return state;
    }
    return 'timeout';
  }
  let targets;
  for (let i = 0; i < 60 && !targets; i++) {
    try {
      targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
    } catch {
      await sleep(250);
    }
  }
  ws = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
  await new Promise((r) => ws.addEventListener('open', r));
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    onMessage(m);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  await call('Page.enable');
  await call('Runtime.enable');
  async function close() {
    ws?.close();
    chrome.kill();
    await sleep(300);
    rmSync(profile, { recursive: true, force: true });
  }
  return { call, evaluate, open, close };
}
