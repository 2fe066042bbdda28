// Issue 16, "How to test it against the real thing": the browser half of the end-to-end walk through a real Moodle 4.3.
// A student logs in to Moodle, opens the course's external-tool activity, lands in Emtihan through the LTI 1.3 launch,
// takes the exam and submits; then the teacher's Moodle gradebook is read and photographed.
// docs/lti-moodle-e2e.sh runs Moodle and the engine first and calls this; docs/lti-moodle.md says what happened.
//
// usage: node --experimental-websocket docs/lti-moodle-e2e.mjs
//   env: MOODLE (http://127.0.0.1:8765), TOOL (http://127.0.0.1:8766), CMID (1), COURSE (2),
//        STUDENT (student1), TEACHER (teacher1), PASSWORD (Pass-word-1), OUT (/tmp/lti-moodle-e2e), STEP (all|student|gradebook)
// Drives Debian's chromium over the DevTools protocol; every wait polls a condition with a deadline.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

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
  const requests = []; // every request the page (and its frames) made: what Moodle sent the tool, recorded as fixtures
  ws.addEventListener('message', (e) => {
    const m = JSON.parse(e.data);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
    if (m.method === 'Network.requestWillBeSent') {
      const r = m.params.request;
      requests.push({ requestId: m.params.requestId, url: r.url, method: r.method, postData: r.postData,
        hasPostData: r.hasPostData, wallTime: m.params.wallTime, frameId: m.params.frameId });
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
  await call('Network.enable', { maxPostDataSize: 1 << 20 });
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
  /** The same evaluate/until, inside the first child frame whose address starts with prefix (Moodle's iframes). */
  const frame = (prefix) => {
    const evaluateIn = async (expression) => {
      const frames = [];
      (function walk(n) { frames.push(n.frame); (n.childFrames ?? []).forEach(walk); })((await call('Page.getFrameTree')).result.frameTree);
      const f = frames.find((x) => x.parentId && x.url.startsWith(prefix));
      if (!f) return undefined;
      const world = await call('Page.createIsolatedWorld', { frameId: f.id, worldName: 'walk' });
      const r = await call('Runtime.evaluate', { expression, contextId: world.result.executionContextId, awaitPromise: true, returnByValue: true });
      if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails).slice(0, 300));
      return r.result?.result?.value;
    };
    const untilIn = async (what, expression, ms = 20000) => {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const v = await evaluateIn(expression).catch(() => undefined);
        if (v) return v;
        await sleep(200);
      }
      const where = await evaluateIn('location.href + " :: " + document.body.innerText.slice(0, 600)').catch((e) => e.message);
      throw new Error(`${name} (frame ${prefix}): timed out waiting for ${what}; frame: ${where}`);
    };
    return { evaluate: evaluateIn, until: untilIn };
  };
  /** A recorded request's form body as an object (asked from the browser when the event did not carry it). */
  const form = async (r) => {
    let body = r.postData;
    if (body === undefined && r.hasPostData)
      body = (await call('Network.getRequestPostData', { requestId: r.requestId })).result?.postData;
    return Object.fromEntries(new URLSearchParams(body ?? ''));
  };
  const responseBody = async (r) => (await call('Network.getResponseBody', { requestId: r.requestId })).result?.body;
  return { evaluate, until, go, shot, close, call, frame, requests, form, responseBody };
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
    writeFileSync(`${OUT}/student.json`, JSON.stringify((await session(b)).user)); // their Emtihan id (STEP=sitting)
    await takeExam(b);
    await b.shot(`${OUT}/4-emtihan-result.png`);
  } finally {
    await b.close();
  }
}


/**
 * From the rules page (or the exam already open) to the result: agree, start, answer every question with its first
 * option, submit. p is the browser or one of its frames (an activity embedded in Moodle's page).
 */
