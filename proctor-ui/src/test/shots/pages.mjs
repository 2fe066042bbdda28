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
import { mkdirSync, writeFileSync } from 'node:fs';
import { args, BASE, OUT, LANGS, SIZES, browser, login, setUp, sleep } from './common.mjs';

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
    { page: 'lti-login', path: 'lti-login.html' }, // issue 16 (2): a login initiation without the LMS's parameters
    { page: 'lti-register', path: 'lti-register.html' }, // issue 16 (1): a registration address without its code
    { page: 'lti-pick', user: 'teacher', path: 'lti-pick.html' }, // issue 16 (2): the teacher picks an exam
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

const { call, evaluate, open, close } = await browser();
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
  await close();
}
