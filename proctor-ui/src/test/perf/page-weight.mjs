// Issue 14 (7): what a page costs on the wire, measured in headless Chromium over the DevTools protocol.
// For the student's test page (attempt.html, the demo's unproctored exam) and the proctor's dashboard
// (proctor.html, the demo's proctored exam): a cold visit (browser cache emptied) and a warm one (the same
// page opened again), each with the number of requests, the bytes on the wire (encodedDataLength: headers
// and the body as sent, compressed or not), how many came from the cache or as 304, and the time until the
// last file of the page arrived.
//
//   node --experimental-websocket proctor-ui/src/test/perf/page-weight.mjs http://localhost:8147 [kk|ru|en] [throttle]
//
// with an engine started with --demo at that address. `throttle`: a slow line, 1.6 Mbit/s down, 750 kbit/s up,
// 150 ms round trip (Network.emulateNetworkConditions). Prints a Markdown table (files = everything but /api/).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base = 'http://localhost:8147', lang = 'kk', throttle] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const profile = mkdtempSync(join(tmpdir(), 'page-weight-'));
const port = 9800 + Math.floor(Math.random() * 150);
const chrome = spawn(
  'chromium',
  [
    '--headless=new',
    '--no-sandbox',
    `--remote-debugging-port=${port}`,
    `--user-data-dir=${profile}`,
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    'about:blank',
  ],
  { stdio: 'ignore' },
);
let targets;
for (let i = 0; i < 100 && !targets; i += 1) {
  try {
    targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  } catch {
    await sleep(100);
  }
}
const ws = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
await new Promise((resolve) => ws.addEventListener('open', resolve));
let nextId = 0;
const pending = new Map();
const listeners = new Set();
ws.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.id && pending.has(message.id)) {
    pending.get(message.id)(message);
    pending.delete(message.id);
  } else if (message.method) for (const listener of listeners) listener(message);
});
const call = (method, params = {}) =>
  new Promise((resolve) => {
    nextId += 1;
    pending.set(nextId, resolve);
    ws.send(JSON.stringify({ id: nextId, method, params }));
  });
const evaluate = async (expression) =>
  (await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result?.result?.value;

/** Waits until the document has loaded and no request has been open for quietMs. */
async function settled(quietMs = 1500) {
  await sleep(300);
  for (let i = 0; i < 200; i += 1) {
    const state = await evaluate('document.readyState');
    if (state === 'complete' && Date.now() - lastActivity > quietMs && open.size === 0) return;
    await sleep(100);
  }
}
let lastActivity = Date.now();
const open = new Set();

await call('Page.enable');
await call('Runtime.enable');
await call('Network.enable');
if (throttle)
  await call('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1_600_000 / 8,
    uploadThroughput: 750_000 / 8,
  });

async function signIn(username, password) {
  await call('Page.navigate', { url: `${base}/index.html` });
  await settled(300);
  await evaluate(`localStorage.setItem('emtihan.language', '${lang}')`);
  await call('Page.navigate', { url: `${base}/index.html` });
  await settled(300);
  // the page's script is in once localise() has added the language switcher (a click before would submit the form)
  for (let i = 0; i < 300 && !(await evaluate(`!!document.getElementById('language')`)); i += 1) await sleep(100);
  await evaluate(`document.getElementById('username').value = '${username}';
    document.getElementById('password').value = '${password}';
    document.getElementById('login-submit').click();`);
  for (let i = 0; i < 100 && !(await evaluate(`!!sessionStorage.getItem('emtihan.token')`)); i += 1) await sleep(100);
  await settled(300);
}

