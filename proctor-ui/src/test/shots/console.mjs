// Screenshots of the commission's console at each step of one student, and of the proctor's dashboard with 30
// students, in kk, ru and en at 1366×768 and 390×844 (issue 15, items 2, 3, 5, 8: docs/notes-ui-console.md).
//
// usage: on a fresh demo (EMTIHAN_PORT=8123 java -jar engine/target/emtihan.jar --demo),
//   EMTIHAN_ADMIN_PASSWORD=<from the demo log> node --experimental-websocket proctor-ui/src/test/shots/console.mjs \
//     [--base http://127.0.0.1:8123] [--out docs/screenshots/pages] [--langs kk] [--sizes 390] [--only console|dashboard]
//
// The console: student1 (with an enrolment photo) walked through the oral sitting by the API as the secretary, the
// chair and the members; at each step the chair's console is shot: console-<step>-<lang>-<width>.png (admission,
// identity, draw, answer, scoring, confirmed), and student2 (no enrolment photo) at the identity check
// (console-no-photo-…). The dashboard: the demo's proctored exam with 30 students on its roster, all started, some with
// identity photos waiting, camera snapshots, and flags of several kinds (one with five): dashboard30-<lang>-<width>.png.
// Each shot is the viewport; shots-console.json records the page state and any sideways scroll.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { args, ADMIN, BASE, OUT, LANGS, SIZES, api, browser, login, sleep, tok } from './common.mjs';

const { call, evaluate, open, close } = await browser((m) => {
  if (m.method === 'Runtime.exceptionThrown') {
    console.log('page error:', JSON.stringify(m.params.exceptionDetails).slice(0, 400));
  }
});

const FACE = readFileSync(
  new URL('../../../../engine/src/test/resources/fixtures/faces/face_grace_hopper.jpg', import.meta.url),
);
const ONLY = args.only;

async function put(path, tokenValue, type, bytes) {
  const res = await fetch(`${BASE}/api/v1${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${tokenValue}`, 'content-type': type },
    body: bytes,
  });
  if (res.status >= 300) console.log('PUT', path, res.status, (await res.text()).slice(0, 200));
  return res.status;
}
async function must(r, what) {
  const got = await r;
  if (got.status >= 300 && got.status !== 409) console.log(what, got.status, JSON.stringify(got.data).slice(0, 300));
  return got;
}

