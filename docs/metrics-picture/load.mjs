// Bounded load against a local demo engine (loopback only) for the metrics picture: N students start the demo exams,
// save answers every ~2 s, upload snapshots/chunks on the proctored one, raise page events, submit after a while.
import fs from 'node:fs';
import WebSocket from 'ws';
const BASE = process.env.BASE || 'http://127.0.0.1:8147';
const N = +(process.env.N || 200), PROCTORED = +(process.env.P || 20), SECONDS = +(process.env.SECONDS || 300);
const face = fs.readFileSync(process.env.FACE || new URL('../../engine/src/test/resources/fixtures/faces/face_grace_hopper.jpg', import.meta.url));
const end = Date.now() + SECONDS * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function req(method, path, token, body, type = 'application/json', headers = {}) {
  const h = { ...headers };
  if (token) h.Authorization = 'Bearer ' + token;
  if (body !== undefined) h['Content-Type'] = type;
  const r = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body });
  const text = await r.text();
  let json; try { json = JSON.parse(text); } catch { json = null; }
  return { status: r.status, json, text };
}
const login = async (u, p) => (await req('POST', '/api/v1/auth/login', null, { username: u, password: p })).json.token;
const admin = await login('admin', process.env.ADMIN || 'wtd-admin-pass');
const teacher = await login('teacher', 'demo-teacher');
const s1 = await login('student1', 'demo-student');
const mine = (await req('GET', '/api/v1/me/exams', s1)).json;
const plain = mine.find((e) => !(e.proctoring && e.proctoring.identity)) || mine[0];
const proct = mine.find((e) => e.proctoring && e.proctoring.identity) || mine[1];
const id = (e) => e.id || e.examId;
console.log('exams', id(plain), id(proct));
const names = Array.from({ length: N }, (_, i) => 'load' + String(i).padStart(3, '0'));
const users = names.map((n) => ({ id: n, name: n, roles: ['student'], password: n + '-password' }));
console.log('users', (await req('POST', '/api/v1/users', admin, users)).status);
const base = ['student1', 'student2', 'student3', 'student4', 'student5'];
console.log('roster', (await req('PUT', `/api/v1/exams/${id(plain)}/roster`, teacher, base.concat(names.slice(PROCTORED)))).status);
console.log('roster p', (await req('PUT', `/api/v1/exams/${id(proct)}/roster`, teacher, base.concat(names.slice(0, PROCTORED)))).status);
function multipart(parts) {
  const b = '----load' + Date.now();
  const chunks = [];
  for (const [name, data] of parts) {
    chunks.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${b}--\r\n`));
  return [Buffer.concat(chunks), 'multipart/form-data; boundary=' + b];
}
let saves = 0, errors = 0;
async function student(n, i) {
  await sleep(Math.random() * SECONDS * 400); // arrivals over the first 40% of the run
  const proctored = i < PROCTORED;
  const token = await login(n, n + '-password');
  const ws = new WebSocket(BASE.replace('http', 'ws') + '/api/v1/ws?token=' + token);
  ws.on('error', () => {});
  const exam = id(proctored ? proct : plain);
  const started = await req('POST', `/api/v1/exams/${exam}/attempts`, token);
  if (started.status >= 300) { errors++; console.log('start', n, started.status, started.text.slice(0, 200)); return; }
  const attempt = started.json.id;
  let qs = started.json.questions || [];
  if (proctored) {
    const [body, type] = multipart([['face', face], ['document', face]]);
    await req('POST', `/api/v1/attempts/${attempt}/identity`, token, body, type);
    qs = (await req('GET', `/api/v1/attempts/${attempt}`, token)).json.questions || [];
  }
  const stay = (60 + Math.random() * 120) * 1000, leave = Date.now() + stay;
  let seq = 1, chunk = 0, tick = 0;
  while (Date.now() < Math.min(leave, end) && qs.length) {
    const q = qs[Math.floor(Math.random() * qs.length)];
    const r = await req('PUT', `/api/v1/attempts/${attempt}/answers/${q.id}`, token, { choices: [q.options[0].id], seq: seq++ });
    if (r.status === 200) saves++; else errors++;
    if (proctored) {
      await req('PUT', `/api/v1/attempts/${attempt}/recordings/camera/0/${chunk++}`, token, Buffer.alloc(20000, 7), 'video/webm', { 'X-Segment-Start': new Date().toISOString() });
      if (tick % 5 === 0) await req('POST', `/api/v1/attempts/${attempt}/snapshots`, token, face, 'image/jpeg');
      if (Math.random() < 0.03) await req('POST', `/api/v1/attempts/${attempt}/events`, token, { type: Math.random() < 0.5 ? 'tab-hidden' : 'window-blur' });
    }
    tick++;
    await sleep(1500 + Math.random() * 1000);
  }
  if (Date.now() < end) await req('POST', `/api/v1/attempts/${attempt}/submit`, token);
  ws.close();
}
const timer = setInterval(() => console.log(new Date().toISOString(), 'saves', saves, 'errors', errors), 15000);
await Promise.all(names.map((n, i) => student(n, i).catch((e) => { errors++; console.log(n, e.message); })));
clearInterval(timer);
console.log('done: saves', saves, 'errors', errors);
process.exit(0);