/** One visit of url: every request the page made, with what it cost. */
async function visit(url) {
  const requests = new Map();
  const wire = new Map();
  const listener = ({ method, params }) => {
    if (method === 'Network.requestWillBeSent') {
      if (!params.request.url.startsWith('http')) return;
      requests.set(params.requestId, { url: params.request.url, start: params.timestamp, bytes: 0 });
      open.add(params.requestId);
    } else if (method === 'Network.responseReceived') {
      const r = requests.get(params.requestId);
      if (!r) return;
      r.status = params.response.status;
      r.cached = params.response.fromDiskCache || params.response.fromMemoryCache || false;
      r.encoding = params.response.headers['content-encoding'] ?? params.response.headers['Content-Encoding'];
    } else if (method === 'Network.responseReceivedExtraInfo') {
      // the status on the wire: a revalidated file shows as 200 in responseReceived, 304 here
      // (it may come before requestWillBeSent: kept apart and joined at the end)
      wire.set(params.requestId, params.statusCode);
    } else if (method === 'Network.requestServedFromCache') {
      const r = requests.get(params.requestId);
      if (r) r.cached = true;
    } else if (method === 'Network.loadingFinished' || method === 'Network.loadingFailed') {
      const r = requests.get(params.requestId);
      if (r) {
        r.bytes = params.encodedDataLength ?? 0;
        r.end = params.timestamp;
      }
      open.delete(params.requestId);
    } else return;
    lastActivity = Date.now();
  };
  listeners.add(listener);
  await call('Page.navigate', { url });
  await settled();
  listeners.delete(listener);
  open.clear();
  for (const [id, r] of requests) r.wireStatus = wire.get(id);
  return [...requests.values()];
}

function summary(name, requests) {
  if (process.env.PAGE_WEIGHT_URLS)
    for (const r of requests) console.error(name, r.wireStatus ?? r.status, r.cached ? 'cache' : '', r.bytes, r.url);
  const files = requests.filter((r) => !new URL(r.url).pathname.startsWith('/api/'));
  const sum = (rs) => rs.reduce((total, r) => total + r.bytes, 0);
  const start = Math.min(...requests.map((r) => r.start));
  const lastFile = Math.max(...files.map((r) => r.end ?? r.start));
  return {
    name,
    requests: requests.length,
    files: files.length,
    bytes: sum(requests),
    fileBytes: sum(files),
    cached: files.filter((r) => r.cached).length,
    notModified: files.filter((r) => (r.wireStatus ?? r.status) === 304).length,
    gzip: files.filter((r) => r.encoding === 'gzip' && (r.wireStatus ?? r.status) === 200 && !r.cached).length,
    ms: Math.round((lastFile - start) * 1000),
    katex: sum(files.filter((r) => r.url.includes('/katex'))),
  };
}

const rows = [];
async function measure(name, url) {
  await call('Network.clearBrowserCache');
  rows.push(summary(`${name}, cold`, await visit(url)));
  await call('Page.navigate', { url: 'about:blank' });
  rows.push(summary(`${name}, warm`, await visit(url)));
  await call('Page.navigate', { url: 'about:blank' });
}

const exams = async () =>
  evaluate(`fetch('/api/v1/me/exams', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('emtihan.token') } })
    .then((r) => r.json()).then((b) => (Array.isArray(b) ? b : b.items ?? b.exams).map((e) => ({ id: e.id, title: e.title })))`);

await signIn('student1', 'demo-student');
const list = await exams();
if (!Array.isArray(list)) throw new Error(`no exams: ${JSON.stringify(list)} at ${await evaluate('location.href')}`);
const plain = list.find((e) => /intermediate/.test(e.title)) ?? list[0];
const proctored = list.find((e) => /proctored/.test(e.title)) ?? list[1];
await measure('student test page (attempt.html)', `${base}/attempt.html?exam=${encodeURIComponent(plain.id)}`);
await evaluate('sessionStorage.clear()');
await signIn('proctor', 'demo-proctor');
await measure('proctor dashboard (proctor.html)', `${base}/proctor.html?exam=${encodeURIComponent(proctored.id)}`);

const kib = (n) => (n / 1024).toFixed(1);
console.log(`language ${lang}${throttle ? ', 1.6 Mbit/s, 150 ms RTT' : ''}`);
console.log(
  '| visit | requests (files) | KiB on the wire (files) | of which KaTeX | files from cache / 304 | files gzip | last file at ms |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.requests} (${r.files}) | ${kib(r.bytes)} (${kib(r.fileBytes)}) | ${kib(r.katex)} | ${r.cached} / ${r.notModified} | ${r.gzip} | ${r.ms} |`,
  );
ws.close();
const exited = new Promise((resolve) => chrome.once('exit', resolve));
chrome.kill();
await exited;
rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
