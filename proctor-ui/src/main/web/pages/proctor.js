/**
 * proctor.html?exam=<examId>: the proctor's dashboard (5.17.2, issue 4). One tile per roster student, riskiest
 * first: name, the latest camera snapshot, status, time left on the server's clock, identity, flag counts by
 * kind and whether the exam page is connected. The start state is GET /exams/{id}/proctoring; the live socket
 * (subscribed to the exam) then moves single tiles: flag (counts, risk, a short highlight), snapshot (a new
 * picture, at most one fetch per tile per 5 s), identity, attempt-started / -finished and presence. Only the
 * changed tile is redrawn and the grid is re-sorted at most once a second, so 30+ students stay smooth; the
 * state is fetched again on every (re)subscription and once a minute.
 *
 * A tile opens a side panel for that student: the identity photos side by side with approve / reject, a live
 * view of camera and screen over WebRTC (lib/proctoring/peers.js), the flags, a message to the student, and
 * stopping the attempt for a breach (6.14, after a confirmation), with a link to the review page.
 *
 * For tests: <main data-state>, #live-state[data-live], li.tile[data-student][data-attempt][data-status]
 * [data-risk][data-identity][data-connected][data-flags], img.tile-snapshot[data-loaded], #panel[data-attempt],
 * #watch-state[data-watch].
 */

import { ApiError } from '../lib/api.js';
import { serverClock } from '../lib/clock.js';
import { h, param, setState } from '../lib/dom.js';
import { formatCountdown, formatNumber, formatTime, t } from '../lib/i18n.js';
import { connectLive } from '../lib/live.js';
import { sessionExpired } from '../lib/page.js';
import { KIND_SEVERITY, applyFlag, flagList, sortRows, throttle } from '../lib/proctoring/dashboard.js';
import { KurentoViewer } from '../lib/proctoring/kurento.js';
import { Watcher } from '../lib/proctoring/peers.js';
import {
  decideIdentity, examProctoring, flagsOf, identityOf, identityPhoto, latestSnapshot, messageStudent, terminateAttempt,
} from '../lib/staff-api.js';
import {
  $, clearError, fill, resyncing, showError, showProblems, startStaffPage, statusBadge,
} from './staff.js';

const main = $('proctor');
const examId = param('exam');
const RESYNC_EVERY = 60000;
const { resync, schedule: scheduleResync } = resyncing(sync, () => $('proctor-error'), RESYNC_EVERY);
const SNAPSHOT_EVERY = 5000;
const SNAPSHOT_PARALLEL = 4;
const LOW_TIME = 5 * 60 * 1000;
const WATCH_TIMEOUT = 15000;
const FLASH_MS = 2500;

/** studentId → row: the server's fields plus {el, snapshot: {url, at, throttle}} */
const rows = new Map();
let clock = { offset: 0, now: () => Date.now() };
let live = null;
let liveState = 'connecting';
let syncing = null;
let buffered = [];
let mediaServer = false; // a Kurento Media Server records and relays the live view (docs/kurento.md)
const reorder = throttle(order, 1000);

async function start() {
  if (!startStaffPage()) return;
  if (!examId) {
    showError($('proctor-error'), new Error(t('staff.progress.noExam')));
    $('proctor-loading').hidden = true;
    setState(main, 'error');
    return;
  }
  $('exam-link').href = `exam.html?exam=${encodeURIComponent(examId)}`;
  $('exam-link').textContent = t('staff.back.exam');
  try {
    await sync();
  } catch (err) {
    $('proctor-loading').hidden = true;
    if (showError($('proctor-error'), err)) return;
    setState(main, 'error');
    return;
  }
  $('proctor-loading').hidden = true;
  $('proctor-body').hidden = false;
  $('proctor-refresh').addEventListener('click', () => resync());
  preparePanel();
  setState(main, 'ready');
  setInterval(tick, 1000);
  tick();
  openSocket();
}

