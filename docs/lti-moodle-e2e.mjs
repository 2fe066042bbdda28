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
    rmSync(profile, { recursive: true, force: true });
  };
  return { evaluate, until, go, shot, close, call };
}

async function moodleLogin(b, user) {
  await b.go(`${MOODLE}/login/index.php`);
  await b.until('Moodle login form', `document.querySelector('#username') && document.readyState === 'complete'`);
  await b.evaluate(`(() => { document.querySelector('#username').value = ${JSON.stringify(user)};
    document.querySelector('#password').value = ${JSON.stringify(PASSWORD)};
    document.querySelector('#loginbtn').click(); })()`);
  await b.until(`${user} logged in to Moodle`, `!location.pathname.startsWith('/login/') && document.readyState === 'complete'
    && document.body.innerText.length > 0`);
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

async function gradebook() {
  const b = await browser('teacher');
  try {
    await moodleLogin(b, process.env.TEACHER ?? 'teacher1');
    await b.call('Emulation.setDeviceMetricsOverride', { width: 1366, height: 900, deviceScaleFactor: 1, mobile: false });
    await b.go(`${MOODLE}/grade/report/grader/index.php?id=${COURSE}`);
    await b.until('the grader report', `document.readyState === 'complete' && document.querySelector('table.gradereport-grader-table, #user-grades')`);
    const text = await b.evaluate(`document.querySelector('#user-grades').innerText`);
    log('grader report:', text.replace(/\s+/g, ' ').slice(0, 400));
    await b.shot(`${OUT}/lti-moodle-gradebook.png`);
  } finally {
    await b.close();
  }
}

if (STEP === 'all' || STEP === 'student') await student();
if (STEP === 'all' || STEP === 'gradebook') await gradebook();
log('done');
