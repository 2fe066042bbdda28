// Issue 16, "How to test it against the real thing": the browser half of the end-to-end walk through a real Moodle 4.3.
// A student logs in to Moodle, opens the course's external-tool activity, lands in Emtihan through the LTI 1.3 launch,
// takes the exam and submits; then the teacher's Moodle gradebook is read and photographed.
// docs/lti-moodle-e2e.sh runs Moodle and the engine first and calls this; docs/lti-moodle.md says what happened.
//
// usage: node --experimental-websocket docs/lti-moodle-e2e.mjs
//   env: MOODLE (http://127.0.0.1:8765), TOOL (http://127.0.0.1:8766), CMID (1), COURSE (2),
//        STUDENT (student1), TEACHER (teacher1), PASSWORD (Pass-word-1), OUT (/tmp/lti-moodle-e2e), STEP (all|student|gradebook)
// Drives Debian's chromium over the DevTools protocol; every wait polls a condition with a deadline.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const MOODLE = process.env.MOODLE ?? 'http://127.0.0.1:8765';
const TOOL = process.env.TOOL ?? 'http://127.0.0.1:8766';
const CMID = process.env.CMID ?? '1';
const COURSE = process.env.COURSE ?? '2';
const PASSWORD = process.env.PASSWORD ?? 'Pass-word-1';
const OUT = process.env.OUT ?? '/tmp/lti-moodle-e2e';
const STEP = process.env.STEP ?? 'all';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s]`, ...a);
mkdirSync(OUT, { recursive: true });

async function browser(name) {
  const port = 9800 + Math.floor(Math.random() * 150);
  const profile = `/tmp/lti-moodle-e2e-${name}-${port}`;
  const proc = spawn(
    'chromium',
    [
      '--headless=new',
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      '--window-size=1366,900',
      '--lang=en-US',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  let targets;
  for (let i = 0; i < 80 && !targets; i++) {
    try {
      targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
    } catch {
      await sleep(250);
    }
  }
  const ws = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
  await new Promise((r) => ws.addEventListener('open', r));
  let id = 0;
  const pending = new Map();
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      ws.send(JSON.stringify({ id: n, method, params }));
    });
  await call('Page.enable');
  await call('Runtime.enable');
  const evaluate = async (expression) => {
    const r = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails).slice(0, 300));
    return r.result?.result?.value;
  };
  /** Polls a page expression until it is truthy; fails with what the page shows at the deadline. */
  const until = async (what, expression, ms = 20000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const v = await evaluate(expression).catch(() => undefined);
      if (v) return v;
      await sleep(200);
    }
    const where = await evaluate('location.href + " :: " + document.body.innerText.slice(0, 600)').catch((e) => e.message);
    throw new Error(`${name}: timed out waiting for ${what}; page: ${where}`);
  };
  const go = (url) => call('Page.navigate', { url });
  const shot = async (file) => {
    const r = await call('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
    writeFileSync(file, Buffer.from(r.result.data, 'base64'));
    log('shot', file);
  };
  const close = async () => {
    ws.close();
    proc.kill();
    await sleep(300);
    await sleep(700);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {}
  };
  return { evaluate, until, go, shot, close, call };
}

async function moodleLogin(b, user, password = PASSWORD) {
  // Moodle answers "Your session has timed out" now and then to a fresh profile's first login (its login token and
  // session cookie raced); the form is then filled again, up to three times
  for (let attempt = 1; ; attempt++) {
    await b.go(`${MOODLE}/login/index.php`);
    await b.until('Moodle login form', `document.querySelector('#username') && document.readyState === 'complete'`);
    await b.evaluate(`(() => { document.querySelector('#username').value = ${JSON.stringify(user)};
      document.querySelector('#password').value = ${JSON.stringify(password)};
      document.querySelector('#loginbtn').click(); })()`);
    await b.until(`${user}'s login answered`, `document.readyState === 'complete' && (!location.pathname.startsWith('/login/')
      || document.querySelector('.loginerrors, .alert-danger, #loginerrormessage'))`);
    if (!(await b.evaluate(`location.pathname.startsWith('/login/')`))) break;
    if (attempt === 3) throw new Error(`${user} cannot log in to Moodle`);
    log(`${user}: Moodle refused the login form (${attempt}), again`);
  }
  log(`${user} logged in to Moodle`);
}

async function student() {
  const b = await browser('student');
  try {
    const user = process.env.STUDENT ?? 'student1';
    await moodleLogin(b, user);
    await b.go(`${MOODLE}/course/view.php?id=${COURSE}`);
    await b.until('the course page', `document.readyState === 'complete' && document.body.innerText.includes('Exam')`);
    await b.shot(`${OUT}/1-moodle-course-${user}.png`);
    // the activity: launch.php auto-posts the OIDC login initiation to the tool; the tool goes to auth.php, Moodle posts
    // the id_token back, and the tool signs the student in and opens the exam's rules page
    const started = Date.now();
    await b.go(`${MOODLE}/mod/lti/launch.php?id=${CMID}`);
    await b.until(
      'Emtihan after the launch',
      `location.origin === ${JSON.stringify(TOOL)} && document.querySelector('main[data-state]')
       && !['loading'].includes(document.querySelector('main[data-state]').dataset.state)`,
      30000,
    );
    log(`launched into ${await b.evaluate('location.href')} in ${Date.now() - started} ms`);
    await b.shot(`${OUT}/2-emtihan-after-launch.png`);
    const exam = await b.evaluate(`new URLSearchParams(location.search).get('exam') ?? ''`);
    if (exam) writeFileSync(`${OUT}/exam-id`, exam);
    const page = await b.evaluate('location.pathname');
    if (page.endsWith('/rules.html')) {
      await b.until('the rules', `!document.querySelector('#rules-body').hidden`);
      await b.evaluate(`(() => { const c = document.querySelector('#rules-agree'); c.click(); })()`);
      await b.until('the start button', `!document.querySelector('#rules-start').disabled`);
      await b.evaluate(`document.querySelector('#rules-start').click()`);
      await b.until('the attempt page', `location.pathname.endsWith('/attempt.html') || location.pathname.endsWith('/precheck.html')`);
    }
    await b.until('a question', `document.querySelector('input[type=radio], input[type=checkbox], textarea')`, 30000);
    log('exam open:', await b.evaluate('location.href'));
    await b.shot(`${OUT}/3-emtihan-attempt.png`);
    // answer every question with its first option, then submit
    for (let i = 0; i < 60; i++) {
      await b.evaluate(`(() => { const q = document.querySelector('input[type=radio]:not(:checked), input[type=checkbox]:not(:checked)');
        if (q && !document.querySelector('input[type=radio]:checked, input[type=checkbox]:checked')) q.click(); })()`);
      const more = await b.evaluate(`(() => { const n = document.querySelector('#next'); if (n && !n.disabled && !n.hidden) { n.click(); return true; } return false; })()`);
      if (!more) break;
      await sleep(150);
    }
    await b.evaluate(`document.querySelector('#submit-open').click()`);
    await b.until('the confirm dialog', `document.querySelector('#confirm-submit') && document.querySelector('#confirm-submit').offsetParent !== null`);
    await b.evaluate(`document.querySelector('#confirm-submit').click()`);
    await b.until('the result page', `location.pathname.endsWith('/result.html') && document.querySelector('main[data-state]')?.dataset.state !== 'loading'`, 30000);
    log('submitted:', await b.evaluate('location.href'));
    await b.shot(`${OUT}/4-emtihan-result.png`);
  } finally {
    await b.close();
  }
}

/** The browser's Emtihan session (the launch keeps it in sessionStorage, never a cookie). */
async function session(b) {
  return b.evaluate(`({ token: sessionStorage.getItem('emtihan.token'), user: JSON.parse(sessionStorage.getItem('emtihan.user') || 'null') })`);
}

async function api(method, path, token, body) {
  const res = await fetch(`${TOOL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let data = text;
  try { data = JSON.parse(text); } catch {}
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 400)}`);
  return data;
}

/**
 * The teacher opens the activity: Emtihan knows no exam for it yet and offers the teacher's exams. The teacher
 * (a new Emtihan account, made by the launch) gets an exam of their own: the demo bank's owner (an admin here) names
 * them a co-author and they schedule a current-control exam from it; then they reload the list and choose it.
 */
async function teacher() {
  const b = await browser('teacher-launch');
  try {
    await moodleLogin(b, process.env.TEACHER ?? 'teacher1');
    const started = Date.now();
    await b.go(`${MOODLE}/mod/lti/launch.php?id=${CMID}`);
    await b.until(
      'Emtihan after the teacher\'s launch',
      `location.origin === ${JSON.stringify(TOOL)} && document.querySelector('main[data-state]')
       && document.querySelector('main[data-state]').dataset.state !== 'loading'`,
      30000,
    );
    log(`teacher launched into ${await b.evaluate('location.href')} in ${Date.now() - started} ms`);
    await b.shot(`${OUT}/t1-emtihan-teacher-launch.png`);
    const me = await session(b);
    log('teacher in Emtihan:', JSON.stringify(me.user));
    if (!(await b.evaluate('location.pathname')).endsWith('/lti-pick.html')) return;
    const admin = (await (await fetch(`${TOOL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: process.env.EMTIHAN_ADMIN_PASSWORD ?? 'e2e-Admin-pw-16' }) })).json()).token;
    const banks = await api('GET', '/banks', admin);
    const bank = banks.find((x) => x.status === 'approved') ?? banks[0];
    const access = await api('GET', `/banks/${bank.id}/access`, admin);
    const ids = (list) => (list ?? []).map((p) => (typeof p === 'string' ? p : p.id));
    await api('PUT', `/banks/${bank.id}/access`, admin, {
      coAuthors: [...new Set([...ids(access.coAuthors), me.user.id])],
      experts: ids(access.experts),
    });
    const now = Date.now();
    const exam = await api('POST', '/exams', me.token, {
      bankId: bank.id,
      title: process.env.EXAM_TITLE ?? 'Mathematics 1 — quiz from Moodle (LTI)',
      kind: 'current-control',
      opensAt: new Date(now - 10 * 60000).toISOString(),
      closesAt: new Date(now + 24 * 3600000).toISOString(),
      durationMinutes: 15,
      questionCount: 5,
      proctoring: { camera: false, screen: false, identity: false },
    });
    log('teacher scheduled exam', exam.id, 'from bank', bank.id);
    writeFileSync(`${OUT}/exam-id`, exam.id);
    writeFileSync(`${OUT}/teacher.json`, JSON.stringify({ user: me.user, token: me.token, exam: exam.id }));
    await b.evaluate(`document.querySelector('#lti-reload').click()`);
    await b.until('the new exam in the list', `[...document.querySelectorAll('#lti-exams li')].some((li) => li.textContent.includes('quiz from Moodle'))`);
    await b.shot(`${OUT}/t2-emtihan-pick.png`);
    await b.evaluate(`[...document.querySelectorAll('#lti-exams li')].find((li) => li.textContent.includes('quiz from Moodle')).querySelector('button').click()`);
    await b.until('the exam page', `location.pathname.endsWith('/exam.html')`);
    log('activity bound; teacher on', await b.evaluate('location.href'));
    await b.until('the exam page loaded', `document.querySelector('main[data-state]')?.dataset.state !== 'loading'`);
    await b.shot(`${OUT}/t3-emtihan-exam.png`);
  } finally {
    await b.close();
  }
}