const at = (value) => {
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

// The state

async function sync() {
  buffered = [];
  const fetching = examProctoring(examId);
  syncing = fetching;
  let data;
  try {
    data = await fetching;
  } finally {
    if (syncing === fetching) syncing = null;
  }
  if (data.serverTime) clock = serverClock(data.serverTime, data.sentAt, data.receivedAt);
  mediaServer = Boolean(data.kurento);
  const title = data.title ?? '';
  $('proctor-heading').textContent = t('staff.proctor.headingOf', { title });
  $('proctor-heading').title = title; // the heading is cut to one line on a full dashboard
  document.title = t('staff.proctor.titleOf', { title });
  const seen = new Set();
  for (const s of data.students ?? []) {
    seen.add(s.studentId);
    const row = rowFor(s.studentId);
    const snapshotBefore = row.lastSnapshotAt;
    Object.assign(row, {
      attemptId: s.attemptId ?? null,
      name: s.name ?? s.studentId,
      status: s.status ?? 'not-started',
      deadline: at(s.deadline),
      connected: Boolean(s.connected),
      identityStatus: s.identityStatus ?? 'none',
      lastSnapshotAt: s.lastSnapshotAt ?? null,
      faces: s.faces ?? null,
      flagCounts: s.flagCounts ?? {},
      unclear: s.unclear ?? 0,
      flags: s.flags ?? 0,
      risk: s.risk ?? 0,
      credibility: s.credibility ?? null,
      verdict: s.verdict ?? null,
      seenFlags: new Set(),
    });
    draw(row);
    if (row.attemptId && row.lastSnapshotAt && row.lastSnapshotAt !== snapshotBefore) row.snapshot.throttle.call();
  }
  for (const [id, row] of rows) {
    if (!seen.has(id)) {
      row.el.tile.remove();
      if (row.snapshot.url) URL.revokeObjectURL(row.snapshot.url);
      rows.delete(id);
    }
  }
  const replay = buffered;
  buffered = [];
  for (const event of replay) apply(event, false);
  order();
  summarise();
  clearError($('proctor-error'));
}

// The socket

function openSocket() {
  live = connectLive({
    onOpen: (send) => send({ type: 'subscribe', examId }),
    onMessage: onEvent,
    onState: (state, wait) => {
      if (state === 'open' || state === 'connecting') showLive('connecting');
      else if (state === 'reconnecting') showLive('reconnecting', { seconds: Math.max(1, Math.round(wait / 1000)) });
      else if (state === 'closed' && liveState !== 'error') showLive('closed');
    },
    beforeReconnect: async () => {
      try {
        await sync();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) sessionExpired();
        throw err;
      }
    },
  });
  window.addEventListener('pagehide', () => {
    panel.watcher?.close(true);
    live?.close();
  }, { once: true });
}

function showLive(state, params = {}) {
  liveState = state;
  $('live-state').dataset.live = state;
  $('live-text').textContent = t(`staff.live.${state}`, params);
}

function onEvent(event) {
  switch (event.type) {
    case 'time':
      if (event.serverTime) clock = serverClock(event.serverTime, Date.now());
      return;
    case 'subscribed':
      showLive('live');
      resync().then(scheduleResync);
      return;
    case 'error':
      if (event.error === 'forbidden') {
        showLive('error', { message: event.message ?? '' });
        live?.close();
      } else if ((event.error === 'signal-refused' || event.error === 'media-refused') && panel.watcher) {
        showWatch('failed');
      }
      return;
    case 'media-view':
    case 'media-lost':
      if (panel.watcher instanceof KurentoViewer && panel.watcher.onMessage(event)) clearTimeout(panel.watchTimer);
      return;
    case 'signal':
      if (panel.row && event.attemptId === panel.row.attemptId) {
        clearTimeout(panel.watchTimer);
        panel.watcher?.onSignal(event.data);
      }
      return;
    case 'attempt-started':
    case 'attempt-finished':
    case 'presence':
    case 'flag':
    case 'snapshot':
    case 'identity':
      if (event.examId && event.examId !== examId) return;
      if (syncing) buffered.push(event);
      apply(event, true);
      return;
    default:
  }
}

/** The row an event is about: by student, else by attempt. */
function rowOf(event) {
  if (event.studentId) return rowFor(event.studentId);
  for (const row of rows.values()) if (row.attemptId && row.attemptId === event.attemptId) return row;
  return null;
}

