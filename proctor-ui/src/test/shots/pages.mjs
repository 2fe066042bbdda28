// Screenshots of every page in kk, ru and en at 1366×768 and 390×844 (issue 15, "How it is checked").
//
// usage: start the demo (EMTIHAN_PORT=8197 java -jar engine/target/emtihan.jar --demo), then
//   EMTIHAN_ADMIN_PASSWORD=<from the demo log> node --experimental-websocket proctor-ui/src/test/shots/pages.mjs \
//     [--base http://127.0.0.1:8197] [--out docs/screenshots/pages] [--pages exams,rules] [--langs kk] [--sizes 390]
//     [--click menu-button]   (each shot after clicking that element: the header's menu open)
//
// It drives Debian's chromium (never a downloaded one) over the DevTools protocol, with a fake camera and microphone
// for the pre-check and the video room. The state a page needs (an attempt in progress, a finished one, an admitted
// student of the oral sitting) is made through the API first, as the demo users; the ids are found as the pages find
// them. Each shot is the viewport only (PNG), named <page>-<lang>-<width>.png; shots.json beside them records the
// page's data-state and whether the page scrolls sideways.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const BASE = args.base ?? 'http://127.0.0.1:8197';
const OUT = args.out ?? 'docs/screenshots/pages';
const LANGS = (args.langs ?? 'kk,ru,en').split(',');
const SIZES = [
  { width: 1366, height: 768, mobile: false },
  { width: 390, height: 844, mobile: true },
].filter((s) => !args.sizes || args.sizes.split(',').includes(String(s.width)));
const ADMIN = process.env.EMTIHAN_ADMIN_PASSWORD;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const PASSWORDS = { student: 'demo-student', commission: 'demo-commission', admin: ADMIN };
const password = (user) =>
  PASSWORDS[user.replace(/\d+$/, '')] ?? (/^member\d$/.test(user) ? 'demo-commission' : `demo-${user}`);

// ---- the API, as the pages use it ----
async function api(method, path, tokenValue, body) {
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
async function login(user) {
  if (!logins[user]) {
    const r = await api('POST', '/auth/login', null, { username: user, password: password(user) });
    if (r.status !== 200) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(r.data)}`);
    logins[user] = r.data;
  }
  return logins[user];
}
const tok = async (user) => (await login(user)).token;

/** A finished attempt of user on exam (started and submitted if there is none yet). */
async function finishedAttempt(user, examId) {
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

async function setUp() {
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

// ---- which page, as whom, with what ----
function pages(s) {
  const q = encodeURIComponent;
  return [
    { page: 'index', path: 'index.html' },
    { page: 'exams', user: 'student1', path: 'exams.html' },
    { page: 'rules', user: 'student1', path: `rules.html?exam=${q(s.plain.id)}` },
    { page: 'precheck', user: 'student5', path: `precheck.html?exam=${q(s.proctored.id)}`, settle: 4000 },
    { page: 'attempt', user: 'student3', path: `attempt.html?exam=${q(s.plain.id)}` },
    { page: 'result', user: 'student2', path: `result.html?attempt=${q(s.finished)}` },
    { page: 'verify', path: `verify.html?attempt=${q(s.finished)}` },
    { page: 'teacher', user: 'teacher', path: 'teacher.html' },
    { page: 'bank', user: 'teacher', path: `bank.html?bank=${q(s.bank.id)}` },
    { page: 'exam', user: 'teacher', path: `exam.html?exam=${q(s.plain.id)}` },
    { page: 'proctor', user: 'proctor', path: `proctor.html?exam=${q(s.proctored.id)}` },
    { page: 'progress', user: 'teacher', path: `progress.html?exam=${q(s.plain.id)}` },
    { page: 'review', user: 'proctor', path: `review.html?attempt=${q(s.proctoredDone ?? s.finished)}` },
    { page: 'registry', user: 'registrar', path: `registry.html?exam=${q(s.plain.id)}` },
    { page: 'users', user: 'admin', path: 'users.html' },
    { page: 'lti-platforms', user: 'admin', path: 'lti-platforms.html' }, // issue 16 (1)
    { page: 'lti-launch', path: 'lti-launch.html#id_token=x&state=y' }, // issue 16 (2): a launch refused
    { page: 'statements', user: 'dean', path: 'statements.html' },
    { page: 'sittings', user: 'secretary', path: 'sittings.html' },
    { page: 'sitting', user: 'commission', path: `sitting.html?sitting=${q(s.sitting.id)}`, settle: 2500 },
    { page: 'sitting-new', user: 'admin', path: 'sitting-new.html' },
    {
      page: 'sitting-student',
      user: 'student1',
      path: `sitting-student.html?sitting=${q(s.sitting.id)}`,
      settle: 2500,
    },
    {
      page: 'sitting-presentation',
      user: 'secretary',
      path: `sitting-presentation.html?sitting=${q(s.sitting.id)}&student=${q(s.firstId)}`,
    },
  ].filter((p) => !args.pages || args.pages.split(',').includes(p.page));
}

// ---- the browser ----
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

try {
  const setup = await setUp();
  console.log(
    'set up:',
    JSON.stringify({
      plain: setup.plain.id,
      proctored: setup.proctored.id,
      finished: setup.finished,
      proctoredDone: setup.proctoredDone,
      sitting: setup.sitting.id,
    }),
  );
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
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  await call('Page.enable');
  await call('Runtime.enable');
  mkdirSync(OUT, { recursive: true });
  const manifest = [];
  for (const p of pages(setup)) {
    await call('Emulation.clearDeviceMetricsOverride');
    await call('Page.navigate', { url: `${BASE}/index.html` });
    await sleep(800);
    const session = p.user ? await login(p.user) : null;
    await evaluate(`(() => { sessionStorage.clear(); const l = ${JSON.stringify(session)};
      if (l) { sessionStorage.setItem('emtihan.token', l.token); sessionStorage.setItem('emtihan.user', JSON.stringify(l.user ?? null));
               if (l.timeZone) sessionStorage.setItem('emtihan.timeZone', l.timeZone); } })()`);
    for (const lang of LANGS) {
      await evaluate(`localStorage.setItem('emtihan.language', '${lang}')`);
      for (const size of SIZES) {
        await call('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1 });
        await call('Emulation.setTouchEmulationEnabled', { enabled: size.mobile });
        const state = await open(`${BASE}/${p.path}`);
        await sleep(p.settle ?? 900);
        const sideways = await evaluate('document.documentElement.scrollWidth - window.innerWidth').catch(() => null);
        // --click menu-button: the shot with that element clicked (the header's menu open), named <page>-…-<id>.png
        if (args.click) await evaluate(`document.getElementById('${args.click}')?.click()`).then(() => sleep(300));
        const file = `${p.page}-${lang}-${size.width}${args.click ? `-${args.click}` : ''}.png`;
        const shot = await call('Page.captureScreenshot', { format: 'png' });
        writeFileSync(`${OUT}/${file}`, Buffer.from(shot.result.data, 'base64'));
        manifest.push({ page: p.page, lang, width: size.width, file, user: p.user ?? null, state, sideways });
        console.log(file, state, sideways > 0 ? `scrolls sideways by ${sideways}px` : '');
      }
    }
  }
  if (!args.pages) writeFileSync(`${OUT}/shots.json`, JSON.stringify(manifest, null, 1) + '\n');
} finally {
  ws?.close();
  chrome.kill();
  await sleep(300);
  rmSync(profile, { recursive: true, force: true });
}
