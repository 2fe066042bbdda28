/**
 * precheck.html?exam=<examId>: before a proctored exam's clock starts, checks that this browser can take
 * it: a supported browser (MediaRecorder with VP8, screen capture, WebSocket, WebRTC), the camera and
 * microphone, a face in the camera's picture (the server counts the faces in one frame), sharing of the entire screen (a window or a tab is refused), no second display where the
 * browser can tell, and an upload fast enough for the recording (twice what it needs). Each check says
 * what passed or what to fix, in the student's language. The streams are stopped again: the attempt page
 * asks for them itself (a stream cannot outlive its page). The decisions are in
 * lib/proctoring/precheck-rules.js.
 *
 * For tests: <main data-state="loading|ready|error"> and data-verdict="pending|pass|fail";
 * li[data-check][data-status="pending|running|pass|warn|fail|unknown"][data-reason].
 */

import { ApiError } from '../../lib/api/client.js';
import { bandwidthProbe, myExams, precheckFace, proctoringSettings } from '../../lib/api/attempts.js';
import { h, param, setState, showMessage } from '../../lib/dom.js';
import { formatNumber, t } from '../../lib/i18n.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import { checkWords } from '../../lib/proctoring/check-words.js';
import {
  captureJpeg,
  checkBrowser,
  openCamera,
  openScreen,
  screenIsExtended,
  stopStreams,
} from '../../lib/proctoring/media.js';
import {
  bandwidthCheck,
  displayCheck,
  faceCheck,
  needsOf,
  overall,
  requiredBitsPerSecond,
} from '../../lib/proctoring/precheck-rules.js';

const $ = (id) => document.getElementById(id);
const main = $('precheck');
const PROBE_BYTES = 256 * 1024;
const PROBE_RUNS = 2;

let needs = null;
let settings = null;
let examId = null;
const results = {};
const items = {};
let camera = null;

async function start() {
  if (!startSignedInPage()) return;
  examId = param('exam');
  try {
    const [exams, loaded] = await Promise.all([myExams(), proctoringSettings()]);
    const exam = exams.find((e) => e.id === examId);
    $('precheck-loading').hidden = true;
    if (!exam) {
      showMessage($('precheck-error'), t('rules.noExam'));
      setState(main, 'error');
      return;
    }
    needs = needsOf(exam.proctoring);
    settings = loaded;
    if (!needs.any) {
      window.location.replace(attemptUrl());
      return;
    }
    render(exam);
    setState(main, 'ready');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    $('precheck-loading').hidden = true;
    showMessage($('precheck-error'), err.message);
    setState(main, 'error');
  }
}

function attemptUrl() {
  return `attempt.html?exam=${encodeURIComponent(examId)}`;
}

function render(exam) {
  $('precheck-exam').textContent = exam.title;
  $('precheck-screen-hint').hidden = !needs.screen;
  const names = ['browser', 'camera', 'face', 'screen', 'display', 'bandwidth'].filter((name) => {
    if (name === 'camera' || name === 'face') return needs.camera;
    if (name === 'screen') return needs.screen;
    if (name === 'bandwidth') return needs.recording;
    return true;
  });
  $('checks').replaceChildren(...names.map(checkItem));
  $('precheck-continue').href = attemptUrl();
  $('precheck-continue').addEventListener('click', () => stopStreams(camera));
  $('precheck-run').addEventListener('click', run);
  window.addEventListener('pagehide', () => stopStreams(camera));
  // what needs no permission is checked at once
  show('browser', checkBrowser(needs, settings));
  show('display', displayCheck(screenIsExtended(), needs));
  summarise();
  $('precheck-body').hidden = false;
}

function checkItem(name) {
  const el = {
    status: h('span', { class: 'check-status' }),
    line: h('p', { class: 'check-line' }),
    fix: h('p', { class: 'check-fix', hidden: true }),
  };
  el.item = h(
    'li',
    { class: 'check-item', 'data-check': name, 'data-status': 'pending' },
    h('span', { class: 'check-icon', 'aria-hidden': 'true' }),
    h(
      'div',
      { class: 'check-body' },
      h('h3', { class: 'check-name' }, h('span', { text: t(`precheck.${name}`) }), ' ', el.status),
      el.line,
      el.fix,
    ),
  );
  items[name] = el;
  show(name, { status: 'pending', reason: 'pending' });
  return el.item;
}

/** Shows one check's result: its state in words, what was found and what to fix. */
function show(name, result) {
  results[name] = result;
  const el = items[name];
  if (!el) return;
  el.item.dataset.status = result.status;
  el.item.dataset.reason = result.reason;
  el.status.textContent = t(`precheck.status.${result.status}`);
  if (result.status === 'pending' || result.status === 'running') {
    el.line.textContent = t(result.status === 'running' ? `precheck.running.${name}` : 'precheck.notYet');
    el.fix.hidden = true;
    return;
  }
  const words = name === 'bandwidth' ? bandwidthWords(result) : checkWords(name, result);
  el.line.textContent = words.line;
  el.fix.textContent = words.fix;
  el.fix.hidden = !words.fix || result.status === 'pass';
}