async function takeExam(p) {
  const b = p;
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
    if (p.shot) await p.shot(`${OUT}/3-emtihan-attempt.png`);
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
 * An exam of the launched teacher's own (a new Emtihan account, made by the launch, owns none): the demo bank's owner
 * (an admin here) names them a co-author and they schedule a current-control exam from it, as "Create an exam" does.
 */
async function scheduleExam(me, title, weeksBack = 0) {
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
    title: title,
    kind: 'current-control',
    // regulation 5.20.1: one current-control task a week per discipline, so a second exam opens a week earlier
    opensAt: new Date(now - 10 * 60000 - weeksBack * 7 * 24 * 3600000).toISOString(),
    closesAt: new Date(now + 24 * 3600000).toISOString(),
    durationMinutes: 15,
    questionCount: 5,
    proctoring: { camera: false, screen: false, identity: false },
  });
  log('teacher', me.user.id, 'scheduled exam', exam.id, `"${title}"`, 'from bank', bank.id);
  return exam;
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
    const exam = await scheduleExam(me, process.env.EXAM_TITLE ?? 'Mathematics 1 — quiz from Moodle (LTI)');
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
  const beforeList = (await api('GET', '/lti/platforms', admin)).platforms;
  const before = beforeList.length;
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
    // the list has no order to rely on: the new one is the one that was not there before
    const added = after.filter((p) => !beforeList.some((q) => q.id === p.id));
    log(`Emtihan's platforms: ${before} -> ${after.length}; the new one:`, JSON.stringify(added));
    if (added.length !== 1) throw new Error(`expected one new platform, got ${added.length}`);
    writeFileSync(`${OUT}/registered-platforms.json`, JSON.stringify(after, null, 1));
    writeFileSync(`${OUT}/registered-platform.json`, JSON.stringify(added[0], null, 1));
  } finally {
    await b.close();
  }
}

/** A query on Moodle's own tables (the recipe's private PostgreSQL): rows of tab-separated fields. */
function moodleDb(sql) {
  const out = execFileSync('psql', ['-h', '127.0.0.1', '-p', '55432', '-U', 'moodle', '-d', 'moodle', '-At', '-F', '\t', '-c', sql]);
  return out.toString().trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
}

const decode = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());

/**
 * What Moodle sent the tool for one launch, from the browser's own record of its requests since mark: the login
 * initiation it posted to /lti/login, the authentication request the tool sent back to auth.php, Moodle's form_post
 * of the id_token to /lti/launch, and Moodle's JWKS right after (the shape of the fixtures beside it).
 */
async function recordLaunch(b, mark, file, note) {
  const since = b.requests.slice(mark);
  const last = (pred) => since.filter(pred).at(-1);
  const login = last((r) => r.url.startsWith(`${TOOL}/lti/login`) && r.method === 'POST');
  const auth = last((r) => r.url.startsWith(`${MOODLE}/mod/lti/auth.php`));
  const post = last((r) => r.url.startsWith(`${TOOL}/lti/launch`) && r.method === 'POST');
  if (!login || !auth || !post) throw new Error(`${file}: the launch's messages were not all seen`);
  const params = await b.form(post);
  const certs = await (await fetch(`${MOODLE}/mod/lti/certs.php`)).json();
  const [h, c] = params.id_token.split('.');
  const record = {
    note,
    login_initiation: { url: login.url, method: 'POST', params: await b.form(login), received_at: login.wallTime },
    authentication_request: {
      url: auth.url.split('?')[0],
      method: auth.method,
      params: auth.method === 'GET' ? Object.fromEntries(new URL(auth.url).searchParams) : await b.form(auth),
    },
    form_post: { url: post.url, params, received_at: post.wallTime, received_at_iso: new Date(post.wallTime * 1000).toISOString() },
    certs_at_that_moment: certs,
    id_token_header: decode(h),
    id_token_claims: decode(c),
  };
  writeFileSync(`${OUT}/fixture-${file}`, JSON.stringify(record, null, 2));
  log(`recorded ${file}: ${record.id_token_claims['https://purl.imsglobal.org/spec/lti/claim/message_type']}, aud ${record.id_token_claims.aud},`,
    'document_target', record.id_token_claims['https://purl.imsglobal.org/spec/lti/claim/launch_presentation']?.document_target);
  return record;
}