/** Applies one live event to its student's tile; only that tile is redrawn. */
function apply(event, announce) {
  const isNew = event.studentId && !rows.has(event.studentId);
  const row = rowOf(event);
  if (!row) return;
  row.attemptId = event.attemptId ?? row.attemptId;
  let flash = false;
  switch (event.type) {
    case 'attempt-started':
      if (row.status === 'not-started') row.status = 'in-progress';
      row.deadline = at(event.deadline) ?? row.deadline;
      break;
    case 'attempt-finished':
      if (event.status) row.status = event.status;
      if (announce && event.status === 'terminated') say(t('staff.proctor.saidTerminated', { student: row.name }));
      break;
    case 'presence':
      row.connected = Boolean(event.connected);
      break;
    case 'flag':
      if (!applyFlag(row, event.flag)) return;
      flash = announce;
      if (announce && event.flag?.severity === 'high') {
        say(t('staff.proctor.saidFlag', { student: row.name, kind: kindName(event.flag.kind) }));
      }
      if (panel.row === row) addPanelFlag(event.flag);
      break;
    case 'snapshot':
      row.lastSnapshotAt = event.at ?? row.lastSnapshotAt;
      if (event.faces !== undefined) row.faces = event.faces;
      row.snapshot.throttle.call();
      break;
    case 'identity':
      row.identityStatus = event.status ?? row.identityStatus;
      if (announce && event.status === 'pending') say(t('staff.proctor.saidIdentity', { student: row.name }));
      if (panel.row === row) loadIdentity(row);
      break;
    default:
  }
  draw(row, flash);
  if (panel.row === row) drawPanelFacts(row);
  if (isNew || event.type === 'flag' || event.type === 'attempt-finished' || event.type === 'attempt-started') reorder.call();
  summarise();
}

// Tiles

function rowFor(studentId) {
  let row = rows.get(studentId);
  if (row) return row;
  const nameId = `tile-${studentId.replace(/[^\w-]/g, '_')}-name`;
  const el = {
    img: h('img', { class: 'tile-snapshot', alt: '', hidden: true }),
    noSnapshot: h('span', { class: 'tile-no-snapshot', text: t('staff.proctor.noSnapshot') }),
    presence: h('span', { class: 'presence-dot', 'aria-hidden': 'true' }),
    name: h('span', { class: 'tile-name-text', text: studentId }),
    connected: h('span', { class: 'sr-only' }),
    status: h('span', { class: 'tile-status' }),
    timeLeft: h('span', { class: 'tile-time' }),
    identity: h('span', { class: 'tile-identity' }),
    flags: h('ul', { class: 'tile-flags' }),
    open: h('button', { class: 'button tile-open', type: 'button', text: t('staff.proctor.open') }),
    review: h('a', { class: 'tile-review', href: '#', text: t('staff.proctor.review') }),
  };
  el.tile = h('li', { class: 'tile', 'data-student': studentId },
    h('article', { class: 'tile-card', 'aria-labelledby': nameId },
      h('div', { class: 'tile-media' }, el.img, el.noSnapshot),
      h('div', { class: 'tile-info' },
        h('h2', { class: 'tile-name', id: nameId }, el.presence, el.name, el.connected),
        h('p', { class: 'tile-line' }, el.status, el.timeLeft),
        h('p', { class: 'tile-line' }, el.identity),
        h('p', { class: 'tile-actions' }, el.open, el.review)),
      el.flags));
  row = {
    studentId, name: studentId, attemptId: null, status: 'not-started', deadline: null, connected: false,
    identityStatus: 'none', lastSnapshotAt: null, faces: null, flagCounts: {}, unclear: 0, flags: 0, risk: 0, el,
    snapshot: { url: null, at: null },
  };
  row.snapshot.throttle = throttle(() => loadSnapshot(row), SNAPSHOT_EVERY);
  el.open.addEventListener('click', () => openPanel(row));
  el.open.setAttribute('aria-label', t('staff.proctor.openOf', { student: studentId }));
  rows.set(studentId, row);
  $('tiles').append(el.tile);
  return row;
}