function bandwidthWords(result) {
  const rate = (bits) => t('precheck.rate', { mbps: formatNumber(bits / 1e6, 2) });
  const measured = result.bitsPerSecond === null ? '' : rate(result.bitsPerSecond);
  return checkWords('bandwidth', result, { measured, needed: rate(result.required) });
}

async function run() {
  const button = $('precheck-run');
  button.disabled = true;
  $('precheck-continue').hidden = true;
  stopStreams(camera);
  camera = null;
  $('precheck-preview').hidden = true;
  show('browser', checkBrowser(needs, settings));
  if (results.browser.status !== 'pass') {
    for (const name of ['camera', 'screen', 'bandwidth'])
      if (items[name]) show(name, { status: 'unknown', reason: 'browser-first' });
    if (items.face) show('face', { status: 'unknown', reason: 'camera-first' });
    finishRun();
    return;
  }
  // the screen first: the browser wants the click's user activation for it, and an await would spend it
  if (needs.screen) {
    show('screen', { status: 'running', reason: 'running' });
    const screen = await openScreen(needs, settings);
    stopStreams(screen.stream); // proven; the exam page shares again
    show('screen', screen.result);
  }
  if (needs.camera) {
    show('camera', { status: 'running', reason: 'running' });
    const got = await openCamera(needs, settings);
    show('camera', got.result);
    if (got.stream) {
      camera = got.stream;
      const video = $('precheck-video');
      video.srcObject = camera;
      video.play().catch(() => {});
      $('precheck-preview').hidden = false;
      show('face', { status: 'running', reason: 'running' });
      show('face', faceCheck(await findFace(video)));
    } else {
      show('face', { status: 'unknown', reason: 'camera-first' });
    }
  }
  show('display', displayCheck(screenIsExtended(), needs));
  if (needs.recording) {
    show('bandwidth', { status: 'running', reason: 'running' });
    show('bandwidth', bandwidthCheck(await measureUpload(), requiredBitsPerSecond(settings, needs), needs));
  }
  finishRun();
}

/**
 * Sends one frame of the camera to the server, which counts the faces in it (issue 10, 4): a camera in which no
 * face is found is refused here, before anything starts. → the server's answer, or {error}
 */
async function findFace(video) {
  for (let tries = 0; tries < 50 && !video.videoWidth; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const jpeg = await captureJpeg(video, { width: 640, height: 480, quality: 0.85 });
  if (!jpeg) return { error: 'no-frame' };
  try {
    return await precheckFace(jpeg);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return { error: 'unauthorized' };
    }
    return { error: err.code ?? 'failed' };
  }
}

/** Times uploads of random (incompressible) bytes to the engine; the best run counts. → {bytes, millis} or {error} */
async function measureUpload() {
  const bytes = new Uint8Array(PROBE_BYTES);
  for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536));
  const body = new Blob([bytes], { type: 'application/octet-stream' });
  let best = null;
  for (let i = 0; i < PROBE_RUNS; i += 1) {
    const began = performance.now();
    try {
      const answer = await bandwidthProbe(body);
      const millis = performance.now() - began;
      const sent = Number(answer?.bytes) || PROBE_BYTES;
      if (!best || sent / millis > best.bytes / best.millis) best = { bytes: sent, millis };
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        sessionExpired();
        return { error: 'unauthorized' };
      }
      if (!best) best = { error: err.code ?? 'failed' };
    }
  }
  return best;
}

function finishRun() {
  const button = $('precheck-run');
  button.disabled = false;
  button.textContent = t('precheck.again');
  summarise();
}

function summarise() {
  const verdict = overall(results, needs);
  const summary = $('precheck-summary');
  const ran = ['camera', 'screen', 'bandwidth'].some((name) => items[name] && results[name]?.status !== 'pending');
  summary.classList.remove('notice-error', 'notice-ok', 'notice-warn');
  if (!ran) {
    main.dataset.verdict = 'pending';
    summary.textContent = t('precheck.summary.start');
  } else if (verdict.canContinue) {
    main.dataset.verdict = 'pass';
    summary.classList.add(verdict.warnings.length > 0 ? 'notice-warn' : 'notice-ok');
    summary.textContent = t(verdict.warnings.length > 0 ? 'precheck.summary.warn' : 'precheck.summary.pass');
  } else {
    main.dataset.verdict = 'fail';
    summary.classList.add('notice-error');
    summary.textContent = t('precheck.summary.fail', {
      checks: verdict.blocking.map((name) => t(`precheck.${name}`)).join(', '),
    });
  }
  const go = $('precheck-continue');
  go.hidden = !(ran && verdict.canContinue);
  $('precheck-again-note').hidden = go.hidden;
}

start();