/**
 * Issue 16 (2), Deep Linking saved through Moodle's own form: teacher1 adds an "External tool" activity with tool type
 * typeid (course/modedit.php, what "Add an activity" opens), presses "Select content"; Moodle's dialogue frames the
 * deep-linking launch; on Emtihan's pick page the teacher chooses the exam titled title (scheduling it first if their
 * Emtihan account has none by that title); Moodle fills its form from the signed answer and the teacher SAVES (Moodle
 * 4.3's form has no launch container for a teacher: the tool type's default decides, see studentOpens). Then the teacher
 * opens the new activity once (the link is bound to the exam), and what it made is written to OUT/<tag>-activity.json.
 */
async function addActivity({ typeid, title, tag, weeksBack, kind = 'exam' }) {
  const b = await browser(`teacher-${tag}`);
  try {
    await moodleLogin(b, process.env.TEACHER ?? 'teacher1');
    const mark = b.requests.length;
    await b.go(`${MOODLE}/course/modedit.php?add=lti&typeid=${typeid}&course=${COURSE}&section=0&return=0&sr=0`);
    await b.until('Moodle\'s "Adding a new External tool" form', `document.readyState === 'complete'
      && document.querySelector('#id_selectcontent') && !document.querySelector('#id_selectcontent').disabled`, 30000);
    await b.shot(`${OUT}/${tag}-1-moodle-form.png`);
    await b.evaluate(`document.querySelector('#id_selectcontent').click()`);
    const pick = b.frame(TOOL);
    await pick.until('Emtihan\'s pick page inside Moodle\'s dialogue', `location.pathname.endsWith('/lti-pick.html')
      && document.querySelector('main[data-state]')?.dataset.state === 'ready'`, 40000);
    const me = await session(pick);
    // an exam in #lti-exams; a sitting (made beforehand through the API, STEP=sitting) in #lti-sittings
    const list = kind === 'sitting' ? '#lti-sittings' : '#lti-exams';
    const listed = (t) => `[...document.querySelectorAll('${list} li')].find((li) => li.textContent.includes(${JSON.stringify(t)}))`;
    let examId;
    if (kind === 'sitting') await pick.until(`the sitting "${title}" on the pick page`, `!!${listed(title)}`);
    if (!(await pick.evaluate(`!!${listed(title)}`))) {
      examId = (await scheduleExam(me, title, weeksBack)).id;
      await pick.evaluate(`document.querySelector('#lti-reload').click()`);
      await pick.until('the new exam in the list', `!!${listed(title)}`);
    }
    await b.shot(`${OUT}/${tag}-2-emtihan-pick-in-moodle.png`);
    const started = Date.now();
    await pick.evaluate(`${listed(title)}.querySelector('button').click()`);
    await b.until('Moodle\'s form filled from the deep-linking answer', `document.querySelector('#id_toolurl')?.value
      && document.querySelector('#id_name')?.value && !document.querySelector('.modal.show')`, 40000);
    const filled = await b.evaluate(`Object.fromEntries(['name', 'toolurl', 'instructorcustomparameters', 'lineitemresourceid', 'lineitemtag',
      'launchcontainer', 'grade_modgrade_point', 'typeid'].map((f) => [f, document.querySelector('#region-main form [name="' + f + '"]')?.value]))`);
    log(`Moodle's form filled from the deep-linking answer in ${Date.now() - started} ms:`, JSON.stringify(filled));
    await b.shot(`${OUT}/${tag}-3-moodle-form-filled.png`);
    await b.evaluate(`document.querySelector('#id_submitbutton2').click()`);
    await b.until('the course page after saving', `location.pathname === '/course/view.php' && document.readyState === 'complete'`, 40000);
    const save = b.requests.slice(mark).find((r) => r.method === 'POST' && r.url.startsWith(`${MOODLE}/course/modedit.php`));
    const ret = b.requests.slice(mark).find((r) => r.method === 'POST' && r.url.startsWith(`${MOODLE}/mod/lti/contentitem_return.php`));
    const [row] = moodleDb(`select cm.id, l.id, l.name, l.typeid, l.launchcontainer, l.toolurl, coalesce(l.instructorcustomparameters, ''),
        gi.id, coalesce(gi.idnumber, ''), gs.resourceid, coalesce(gs.tag, ''), gs.id
      from mdl_lti l join mdl_course_modules cm on cm.instance = l.id and cm.module = (select id from mdl_modules where name = 'lti')
      left join mdl_grade_items gi on gi.itemmodule = 'lti' and gi.iteminstance = l.id
      left join mdl_ltiservice_gradebookservices gs on gs.ltilinkid = l.id
      order by l.id desc limit 1`);
    const activity = { cmid: row[0], ltiId: row[1], name: row[2], typeid: row[3], launchcontainer: row[4], toolurl: row[5], custom: row[6],
      gradeItemId: row[7], lineItemResourceId: row[9], lineItemTag: row[10], gradebookServiceId: row[11] };
    log(`activity saved in Moodle: ${JSON.stringify(activity)}`);
    let returned = null;
    try {
      const html = await b.responseBody(ret);
      returned = JSON.parse(html.match(/amd\.init\((\{.*?\})\);/s)?.[1] ?? 'null');
    } catch {}
    writeFileSync(`${OUT}/fixture-${tag}-form-save.json`, JSON.stringify({
      note: 'Moodle 4.3: the deep-linking answer Moodle derived settings from (contentitem_return.php), the activity form it filled and the teacher saved (course/modedit.php POST), and the rows that made',
      contentitem_return: { url: ret?.url.replace(/sesskey=[^&]*/, 'sesskey=…'), moodle_settings: returned, tool_response_claims: ret ? decode((await b.form(ret)).JWT.split('.')[1]) : null },
      form_filled: filled,
      modedit_post: { url: save?.url, params: Object.fromEntries(Object.entries(save ? await b.form(save) : {}).filter(([k]) => k !== 'sesskey')) },
      saved: activity,
    }, null, 2));
    // the teacher opens the new activity once: Emtihan keeps the link with the exam its custom parameter names
    const m2 = b.requests.length;
    await b.go(`${MOODLE}/mod/lti/launch.php?id=${activity.cmid}`);
    await b.until('Emtihan after the teacher\'s launch of the new activity', `location.origin === ${JSON.stringify(TOOL)}
      && document.querySelector('main[data-state]') && document.querySelector('main[data-state]').dataset.state !== 'loading'`, 30000);
    log('teacher opened the new activity:', await b.evaluate('location.href'));
    await recordLaunch(b, m2, `${tag}-teacher-launch.json`, 'teacher1 opens the activity saved from the deep-linking answer');
    const after = await session(b);
    const opened = await b.evaluate(`({ exam: new URLSearchParams(location.search).get('exam'), sitting: new URLSearchParams(location.search).get('sitting'), page: location.pathname })`);
    examId = examId ?? opened.exam;
    writeFileSync(`${OUT}/${tag}-activity.json`, JSON.stringify({ ...activity, examId, sittingId: opened.sitting, page: opened.page,
      teacherToken: after.token, teacher: after.user }));
    return activity;
  } finally {
    await b.close();
  }
}