/**
 * Deep Linking from Moodle: the teacher asks Moodle to "select content" from the tool (contentitem.php, what the
 * activity form's button opens); Emtihan offers the teacher's exams; the chosen one goes back to Moodle as a signed
 * LtiDeepLinkingResponse, which Moodle turns into the new activity's settings.
 */
async function deeplink() {
  const b = await browser('teacher-deeplink');
  try {
    await moodleLogin(b, process.env.TEACHER ?? 'teacher1');
    await b.go(`${MOODLE}/mod/lti/contentitem.php?id=${process.env.TYPEID ?? '1'}&course=${COURSE}&title=Emtihan&text=`);
    await b.until('the pick page for deep linking', `location.pathname.endsWith('/lti-pick.html')
      && document.querySelector('main[data-state]')?.dataset.state === 'ready'`, 30000);
    await b.shot(`${OUT}/d1-emtihan-deeplink-pick.png`);
    log('deep linking: teacher on', await b.evaluate('location.href'));
    await b.evaluate(`document.querySelector('#lti-exams li button').click()`);
    await b.until('Moodle\'s contentitem_return', `location.href.startsWith(${JSON.stringify(MOODLE)} + '/mod/lti/contentitem_return.php')
      && document.readyState === 'complete'`, 30000);
    const html = await b.evaluate('document.documentElement.outerHTML');
    const m = html.match(/amd\.init\((\{.*?\})\);/s);
    const error = html.match(/class="[^"]*(errormessage|alert-danger)[^"]*"[^>]*>([^<]*)/);
    log('Moodle took the deep-linking response:', m ? m[1].slice(0, 600) : `no settings; ${error ? error[2] : html.slice(0, 300)}`);
    writeFileSync(`${OUT}/deeplink-moodle-answer.json`, m ? m[1] : JSON.stringify({ error: error?.[2] ?? null }));
  } finally {
    await b.close();
  }
}

