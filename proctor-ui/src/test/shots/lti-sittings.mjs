// Issue 16 (2-3) for oral sittings: the pick page with the sittings its person runs, and the sitting page's
// "Gradebook (LMS)" panel, in kk, ru and en at 1366 and 390 (viewport shots, the panel scrolled into view).
//
// usage: EMTIHAN_ADMIN_PASSWORD=<pw> node --experimental-websocket proctor-ui/src/test/shots/lti-sittings.mjs \
//   --base http://127.0.0.1:8110 --out DIR   (the demo, with a link of its sitting and grades queued)
import { mkdirSync, writeFileSync } from 'node:fs';
import { BASE, OUT, LANGS, SIZES, api, browser, login, sleep, tok } from './common.mjs';

const { call, evaluate, open, close } = await browser();
try {
  const sitting = (await api('GET', '/sittings', await tok('secretary'))).data[0];
  const shots = [
    { name: 'lti-pick', user: 'commission', path: 'lti-pick.html?launch=demo', scroll: '#lti-sittings-section' },
    { name: 'sitting-lms', user: 'commission', path: `sitting.html?sitting=${sitting.id}`, scroll: '#lms-section' },
  ];
  mkdirSync(OUT, { recursive: true });
  for (const s of shots) {
    await call('Emulation.clearDeviceMetricsOverride');
    await call('Page.navigate', { url: `${BASE}/index.html` });
    await sleep(800);
    const session = await login(s.user);
    await evaluate(`(() => { sessionStorage.clear(); const l = ${JSON.stringify(session)};
      sessionStorage.setItem('emtihan.token', l.token); sessionStorage.setItem('emtihan.user', JSON.stringify(l.user));
      if (l.timeZone) sessionStorage.setItem('emtihan.timeZone', l.timeZone); })()`);
    for (const lang of LANGS) {
      await evaluate(`localStorage.setItem('emtihan.language', '${lang}')`);
      for (const size of SIZES) {
        await call('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1 });
        const state = await open(`${BASE}/${s.path}`);
        await sleep(2000);
        await evaluate(`document.querySelector('${s.scroll}')?.scrollIntoView({ block: 'start' })`);
        await sleep(300);
        const sideways = await evaluate('document.documentElement.scrollWidth - window.innerWidth');
        const file = `${s.name}-${lang}-${size.width}.png`;
        const shot = await call('Page.captureScreenshot', { format: 'png' });
        writeFileSync(`${OUT}/${file}`, Buffer.from(shot.result.data, 'base64'));
        console.log(file, state, sideways > 0 ? `scrolls sideways by ${sideways}px` : '');
      }
    }
  }
} finally {
  await close();
}