/**
 * A student opens an activity the teacher saved (OUT/<tag>-activity.json) the way Moodle shows it: when its launch
 * container is "Embed" (2) or "Embed, without blocks" (3) - the activity's own, or its tool type's default when the
 * activity says "Default" (1), mod/lti/locallib.php lti_get_launch_container - Moodle's page (view.php) frames the
 * launch in its iframe #contentframe and Emtihan's rules page shows inside Moodle's page (issue 16 (5)); otherwise the
 * launch (launch.php) fills the window. The student lands on the picked exam's rules page and takes the exam there.
 */
async function studentOpens(tag, user) {
  const a = JSON.parse(readFileSync(`${OUT}/${tag}-activity.json`));
  const typeDefault = moodleDb(`select value from mdl_lti_types_config where typeid = ${Number(a.typeid)} and name = 'launchcontainer'`)[0]?.[0];
  const container = a.launchcontainer === '1' ? typeDefault ?? '3' : a.launchcontainer;
  const embed = container === '2' || container === '3';
  const b = await browser(`student-${tag}`);
  try {
    await moodleLogin(b, user);
    const mark = b.requests.length;
    const started = Date.now();
    await b.go(`${MOODLE}/mod/lti/${embed ? 'view' : 'launch'}.php?id=${a.cmid}`);
    const p = embed ? b.frame(TOOL) : b;
    await p.until(`Emtihan's rules page ${embed ? 'inside Moodle\'s page' : 'after the launch'}`, `location.origin === ${JSON.stringify(TOOL)}
      && location.pathname.endsWith('/rules.html') && document.querySelector('#rules-body') && !document.querySelector('#rules-body').hidden`, 40000);
    const exam = await p.evaluate(`new URLSearchParams(location.search).get('exam')`);
    log(`${user}: rules of exam ${exam} (launch container ${container}${embed ? ', inside Moodle\'s iframe' : ''}) in ${Date.now() - started} ms`);
    if (embed) {
      const framed = await b.evaluate(`(() => { const r = document.querySelector('#contentframe').getBoundingClientRect(); return [location.href, Math.round(r.width), Math.round(r.height)]; })()`);
      log('Moodle page', framed[0], 'iframe #contentframe', `${framed[1]}x${framed[2]}`);
    }
    await b.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await b.shot(`${OUT}/lti-moodle-${tag}-rules.png`);
    const rec = await recordLaunch(b, mark, `${tag}-student-launch.json`, `${user} opens the activity saved from the deep-linking answer (${tag}), launch container ${container}`);
    log('client id (aud):', rec.id_token_claims.aud, 'deployment:', rec.id_token_claims['https://purl.imsglobal.org/spec/lti/claim/deployment_id']);
    if (exam !== a.examId) throw new Error(`the launch opened exam ${exam}, not the picked ${a.examId}`);
    // issue 16 (2): the page speaks the language Moodle's launch asked for (launch_presentation.locale)
    const seen = await p.evaluate(`({ lang: document.documentElement.lang, heading: document.querySelector('h1')?.innerText,
      user: JSON.parse(sessionStorage.getItem('emtihan.user') || 'null') })`);
    const locale = rec.id_token_claims['https://purl.imsglobal.org/spec/lti/claim/launch_presentation']?.locale;
    log(`Moodle's locale "${locale}"; the page's language "${seen.lang}", heading "${seen.heading}"; Emtihan user ${seen.user?.id}`);
    writeFileSync(`${OUT}/${tag}-student.json`, JSON.stringify({ ...seen, locale, exam }));
    if (process.env.EXPECT_LANG && seen.lang !== process.env.EXPECT_LANG)
      throw new Error(`the page speaks "${seen.lang}", not "${process.env.EXPECT_LANG}" (Moodle's locale "${locale}")`);
    await takeExam(p);
    await b.shot(`${OUT}/lti-moodle-${tag}-result.png`);
  } finally {
    await b.close();
  }
}

