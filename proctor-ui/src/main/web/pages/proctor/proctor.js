/**
 * proctor.html?exam=<examId>: the proctor's dashboard (5.17.2, issue 4). One tile per roster student, riskiest
 * first: name, the latest camera snapshot, status, time left on the server's clock, identity, flag counts by
 * kind and whether the exam page is connected (the tiles: pages/proctor/tiles.js). The start state is
 * GET /exams/{id}/proctoring; the live socket (subscribed to the exam) then moves single tiles: flag (counts,
 * risk, a short highlight), snapshot (a new picture, at most one fetch per tile per 5 s), identity,
 * attempt-started / -finished and presence. Only the changed tile is redrawn and the grid is re-sorted at most
 * once a second, so 30+ students stay smooth; the state is fetched again on every (re)subscription and once a
 * minute.
 *
 * A tile opens a side panel for that student (pages/proctor/panel.js): the identity photos with approve /
 * reject, a live view of camera and screen, the flags, a message to the student, and stopping the attempt for a
 * breach, with a link to the review page. This module passes it the live events about its student.
 *
 * For tests: <main data-state>, #live-state[data-live], li.tile[data-student][data-attempt][data-status]
 * [data-risk][data-identity][data-connected][data-flags], img.tile-snapshot[data-loaded], #panel[data-attempt],
 * #watch-state[data-watch].
 */

import { serverClock } from '../../lib/clock.js';
import { param, setState } from '../../lib/dom.js';
import { formatTime, t } from '../../lib/i18n.js';
import { applyEvidence, applyFlag, stageOf, throttle } from '../../lib/proctoring/dashboard.js';
import { needOf } from '../../lib/proctoring/tile-order.js';
import { KurentoViewer } from '../../lib/proctoring/kurento.js';
import { examProctoring } from '../../lib/api/proctoring.js';
import { addPanelFlag, drawPanelFacts, loadIdentity, openPanel, panel, preparePanel, showWatch } from './panel.js';
import {
  at,
  clock,
  draw,
  drawClock,
  kindName,
  onTileOpen,
  order,
  refoldAll,
  rowFor,
  rows,
  setClock,
  setOrder,
  summarise,
} from './tiles.js';
import { ExamFeed } from '../../lib/exam-feed.js';
import { getExam } from '../../lib/api/exams.js';
import { NameLookup } from '../../lib/people.js';
import { $, clearError, showError, startStaffPage } from '../../lib/staff.js';

const main = $('proctor');
const examId = param('exam');
const RESYNC_EVERY = 60000;
const ORDER_KEY = 'emtihan.proctor.order';
const ORDER_WORDS = { need: 'staff.proctor.order', risk: 'staff.proctor.orderRisk', name: 'staff.proctor.orderName' };

const feed = new ExamFeed({
  examId,
  events: ['attempt-started', 'attempt-finished', 'presence', 'flag', 'snapshot', 'identity'],
  fetch: () => examProctoring(examId),
  replace,
  apply,
  done: afterSync,
  onMessage,
  errorBox: () => $('proctor-error'),
  every: RESYNC_EVERY,
});
let mediaServer = false; // a Kurento Media Server records and relays the live view (docs/kurento.md)
let camera = true; // the exam takes camera snapshots (a student without one yet is stuck)
let identityExam = false; // the exam asks for identity photos: a new attempt is held until they are in
const reorder = throttle(order, 1000);
onTileOpen(openPanel);

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
    await feed.sync();
  } catch (err) {
    $('proctor-loading').hidden = true;
    if (showError($('proctor-error'), err)) return;
    setState(main, 'error');
    return;
  }
  $('proctor-loading').hidden = true;
  $('proctor-body').hidden = false;
  refoldAll(); // issue 15 (3): the chips measured now that the tiles are laid out, and again when their width changes
  let resized = null;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(refoldAll, 200);
  });
  $('proctor-refresh').addEventListener('click', () => feed.resync());
  chooseOrder();
  preparePanel({ send: (message) => feed.send(message), mediaServer: () => mediaServer });
  setState(main, 'ready');
  setInterval(tick, 1000);
  tick();
  feed.open();
  window.addEventListener(
    'pagehide',
    () => {
      panel.watcher?.close(true);
      feed.close();
    },
    { once: true },
  );
}