function kindName(kind) {
  const key = `staff.flag.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
}

function draw(row, flash = false) {
  const { el } = row;
  const tile = el.tile;
  tile.dataset.attempt = row.attemptId ?? '';
  tile.dataset.status = row.status;
  tile.dataset.risk = String(row.risk ?? 0);
  tile.dataset.identity = row.identityStatus;
  tile.dataset.connected = String(row.connected);
  tile.dataset.flags = String(Object.values(row.flagCounts ?? {}).reduce((a, b) => a + Number(b), 0));
  tile.classList.toggle('tile-risk-high', (row.risk ?? 0) >= 15);
  tile.classList.toggle('tile-risk-some', (row.risk ?? 0) > 0 && (row.risk ?? 0) < 15);
  tile.classList.toggle('tile-waiting', row.identityStatus === 'pending');
  tile.classList.toggle('tile-inactive', row.status !== 'in-progress');
  if (el.name.textContent !== row.name) {
    el.name.textContent = row.name;
    el.name.title = row.name;
  }
  el.presence.className = `presence-dot ${row.connected ? 'presence-on' : 'presence-off'}`;
  el.connected.textContent = `, ${t(row.connected ? 'staff.progress.connected' : 'staff.progress.notConnected')}`;
  if (el.status.dataset.value !== row.status) {
    el.status.dataset.value = row.status;
    el.status.replaceChildren(statusBadge(row.status));
  }
  if (el.identity.dataset.value !== row.identityStatus) {
    el.identity.dataset.value = row.identityStatus;
    // a short label fits the tile; the full words are the tooltip and what a screen reader says
    const full = t(`staff.identity.${row.identityStatus}`);
    el.identity.replaceChildren(h('span', { class: `badge identity-${row.identityStatus}`, title: full },
      h('span', { 'aria-hidden': 'true', text: t(`staff.identityShort.${row.identityStatus}`) }),
      h('span', { class: 'sr-only', text: full })));
  }
  const list = flagList(row.flagCounts);
  const flagsKey = JSON.stringify(list) + row.unclear;
  if (el.flags.dataset.value !== flagsKey) {
    el.flags.dataset.value = flagsKey;
    fill(el.flags, ...list.map(([kind, n]) => h('li', {
      class: `flag-chip flag-${KIND_SEVERITY[kind] ?? 'medium'}`, 'data-kind': kind, 'data-count': n,
    }, h('span', { text: kindName(kind) }), ' ', h('strong', { text: `×${n}` }))),
    row.unclear > 0 ? h('li', { class: 'flag-chip flag-unclear', 'data-kind': 'unclear', 'data-count': row.unclear },
      h('span', { text: t('staff.proctor.unclear') }), ' ', h('strong', { text: `×${row.unclear}` })) : null,
    list.length === 0 && !(row.unclear > 0) ? h('li', { class: 'flag-none', text: t('staff.proctor.noFlags') }) : null);
  }
  el.open.disabled = false;
  el.review.hidden = !row.attemptId;
  if (row.attemptId) {
    el.review.href = `review.html?attempt=${encodeURIComponent(row.attemptId)}`;
    el.review.setAttribute('aria-label', t('staff.proctor.reviewOf', { student: row.name }));
  }
  drawClock(row);
  if (flash) {
    tile.classList.remove('tile-flash');
    void tile.offsetWidth; // restart the highlight
    tile.classList.add('tile-flash');
    clearTimeout(row.flashTimer);
    row.flashTimer = setTimeout(() => tile.classList.remove('tile-flash'), FLASH_MS);
  }
}

function drawClock(row) {
  const el = row.el.timeLeft;
  let text = '';
  let low = false;
  if (row.status === 'in-progress' && row.deadline) {
    const left = row.deadline - clock.now();
    text = left > 0 ? formatCountdown(left) : t('staff.progress.timeUp');
    low = left <= LOW_TIME;
    el.dataset.timeLeft = String(Math.max(0, Math.ceil(left / 1000)));
  } else {
    el.dataset.timeLeft = '';
  }
  if (el.textContent !== text) el.textContent = text;
  el.classList.toggle('low', low);
}

/** Re-sorts the grid by risk; moves nothing when the order stands, and gives the focus back if it moved. */
function order() {
  const grid = $('tiles');
  const sorted = sortRows([...rows.values()]).map((row) => row.el.tile);
  const current = [...grid.children];
  if (sorted.length === current.length && sorted.every((tile, i) => current[i] === tile)) return;
  const focused = grid.contains(document.activeElement) ? document.activeElement : null;
  grid.append(...sorted);
  if (focused && document.activeElement !== focused) focused.focus({ preventScroll: true });
}

// Snapshots: at most SNAPSHOT_PARALLEL fetches at once, newest picture per tile

const snapshotQueue = [];
let snapshotsRunning = 0;

function loadSnapshot(row) {
  if (!row.attemptId) return;
  if (!snapshotQueue.includes(row)) snapshotQueue.push(row);
  pumpSnapshots();
}

function pumpSnapshots() {
  while (snapshotsRunning < SNAPSHOT_PARALLEL && snapshotQueue.length > 0) {
    const row = snapshotQueue.shift();
    snapshotsRunning += 1;
    latestSnapshot(row.attemptId).then((blob) => showSnapshot(row, blob), (err) => {
      if (err instanceof ApiError && err.status === 401) sessionExpired();
    }).finally(() => {
      snapshotsRunning -= 1;
      pumpSnapshots();
    });
  }
}

function showSnapshot(row, blob) {
  const { img, noSnapshot } = row.el;
  const old = row.snapshot.url;
  row.snapshot.url = URL.createObjectURL(blob);
  row.snapshot.at = row.lastSnapshotAt;
  img.onload = () => {
    if (old) URL.revokeObjectURL(old);
  };
  img.src = row.snapshot.url;
  img.dataset.loaded = row.lastSnapshotAt ?? '';
  const when = at(row.lastSnapshotAt);
  img.alt = t('staff.proctor.snapshotAlt', { student: row.name, time: when ? formatTime(new Date(when)) : '' });
  img.hidden = false;
  noSnapshot.hidden = true;
}

// Summary, clock, announcements

function summarise() {
  let inTest = 0;
  let flagged = 0;
  let waiting = 0;
  for (const row of rows.values()) {
    if (row.status === 'in-progress') inTest += 1;
    if ((row.risk ?? 0) > 0) flagged += 1;
    if (row.identityStatus === 'pending') waiting += 1;
  }
  const summary = $('proctor-summary');
  summary.dataset.students = String(rows.size);
  summary.textContent = t('staff.proctor.summary', { total: rows.size, inTest, flagged, waiting });
  $('proctor-none').hidden = rows.size > 0;
}

function tick() {
  $('server-clock').textContent = t('staff.progress.serverTime', { time: formatTime(new Date(clock.now())) });
  for (const row of rows.values()) drawClock(row);
  if (panel.row) drawPanelFacts(panel.row);
}

function say(text) {
  $('proctor-announcer').textContent = text;
}

// The side panel

const panel = { row: null, watcher: null, watchTimer: null, urls: [] };

function preparePanel() {
  const dialog = $('panel');
  $('panel-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', closePanel);
  $('identity-approve').addEventListener('click', () => decide(true));
  $('identity-reject').addEventListener('click', () => decide(false));
  $('watch-start').addEventListener('click', startWatching);
  $('watch-stop').addEventListener('click', () => stopWatching(true));
  $('message-form').addEventListener('submit', sendMessage);
  $('terminate-form').addEventListener('submit', askTerminate);
  $('terminate-cancel').addEventListener('click', () => $('terminate-confirm').close());
  $('terminate-confirm-button').addEventListener('click', terminate);
}

function openPanel(row) {
  panel.row = row;
  const dialog = $('panel');
  dialog.dataset.attempt = row.attemptId ?? '';
  dialog.dataset.student = row.studentId;
  $('panel-heading').textContent = row.name;
  const started = Boolean(row.attemptId);
  $('panel-not-started').hidden = started;
  $('panel-review').hidden = !started;
  if (started) $('panel-review').href = `review.html?attempt=${encodeURIComponent(row.attemptId)}`;
  for (const id of ['identity-error', 'identity-done', 'message-error', 'message-done', 'terminate-error', 'terminate-done']) {
    const box = $(id);
    box.hidden = true;
    box.replaceChildren();
  }
  $('identity-reason').value = '';
  $('message-text').value = '';
  $('terminate-reason').value = '';
  for (const section of dialog.querySelectorAll('.drawer-section')) section.hidden = !started;
  drawPanelFacts(row);
  showWatch('idle');
  dialog.showModal();
  $('panel-heading').focus();
  if (started) {
    loadIdentity(row);
    loadFlags(row);
  }
}

function closePanel() {
  stopWatching(true);
  for (const url of panel.urls) URL.revokeObjectURL(url);
  panel.urls = [];
  const row = panel.row;
  panel.row = null;
  row?.el.open.focus();
}

function drawPanelFacts(row) {
  const parts = [t(`status.${row.status}`)];
  if (row.status === 'in-progress' && row.deadline) {
    parts.push(t('staff.proctor.timeLeft', { time: formatCountdown(Math.max(0, row.deadline - clock.now())) }));
  }
  parts.push(t(row.connected ? 'staff.progress.connected' : 'staff.progress.notConnected'));
  parts.push(t('staff.proctor.riskOf', { risk: row.risk ?? 0 }));
  const text = parts.join(' · ');
  if ($('panel-facts').textContent !== text) $('panel-facts').textContent = text;
  const open = row.status === 'in-progress';
  $('watch-start').disabled = !open || !row.connected;
  $('message-send').disabled = !open;
  $('terminate-open').disabled = !open;
}

async function loadIdentity(row) {
  const status = $('panel-identity-status');
  const photos = $('panel-identity-photos');
  const form = $('identity-form');
  try {
    const view = await identityOf(row.attemptId);
    if (panel.row !== row) return;
    $('panel-identity').dataset.identity = view.status;
    status.replaceChildren(h('span', { class: `badge identity-${view.status}`, text: t(`staff.identity.${view.status}`) }),
      view.decision ? ` ${t(view.decision.approved ? 'staff.proctor.approvedBy' : 'staff.proctor.rejectedBy', {
        by: view.decision.by ?? '', time: view.decision.at ? formatTime(new Date(view.decision.at)) : '', reason: view.decision.reason ?? '',
      })}` : '');
    const submitted = Boolean(view.submittedAt);
    photos.hidden = !submitted;
    form.hidden = !submitted;
    $('panel-similarity').hidden = !submitted;
    if (!submitted) return;
    $('panel-similarity').textContent = view.similarity === null || view.similarity === undefined
      ? t('staff.proctor.noModel')
      : t('staff.proctor.similarity', { value: formatNumber(view.similarity, 2) });
    const [face, document] = await Promise.all([identityPhoto(row.attemptId, 'face'), identityPhoto(row.attemptId, 'document')]);
    if (panel.row !== row) return;
    for (const [img, blob] of [[$('panel-face'), face], [$('panel-document'), document]]) {
      const url = URL.createObjectURL(blob);
      panel.urls.push(url);
      img.src = url;
    }
  } catch (err) {
    if (panel.row === row) showError($('identity-error'), err);
  }
}

async function decide(approved) {
  const row = panel.row;
  if (!row) return;
  const reason = $('identity-reason').value.trim();
  clearError($('identity-error'));
  $('identity-done').hidden = true;
  if (!approved && !reason) {
    $('identity-reason').setAttribute('aria-invalid', 'true');
    showProblems($('identity-error'), t('staff.proctor.needReason'), []);
    $('identity-reason').focus();
    return;
  }
  $('identity-reason').removeAttribute('aria-invalid');
  try {
    const view = await decideIdentity(row.attemptId, approved, reason);
    row.identityStatus = view.status ?? (approved ? 'approved' : 'rejected');
    draw(row);
    summarise();
    $('identity-done').textContent = t(approved ? 'staff.proctor.approved' : 'staff.proctor.rejected');
    $('identity-done').hidden = false;
    loadIdentity(row);
  } catch (err) {
    showError($('identity-error'), err);
  }
}

async function loadFlags(row) {
  try {
    const list = await flagsOf(row.attemptId);
    if (panel.row !== row) return;
    $('panel-flags').replaceChildren();
    for (const flag of list) addPanelFlag(flag);
    $('panel-flags-none').hidden = list.length > 0;
  } catch {
    $('panel-flags-none').hidden = false;
  }
}

function addPanelFlag(flag) {
  const when = at(flag.at);
  $('panel-flags').prepend(h('li', { class: `flag-item flag-${flag.severity ?? 'medium'}`, 'data-kind': flag.kind },
    h('span', { class: 'flag-time', text: when ? formatTime(new Date(when)) : '' }), ' ',
    h('strong', { text: kindName(flag.kind) }), ' ',
    h('span', { class: 'muted', text: t(`staff.severity.${flag.severity ?? 'medium'}`) }),
    flag.insufficientEvidence ? h('span', { class: 'muted', text: ` · ${t('staff.proctor.unclear')}` }) : null));
  $('panel-flags-none').hidden = true;
}

// Live view

function showWatch(state) {
  const box = $('watch-state');
  box.dataset.watch = state;
  box.textContent = state === 'idle' ? '' : t(`staff.proctor.watch.${state}`);
  const watching = state === 'connecting' || state === 'live';
  $('watch-start').hidden = watching;
  $('watch-stop').hidden = !watching;
  $('watch-videos').hidden = !(state === 'live' || state === 'connecting');
}

function startWatching() {
  const row = panel.row;
  if (!row?.attemptId) return;
  stopWatching(false);
  const videos = { camera: $('watch-camera'), screen: $('watch-screen') };
  const View = mediaServer ? KurentoViewer : Watcher;
  panel.watcher = new View({
    attemptId: row.attemptId,
    // browser-to-browser: a signal to the student's page; with a media server, the viewer sends whole messages
    send: mediaServer ? (message) => live?.send(message) : (data) => live?.send({ type: 'signal', attemptId: row.attemptId, data }),
    onStreams: (streams) => {
      for (const which of ['camera', 'screen']) {
        if (streams[which] && videos[which].srcObject !== streams[which]) {
          videos[which].srcObject = streams[which];
          videos[which].play().catch(() => {});
        }
      }
    },
    onState: (state) => {
      if (state === 'live' || state === 'failed') clearTimeout(panel.watchTimer);
      showWatch(state);
    },
  });
  panel.watcher.start();
  clearTimeout(panel.watchTimer);
  panel.watchTimer = setTimeout(() => {
    if ($('watch-state').dataset.watch === 'connecting') {
      stopWatching(true);
      showWatch('no-answer');
    }
  }, WATCH_TIMEOUT);
}

function stopWatching(tell) {
  clearTimeout(panel.watchTimer);
  const watcher = panel.watcher;
  panel.watcher = null;
  watcher?.close(tell);
  for (const id of ['watch-camera', 'watch-screen']) $(id).srcObject = null;
  if (watcher) showWatch('idle');
}

// Message and termination

async function sendMessage(event) {
  event.preventDefault();
  const row = panel.row;
  const input = $('message-text');
  const text = input.value.trim();
  clearError($('message-error'));
  $('message-done').hidden = true;
  if (!text) {
    input.setAttribute('aria-invalid', 'true');
    showProblems($('message-error'), t('staff.proctor.needMessage'), []);
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  try {
    const sent = await messageStudent(row.attemptId, text);
    $('message-done').textContent = t('staff.proctor.messageSent', { time: formatTime(new Date(at(sent.at) ?? clock.now())) });
    $('message-done').hidden = false;
    input.value = '';
  } catch (err) {
    showError($('message-error'), err);
  }
}

function askTerminate(event) {
  event.preventDefault();
  const input = $('terminate-reason');
  clearError($('terminate-error'));
  if (!input.value.trim()) {
    input.setAttribute('aria-invalid', 'true');
    showProblems($('terminate-error'), t('staff.proctor.needReason'), []);
    input.focus();
    return;
  }
  input.removeAttribute('aria-invalid');
  $('terminate-confirm-text').textContent = t('staff.proctor.confirmText', { student: panel.row.name, reason: input.value.trim() });
  $('terminate-confirm').showModal();
  $('terminate-cancel').focus();
}

async function terminate() {
  $('terminate-confirm').close();
  const row = panel.row;
  if (!row) return;
  try {
    const result = await terminateAttempt(row.attemptId, $('terminate-reason').value.trim());
    row.status = result.status ?? 'terminated';
    stopWatching(false);
    draw(row);
    drawPanelFacts(row);
    summarise();
    $('terminate-done').textContent = t('staff.proctor.terminated');
    $('terminate-done').hidden = false;
  } catch (err) {
    showError($('terminate-error'), err);
  }
}

start();