/**
 * Issue 16 (3) for an oral sitting: a student opens the activity the teacher saved from the deep-linking answer that
 * named a SITTING (OUT/<tag>-activity.json); the recipe's type opens a window, so launch.php; the student lands on
 * Emtihan's student sitting page of THAT sitting. Their Emtihan session is kept for the appeal (OUT/<tag>-student.json).
 */
async function studentOpensSitting(tag, user) {
  const a = JSON.parse(readFileSync(`${OUT}/${tag}-activity.json`));
  const b = await browser(`student-${tag}`);
  try {
    await moodleLogin(b, user);
    const mark = b.requests.length;
    const started = Date.now();
    await b.go(`${MOODLE}/mod/lti/launch.php?id=${a.cmid}`);
    await b.until('Emtihan\'s student sitting page after the launch', `location.origin === ${JSON.stringify(TOOL)}
      && location.pathname.endsWith('/sitting-student.html') && document.querySelector('main[data-state]')
      && !['loading'].includes(document.querySelector('main[data-state]').dataset.state)`, 40000);
    const seen = await b.evaluate(`({ url: location.href, sitting: new URLSearchParams(location.search).get('sitting'),
      state: document.querySelector('main').dataset.state, heading: document.querySelector('#student-heading')?.innerText,
      facts: document.querySelector('#student-facts')?.innerText, lang: document.documentElement.lang,
      token: sessionStorage.getItem('emtihan.token'), user: JSON.parse(sessionStorage.getItem('emtihan.user') || 'null') })`);
    log(`${user}: ${seen.url} (state ${seen.state}) in ${Date.now() - started} ms; heading "${seen.heading}"; ${seen.facts}`);
    await b.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    await b.shot(`${OUT}/lti-moodle-${tag}-student.png`);
    await recordLaunch(b, mark, `${tag}-student-launch.json`, `${user} opens the activity saved from the deep-linking answer that named a sitting (${tag})`);
    writeFileSync(`${OUT}/${tag}-student.json`, JSON.stringify(seen));
    if (seen.sitting !== a.sittingId) throw new Error(`the launch opened sitting ${seen.sitting}, not the picked ${a.sittingId}`);
    if (seen.state === 'error') throw new Error(`the student sitting page shows an error: ${seen.facts}`);
  } finally {
    await b.close();
  }
}