/**
 * LTI Dynamic Registration: an Emtihan administrator makes a one-use registration address; Moodle's administrator
 * starts "Add LTI Advantage" with it (startltiadvregistration.php: Moodle mints its registration token and sends the
 * browser to the address); Emtihan reads Moodle's OpenID configuration, registers itself and keeps the platform.
 */
async function register() {
  const adminPw = process.env.EMTIHAN_ADMIN_PASSWORD ?? 'e2e-Admin-pw-16';
  const admin = (await (await fetch(`${TOOL}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPw }) })).json()).token;
  const before = (await api('GET', '/lti/platforms', admin)).platforms.length;
  const { url } = await api('POST', '/lti/registration-codes', admin, {});
  log('registration address made in Emtihan:', url.replace(/code=.*/, 'code=…'));
  const b = await browser('moodle-admin');
  try {
    await moodleLogin(b, 'admin', process.env.MOODLE_ADMIN_PASSWORD ?? 'Admin-pw-1');
    // what Manage tools' "Add LTI Advantage" does (type=0: a new tool, not an update of the recipe's tool on this host)
    const sesskey = await b.evaluate('M.cfg.sesskey');
    await b.go(`${MOODLE}/mod/lti/startltiadvregistration.php?url=${encodeURIComponent(url)}&type=0&sesskey=${sesskey}`);
    await b.until('Emtihan\'s registration page done', `location.pathname.endsWith('/lti-register.html')
      && ['ready', 'error'].includes(document.querySelector('main[data-state]')?.dataset.state)`, 30000);
    await b.shot(`${OUT}/r1-emtihan-registered.png`);
    const shown = await b.evaluate(`document.querySelector('main').innerText`);
    log('registration page:', shown.replace(/\s+/g, ' ').slice(0, 300));
    const after = (await api('GET', '/lti/platforms', admin)).platforms;
    log(`Emtihan's platforms: ${before} -> ${after.length}; newest:`, JSON.stringify(after[after.length - 1]));
    writeFileSync(`${OUT}/registered-platforms.json`, JSON.stringify(after, null, 1));
  } finally {
    await b.close();
  }
}

async function gradebook() {
  const b = await browser('teacher');
  try {
    await moodleLogin(b, process.env.TEACHER ?? 'teacher1');
    await b.go(`${MOODLE}/grade/report/grader/index.php?id=${COURSE}`);
    await b.until('the grader report', `document.readyState === 'complete' && document.querySelector('table.gradereport-grader-table, #user-grades')`);
    // laid out and painted: the table has its height and the student's row shows a number
    await b.until(
      'the grader table painted',
      `(() => { const t = document.querySelector('#user-grades'); return t && t.getBoundingClientRect().height > 150
        && document.fonts.status === 'loaded'; })()`,
    );
    await b.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const text = await b.evaluate(`document.querySelector('#user-grades').innerText`);
    log('grader report:', text.replace(/\s+/g, ' ').slice(0, 400));
    await b.shot(`${OUT}/lti-moodle-gradebook.png`);
  } finally {
    await b.close();
  }
}

if (STEP === 'all' || STEP === 'teacher') await teacher();
if (STEP === 'all' || STEP === 'student') await student();
if (STEP === 'all' || STEP === 'gradebook') await gradebook();
if (STEP === 'all' || STEP === 'deeplink') await deeplink();
if (STEP === 'all' || STEP === 'register') await register();
log('done');