async function shoot(name, user, path, settle = 1500, before = '', sizes = SIZES) {
  const session = await login(user);
  await call('Emulation.clearDeviceMetricsOverride');
  await call('Page.navigate', { url: `${BASE}/index.html` });
  await sleep(600);
  await evaluate(`(() => { sessionStorage.clear(); const l = ${JSON.stringify(session)};
    sessionStorage.setItem('emtihan.token', l.token); sessionStorage.setItem('emtihan.user', JSON.stringify(l.user ?? null));
    if (l.timeZone) sessionStorage.setItem('emtihan.timeZone', l.timeZone); })()`);
  for (const lang of LANGS) {
    await evaluate(`localStorage.setItem('emtihan.language', '${lang}')`);
    for (const size of sizes) {
      await call('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1 });
      await call('Emulation.setTouchEmulationEnabled', { enabled: size.mobile });
      const state = await open(`${BASE}/${path}`);
      await sleep(settle);
      if (before) await evaluate(before).catch((e) => console.log('before', e.message));
      const sideways = await evaluate('document.documentElement.scrollWidth - window.innerWidth').catch(() => null);
      const file = `${name}-${lang}-${size.width}.png`;
      const shot = await call('Page.captureScreenshot', { format: 'png' });
      writeFileSync(`${OUT}/${file}`, Buffer.from(shot.result.data, 'base64'));
      manifest.push({ name, lang, width: size.width, file, user, state, sideways });
      console.log(file, state, sideways > 0 ? `scrolls sideways by ${sideways}px` : '');
    }
  }
}

const manifest = [];

async function consoleWalk() {
  const admin = (await api('POST', '/auth/login', null, { username: 'admin', password: ADMIN })).data.token;
  const sec = await tok('secretary');
  const chair = await tok('commission');
  const sitting = (await api('GET', '/sittings', sec)).data[0].id;
  const student = 'student1';
  await put(`/users/${student}/photo`, admin, 'image/jpeg', FACE);
  const st = `/sittings/${sitting}/students/${student}`;
  const console_ = `sitting.html?sitting=${encodeURIComponent(sitting)}`;
  await shoot('console-admission', 'commission', console_);
  await must(api('POST', `${st}/admit`, sec), 'admit');
  await put(`${st}/photos/id-card`, sec, 'image/jpeg', FACE);
  await put(`${st}/photos/identity`, sec, 'image/jpeg', FACE);
  await shoot('console-identity', 'commission', console_);
  await must(api('POST', `${st}/identity`, sec, { confirmed: true }), 'identity');
  await put(`${st}/photos/room`, sec, 'image/jpeg', FACE);
  await must(
    api('POST', `${st}/room`, sec, {
      checklist: { 'room-alone': true, 'desk-clear': true, 'no-devices': true, 'camera-shows-room': true },
    }),
    'room',
  );
  await shoot('console-draw', 'commission', console_, 1500, `document.getElementById('draw-word').value = 'алма'`);
  await must(api('POST', `${st}/draw`, chair, { word: 'алма' }), 'draw');
  await must(api('POST', `${st}/phase`, sec, { action: 'start-preparation' }), 'prep');
  await must(api('POST', `${st}/phase`, sec, { action: 'end-preparation' }), 'end prep');
  await shoot('console-answer', 'commission', console_);
  await must(api('POST', `${st}/phase`, sec, { action: 'end-answer', reason: 'Жауап аяқталды' }), 'end answer');
  await shoot('console-scoring', 'commission', console_);
  for (const m of ['commission', 'member1', 'member2']) {
    await must(api('PUT', `${st}/score`, await tok(m), { points: m === 'commission' ? 85 : 80 }), `score ${m}`);
  }
  await must(api('POST', `${st}/confirm`, chair), 'confirm');
  await shoot(
    'console-confirmed',
    'commission',
    `${console_}&student=${student}`,
    1500,
    `document.querySelector('#draws-section details')?.setAttribute('open', '')`,
  );
  await must(api('POST', `/sittings/${sitting}/students/student2/admit`, sec), 'admit 2');
  await shoot('console-no-photo', 'commission', `${console_}&student=student2`);
}

const KK_NAMES = [
  'Айгерім Нұрланқызы',
  'Нұрсұлтан Әбенов',
  'Дана Серікқызы',
  'Ерлан Қасымов',
  'Әсел Төлеуова',
  'Бауыржан Жақсылықов',
  'Гүлнар Омарова',
  'Данияр Сейітов',
  'Жанар Қайратқызы',
  'Қанат Бекенов',
  'Мадина Ержанова',
  'Нұрлан Ахметов',
  'Перизат Сәрсенова',
  'Руслан Ибраев',
  'Сәуле Мұратқызы',
  'Тимур Әлиев',
  'Ұлжан Досжанова',
  'Фарид Нұров',
  'Хадиша Бекова',
  'Шыңғыс Оспанов',
  'Ілияс Жұмабаев',
  'Ырысты Қалиева',
  'Әлихан Сағындықов',
  'Меруерт Әміржанова',
  'Ғалым Тұрсынов',
];

async function dashboard() {
  const admin = (await api('POST', '/auth/login', null, { username: 'admin', password: ADMIN })).data.token;
  const teacher = await tok('teacher');
  const exams = (await api('GET', '/exams', teacher)).data;
  const exam = exams.find((e) => e.proctoring?.camera) ?? exams[0];
  const extra = KK_NAMES.map((name, i) => ({ id: `grid${String(i + 6).padStart(2, '0')}`, name }));
  await must(
    api(
      'POST',
      '/users',
      admin,
      extra.map((u) => ({ ...u, roles: ['student'], password: 'demo-student' })),
    ),
    'users',
  );
  PASSWORDS.grid = 'demo-student';
  const ids = ['student1', 'student2', 'student3', 'student4', ...extra.map((u) => u.id), 'student6x'].slice(0, 30);
  const roster = (await api('GET', `/exams/${exam.id}`, teacher)).data.roster ?? [];
  const all = [...new Set([...roster.map((r) => r.studentId ?? r), ...ids])].filter((s) => s !== 'student5');
  await must(api('PUT', `/exams/${exam.id}/roster`, teacher, all), 'roster');
  const kinds = ['tab-hidden', 'window-blur', 'fullscreen-exit', 'copy', 'paste'];
  let n = 0;
  for (const s of all) {
    if (s === 'student6x') continue;
    const t = await tok(s);
    const started = await api('POST', `/exams/${exam.id}/attempts`, t);
    const attempt = started.data?.id ?? started.data?.attemptId;
    if (!attempt) {
      console.log('start', s, started.status, JSON.stringify(started.data).slice(0, 120));
      continue;
    }
    n++;
    if (n % 3 !== 0) {
      const form = new FormData();
      form.append('face', new Blob([FACE], { type: 'image/jpeg' }), 'face.jpg');
      form.append('document', new Blob([FACE], { type: 'image/jpeg' }), 'document.jpg');
      await fetch(`${BASE}/api/v1/attempts/${attempt}/identity`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}` },
        body: form,
      });
    }
    await fetch(`${BASE}/api/v1/attempts/${attempt}/snapshots`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'image/jpeg' },
      body: FACE,
    }).catch(() => null);
    const mine = n === 2 ? kinds : n % 4 === 0 ? kinds.slice(0, 2) : n % 5 === 0 ? ['paste'] : [];
    for (const type of mine) await api('POST', `/attempts/${attempt}/events`, t, { type });
  }
  const wide = [...SIZES, { width: 1920, height: 1080, mobile: false }];
  await shoot('dashboard30', 'proctor', `proctor.html?exam=${encodeURIComponent(exam.id)}`, 3500, '', wide);
  const first = `document.querySelector('button.flag-more')?.click()`;
  await shoot('dashboard30-chips-open', 'proctor', `proctor.html?exam=${encodeURIComponent(exam.id)}`, 3500, first);
}

try {
  mkdirSync(OUT, { recursive: true });
  if (ONLY !== 'dashboard') await consoleWalk();
  if (ONLY !== 'console') await dashboard();
  writeFileSync(`${OUT}/shots-console.json`, JSON.stringify(manifest, null, 1) + '\n');
} finally {
  await close();
}