/**
 * Issue 16 (1), Dynamic Registration to the end: Moodle's administrator activates the pending tool type the
 * registration made (Site administration > Plugins > Activity modules > External tool > Manage tools, its card's
 * "Activate"), then teacher1 adds an activity with it (deep linking through the new client).
 */
async function activate() {
  const reg = JSON.parse(readFileSync(`${OUT}/registered-platform.json`));
  const [[typeId, state]] = moodleDb(`select id, state from mdl_lti_types where clientid = '${reg.clientId.replace(/'/g, '')}'`);
  log(`Moodle's tool type ${typeId} for client ${reg.clientId}: state ${state} (2 = pending)`);
  const b = await browser('moodle-admin-activate');
  try {
    await moodleLogin(b, 'admin', process.env.MOODLE_ADMIN_PASSWORD ?? 'Admin-pw-1');
    await b.go(`${MOODLE}/mod/lti/toolconfigure.php`);
    const card = `document.querySelector('.tool-card[data-type-id="${typeId}"]')`;
    await b.until('the pending tool\'s card', `${card}?.querySelector('a.activate')`, 30000);
    await b.evaluate(`${card}.scrollIntoView()`);
    await b.shot(`${OUT}/a1-moodle-pending-tool.png`);
    await b.evaluate(`${card}.querySelector('a.activate').click()`);
    const end = Date.now() + 30000;
    while (moodleDb(`select state from mdl_lti_types where id = ${typeId}`)[0][0] !== '1') {
      if (Date.now() > end) throw new Error(`tool type ${typeId} was not activated`);
      // a tool asking for capabilities shows them first; accept them as the administrator would
      await b.evaluate(`${card}.querySelector('.capabilities-container button, button.approve')?.click()`).catch(() => {});
      await sleep(300);
    }
    await b.until('the card without its Activate button', `${card} && !${card}.querySelector('a.activate')`);
    await b.shot(`${OUT}/lti-moodle-activated.png`);
    log(`tool type ${typeId} activated in Moodle (state 1)`);
    writeFileSync(`${OUT}/dyn-type-id`, typeId);
  } finally {
    await b.close();
  }
  await addActivity({ typeid: typeId, title: process.env.DYN_TITLE ?? 'Mathematics 1 — test through dynamic registration', tag: 'dyn', weeksBack: Number(process.env.DYN_WEEKS ?? 2) });
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
    // Moodle's user tour of the grader report greys the page on a first visit: end it as a teacher would
    await b.evaluate(`document.querySelector('[data-flexitour="step-background"], .flexitour') && document.querySelector('[data-role="end"]')?.click()`);
    await b.until('no tour over the table', `!document.querySelector('[data-flexitour="backdrop"], [data-flexitour="step-background"]')`);
    // wide enough for every column the walk's re-runs add; the course index redraws itself after the resize
    await b.call('Emulation.setDeviceMetricsOverride', { width: Number(process.env.GRADEBOOK_WIDTH ?? 1600), height: 900, deviceScaleFactor: 1, mobile: false });
    await b.until('the course index drawn', `document.querySelector('#courseindex-content .courseindex-section')
      && !document.querySelector('#courseindex-content [data-region="loading-placeholder-content"]:not([hidden]), #courseindex-content .bg-pulse-grey')`);
    await b.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const text = await b.evaluate(`document.querySelector('#user-grades').innerText`);
    log('grader report:', text.replace(/\s+/g, ' ').slice(0, 400));
    if (process.env.SHOW_COLUMN) {
      // the column of one activity (the sitting's, STEP=sitting): the course index closed, that column scrolled into view
      await b.evaluate(`document.querySelector('.drawer-left.show [data-action="closedrawer"]')?.click()`);
      await b.until('the course index closed', `!document.querySelector('.drawer-left.show')`);
      const col = `[...document.querySelectorAll('#user-grades th a, #user-grades th')].filter((e) => e.innerText.includes(${JSON.stringify(process.env.SHOW_COLUMN)})).at(-1)`;
      await b.until(`the column "${process.env.SHOW_COLUMN}"`, `!!${col}`);
      await b.evaluate(`${col}.scrollIntoView({ inline: 'center', block: 'nearest' })`);
      await b.evaluate('new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 400))');
    }
    await b.shot(`${OUT}/${process.env.GRADEBOOK_SHOT ?? 'lti-moodle-gradebook'}.png`);
  } finally {
    await b.close();
  }
}