/** The order of the tiles: the proctor's last choice in this browser, else "needs a proctor now". */
function chooseOrder() {
  const select = $('proctor-sort');
  const apply = () => {
    const name = ORDER_WORDS[select.value] ? select.value : 'need';
    setOrder(name);
    $('proctor-order').textContent = t(ORDER_WORDS[name]);
    order();
  };
  let saved = null;
  try {
    saved = localStorage.getItem(ORDER_KEY);
  } catch {
    // storage blocked: the default order
  }
  if (saved && ORDER_WORDS[saved]) select.value = saved;
  select.addEventListener('change', () => {
    try {
      localStorage.setItem(ORDER_KEY, select.value);
    } catch {
      // storage blocked: the choice holds for this page only
    }
    apply();
  });
  apply();
}

// The state

/** The dashboard as fetched replaces the tiles (ExamFeed applies the events that came meanwhile on top). */
function replace(data) {
  if (data.serverTime) setClock(serverClock(data.serverTime, data.sentAt, data.receivedAt));
  mediaServer = Boolean(data.kurento);
  camera = data.proctoring ? Boolean(data.proctoring.camera) : camera;
  identityExam = data.proctoring ? Boolean(data.proctoring.identity) : identityExam;
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
      held: Boolean(s.hold),
      missing: s.missing ?? [],
      verdict: s.verdict ?? null,
      seenFlags: new Set(),
    });
    row.stage = s.stage ?? stageOf(row, camera);
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
}

function afterSync() {
  order();
  refoldAll(); // issue 15 (3): the chips measured once the tiles are laid out
  summarise();
  clearError($('proctor-error'));
}

// The live messages ExamFeed leaves to the page

function onMessage(event) {
  switch (event.type) {
    case 'time':
      if (event.serverTime) setClock(serverClock(event.serverTime, Date.now()));
      return;
    case 'error':
      if ((event.error === 'signal-refused' || event.error === 'media-refused') && panel.watcher) showWatch('failed');
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
  // issue 15 (3): a student not on the dashboard when it was read: by the event's name, else asked for in one batch
  if (event.name && row.name === row.studentId) row.name = event.name;
  if (row.name === row.studentId) names.want(row.studentId);
  const needBefore = needOf(row);
  let flash = false;
  switch (event.type) {
    case 'attempt-started':
      if (row.status === 'not-started') row.status = 'in-progress';
      // a proctored attempt with identity photos is held: its clock starts with clock-started
      row.held = event.held ?? Boolean(identityExam);
      row.deadline = row.held ? null : (at(event.deadline) ?? row.deadline);
      break;
    case 'attempt-finished':
      if (event.status) row.status = event.status;
      if (announce && event.status === 'terminated') say(t('staff.proctor.saidTerminated', { student: row.name }));
      break;
    case 'presence':
      row.connected = Boolean(event.connected);
      break;
    case 'clock-started':
      row.held = false;
      row.deadline = at(event.deadline) ?? row.deadline;
      break;
    case 'evidence-resumed':
      if (!applyEvidence(row, event)) return;
      break;
    case 'flag':
      applyEvidence(row, event);
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
  const stageBefore = row.stage;
  row.stage = stageOf(row, camera);
  draw(row, flash);
  if (panel.row === row) drawPanelFacts(row);
  if (
    isNew ||
    stageBefore !== row.stage ||
    needBefore !== needOf(row) ||
    ['flag', 'attempt-finished', 'attempt-started'].includes(event.type)
  )
    reorder.call();
  summarise();
}

/** Issue 15 (3): the names of students the live events brought, read in one batch from the exam's `people`. */
const names = new NameLookup({
  read: async () => (await getExam(examId)).people,
  onNames: (found) => {
    for (const [id, name] of Object.entries(found)) {
      const row = rows.get(id);
      if (!row || row.name !== id) continue;
      row.name = name;
      draw(row);
    }
    reorder.call();
  },
});

// Clock, announcements

function tick() {
  $('server-clock').textContent = t('staff.progress.serverTime', { time: formatTime(new Date(clock.now())) });
  for (const row of rows.values()) drawClock(row);
  if (panel.row) drawPanelFacts(panel.row);
}

function say(text) {
  $('proctor-announcer').textContent = text;
}

start();