if (STEP === 'all' || STEP === 'teacher') await teacher();
if (STEP === 'all' || STEP === 'student') await student();
if (STEP === 'all' || STEP === 'gradebook') await gradebook();
if (STEP === 'all' || STEP === 'deeplink') await deeplink();
if (STEP === 'all' || STEP === 'dlform') await addActivity({ typeid: process.env.TYPEID ?? '1', title: process.env.DL_TITLE ?? 'Mathematics 1 — deep-linked test', tag: 'dl', weeksBack: Number(process.env.DL_WEEKS ?? 1) });
if (STEP === 'all' || STEP === 'dlstudent') await studentOpens('dl', process.env.STUDENT ?? 'student1');
if (STEP === 'all' || STEP === 'register') await register();
if (STEP === 'all' || STEP === 'activate') await activate();
if (STEP === 'all' || STEP === 'dynstudent') await studentOpens('dyn', process.env.STUDENT2 ?? 'student2');
// issue 16 (3) for oral sittings: the sitting made through the API (docs/lti-moodle-e2e.sh) is picked in Moodle's form
if (STEP === 'sitform') await addActivity({ typeid: process.env.TYPEID ?? '1', title: process.env.SIT_TITLE, tag: 'sit', kind: 'sitting' });
if (STEP === 'sitstudent') await studentOpensSitting('sit', process.env.STUDENT ?? 'student1');
log('done');
