/**
 * progress.html?exam=<examId>: every roster student's progress, live. The start state comes from
 * GET /exams/{id}/progress; then the WebSocket (lib/live.js) subscribes to the exam and the rows follow
 * attempt-started, answer-saved, attempt-finished and presence events. On every (re)subscription the state
 * is fetched again (events that arrive meanwhile are replayed on top), and once a minute as a safety net.
 * Time left counts down on the server's clock (serverTime and the socket's time messages).
 *
 * For tests: <main data-state>, #live-state[data-live = connecting | live | reconnecting | error | closed]
 * [data-connections], rows tr[data-student][data-status][data-connected], cells [data-answered]
 * [data-question-count], [data-time-left] (whole seconds, empty when not running), [data-deadline],
 * [data-last-activity], [data-connected]; #progress-summary [data-status][data-count].
 */

import { serverClock } from '../../lib/clock.js';
import { h, param, setState } from '../../lib/dom.js';
import { formatCountdown, formatDateTime, formatTime, t } from '../../lib/i18n.js';
import { examProgress, getExam } from '../../lib/api/exams.js';
import { NameLookup } from '../../lib/people.js';
import { ExamFeed } from '../../lib/exam-feed.js';
import { $, clearError, fill, labelColumns, pageFailed, startStaffPage, statusBadge } from '../../lib/staff.js';

const main = $('progress');
const examId = param('exam');
const RESYNC_EVERY = 60000;
const LOW_TIME = 5 * 60 * 1000;
const RANK = { 'not-started': 0, 'in-progress': 1, submitted: 2, 'timed-out': 2, terminated: 2 };

/** studentId → {data fields…, el: {row, status, answered, timeLeft, activity, connected}} */
const rows = new Map();
let clock = { offset: 0, now: () => Date.now() };
let title = '';
let questionCount = 0;
let connections = 0;
const feed = new ExamFeed({
  examId,
  events: ['attempt-started', 'answer-saved', 'attempt-finished', 'presence'], // flags and the rest are not shown here
  fetch: () => examProgress(examId),
  replace,
  apply,
  done: afterSync,
  onMessage: (event) => {
    if (event.type === 'time' && event.serverTime) clock = serverClock(event.serverTime, Date.now());
  },
  onOpen: () => {
    connections += 1;
    $('live-state').dataset.connections = String(connections);
  },
  errorBox: () => $('progress-error'),
  every: RESYNC_EVERY,
});

const at = (value) => {
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

async function start() {
  if (!startStaffPage()) return;
  if (!examId) {
    pageFailed(main, $('progress-loading'), $('progress-error'), new Error(t('staff.progress.noExam')));
    return;
  }
  $('exam-link').href = `exam.html?exam=${encodeURIComponent(examId)}`;
  $('exam-link').textContent = t('staff.back.exam');
  try {
    await feed.sync();
  } catch (err) {
    pageFailed(main, $('progress-loading'), $('progress-error'), err);
    return;
  }
  $('progress-loading').hidden = true;
  $('progress-body').hidden = false;
  $('progress-refresh').addEventListener('click', () => feed.resync());
  $('progress-filter').addEventListener('change', applyFilter);
  setState(main, 'ready');
  setInterval(tick, 1000);
  tick();
  feed.open();
  window.addEventListener('pagehide', () => feed.close(), { once: true });
}

// Fetching the state

/** The progress as fetched replaces the rows (ExamFeed applies the events that came meanwhile on top). */
function replace(data) {
  clock = serverClock(data.serverTime, data.sentAt, data.receivedAt);
  title = data.title ?? '';
  questionCount = data.questionCount ?? 0;
  $('progress-heading').textContent = t('staff.progress.headingOf', { title });
  document.title = t('staff.progress.titleOf', { title });
  const snapshotAt = at(data.serverTime) ?? clock.now();
  const seen = new Set();
  for (const s of data.students ?? []) {
    seen.add(s.studentId);
    const row = rowFor(s.studentId);
    Object.assign(row, {
      name: s.name || s.studentId, // issue 15 (2): shown by name
      attemptId: s.attemptId ?? null,
      status: s.status,
      answered: s.answered ?? 0,
      questionCount: s.questionCount ?? questionCount,
      deadline: at(s.deadline),
      lastActivity: at(s.lastActivity),
      lastSeen: at(s.lastSeen),
      connected: Boolean(s.connected),
      presenceAt: snapshotAt,
      answeredAt: snapshotAt,
    });
    draw(row);
  }
  for (const [id, row] of rows) {
    if (!seen.has(id)) {
      row.el.row.remove();
      rows.delete(id);
    }
  }
}

function afterSync() {
  order();
  summarise();
  applyFilter();
  const synced = $('synced');
  synced.dataset.synced = new Date(clock.now()).toISOString();
  synced.textContent = t('staff.progress.synced', { time: formatTime(new Date(clock.now())) });
  clearError($('progress-error'));
}

/** The later of two instants (ms), either possibly null. */
function later(a, b) {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return Math.max(a, b);
}

/**
 * Applies one event to its student's row. The status never moves back (not-started → in-progress →
 * finished); counts and presence only change for an event newer than what the row shows.
 */
function apply(event, announce) {
  const id = event.studentId;
  if (!id) return;
  const isNew = !rows.has(id);
  const row = rowFor(id);
  // issue 15 (3): a student not on the table when it was read: by the event's name, else asked for in one batch
  if (event.name && row.name === id) row.name = event.name;
  if (row.name === id) names.want(id);
  const when = at(event.at);
  const rank = RANK[row.status] ?? 0;
  if (event.type === 'attempt-started') {
    if (rank < 1) row.status = 'in-progress';
    row.attemptId = event.attemptId ?? row.attemptId;
    row.deadline = at(event.deadline) ?? row.deadline;
    row.lastActivity = later(row.lastActivity, when);
    if (announce) say(t('staff.progress.saidStarted', { student: row.name }));
  } else if (event.type === 'clock-started') {
    // a proctored attempt's clock starts when its questions are first served (after the identity step)
    row.deadline = at(event.deadline) ?? row.deadline;
  } else if (event.type === 'answer-saved') {
    if (rank < 1) row.status = 'in-progress';
    row.attemptId = event.attemptId ?? row.attemptId;
    // the newest count wins (it may also go down, should the engine stop counting cleared answers)
    if (typeof event.answered === 'number' && (when === null || row.answeredAt === null || when >= row.answeredAt)) {
      row.answered = event.answered;
      row.answeredAt = when ?? row.answeredAt;
    }
    row.lastActivity = later(row.lastActivity, when);
  } else if (event.type === 'attempt-finished') {
    if (event.status) row.status = event.status;
    row.attemptId = event.attemptId ?? row.attemptId;
    row.finishedAt = when;
    if (announce) say(t('staff.progress.saidFinished', { student: row.name, status: t(`status.${event.status}`) }));
  } else if (event.type === 'presence') {
    if (when !== null && row.presenceAt !== null && row.presenceAt !== undefined && when < row.presenceAt) return;
    row.connected = Boolean(event.connected);
    row.presenceAt = when ?? clock.now();
    if (row.connected) row.lastSeen = when ?? row.lastSeen;
  }
  draw(row, announce);
  if (isNew) order();
  summarise();
  applyFilter();
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
    order();
  },
});

// Rows

function rowFor(studentId) {
  let row = rows.get(studentId);
  if (row) return row;
  const el = {
    status: h('td', { 'data-field': 'status' }),
    answered: h('td', { 'data-field': 'answered', class: 'answered-cell' }),
    timeLeft: h('td', { 'data-field': 'time-left', class: 'time-left' }),
    activity: h('td', { 'data-field': 'last-activity' }),
    connected: h('td', { 'data-field': 'connected' }),
  };
  el.row = h(
    'tr',
    { 'data-student': studentId },
    (el.name = h('th', { scope: 'row', class: 'student-id', text: studentId })),
    el.status,
    el.answered,
    el.timeLeft,
    el.activity,
    el.connected,
  );
  row = {
    studentId,
    name: studentId,
    attemptId: null,
    status: 'not-started',
    answered: 0,
    questionCount,
    deadline: null,
    lastActivity: null,
    lastSeen: null,
    connected: false,
    presenceAt: null,
    answeredAt: null,
    el,
  };
  rows.set(studentId, row);
  labelColumns($('progress-table'), [el.row]);
  $('progress-rows').append(el.row);
  return row;
}

function order() {
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { numeric: true }) ||
      a.studentId.localeCompare(b.studentId, undefined, { numeric: true }),
  );
  const body = $('progress-rows');
  // re-append only when the order changed, so focus and screen-reader position stay put
  const current = [...body.children];
  if (sorted.every((row, i) => current[i] === row.el.row)) return;
  body.replaceChildren(...sorted.map((row) => row.el.row));
}

function draw(row, flash = false) {
  const { el } = row;
  const total = row.questionCount || questionCount;
  el.row.dataset.status = row.status;
  el.row.dataset.connected = String(row.connected);
  if (el.name.textContent !== row.name) el.name.textContent = row.name;
  el.row.classList.toggle('needs-attention', row.status === 'in-progress' && !row.connected);
  if (el.status.dataset.value !== row.status) {
    el.status.dataset.value = row.status;
    el.status.replaceChildren(statusBadge(row.status));
  }
  el.answered.dataset.answered = String(row.answered ?? 0);
  el.answered.dataset.questionCount = String(total);
  el.answered.replaceChildren(
    h('span', { class: 'answered-text', text: t('staff.progress.answeredOf', { answered: row.answered ?? 0, total }) }),
    h('progress', {
      max: String(Math.max(total, 1)),
      value: String(Math.min(row.answered ?? 0, total)),
      'aria-hidden': 'true',
    }),
  );
  el.timeLeft.dataset.deadline = row.deadline ? new Date(row.deadline).toISOString() : '';
  el.activity.dataset.lastActivity = row.lastActivity ? new Date(row.lastActivity).toISOString() : '';
  el.connected.dataset.connected = String(row.connected);
  fill(
    el.connected,
    h(
      'span',
      { class: row.connected ? 'presence presence-on' : 'presence presence-off' },
      h('span', { class: 'presence-dot', 'aria-hidden': 'true' }),
      t(row.connected ? 'staff.progress.connected' : 'staff.progress.notConnected'),
    ),
    !row.connected && row.lastSeen
      ? h('span', {
          class: 'muted small',
          text: t('staff.progress.lastSeen', { time: formatTime(new Date(row.lastSeen)) }),
        })
      : null,
  );
  drawClock(row);
  if (flash) {
    el.row.classList.remove('updated');
    void el.row.offsetWidth; // restart the highlight
    el.row.classList.add('updated');
  }
}

/** How long ago an instant was, on the server's clock: seconds, minutes, then the date and time. */
function ago(ms) {
  const seconds = Math.max(0, Math.round((clock.now() - ms) / 1000));
  if (seconds < 60) return t('staff.progress.secondsAgo', { n: seconds });
  if (seconds < 3600) return t('staff.progress.minutesAgo', { n: Math.floor(seconds / 60) });
  return formatDateTime(new Date(ms).toISOString());
}

/** The cells that follow the clock: time left and last activity. */
function drawClock(row) {
  const { el } = row;
  if (row.status === 'in-progress' && row.deadline) {
    const left = row.deadline - clock.now();
    el.timeLeft.dataset.timeLeft = String(Math.max(0, Math.ceil(left / 1000)));
    el.timeLeft.textContent = left > 0 ? formatCountdown(left) : t('staff.progress.timeUp');
    el.timeLeft.classList.toggle('low', left <= LOW_TIME);
  } else {
    el.timeLeft.dataset.timeLeft = '';
    el.timeLeft.textContent = '—';
    el.timeLeft.classList.remove('low');
  }
  if (row.lastActivity) {
    el.activity.replaceChildren(
      h('span', { text: formatTime(new Date(row.lastActivity)) }),
      h('span', { class: 'muted small', text: ago(row.lastActivity) }),
    );
  } else {
    el.activity.textContent = '—';
  }
}

function tick() {
  $('server-clock').textContent = t('staff.progress.serverTime', { time: formatTime(new Date(clock.now())) });
  for (const row of rows.values()) drawClock(row);
}

// Summary, filter, announcements

function summarise() {
  const counts = { total: rows.size, 'not-started': 0, 'in-progress': 0, submitted: 0, 'timed-out': 0, connected: 0 };
  for (const row of rows.values()) {
    counts[row.status] = (counts[row.status] ?? 0) + 1;
    if (row.connected) counts.connected += 1;
  }
  const items = [
    ['total', t('staff.progress.onRoster')],
    ['not-started', t('status.not-started')],
    ['in-progress', t('status.in-progress')],
    ['submitted', t('status.submitted')],
    ['timed-out', t('status.timed-out')],
    ['connected', t('staff.progress.connectedNow')],
  ];
  $('progress-summary').replaceChildren(
    ...items.map(([key, label]) =>
      h(
        'div',
        {
          class: `count count-${key}`,
          'data-status': key,
          'data-count': counts[key] ?? 0,
        },
        h('dt', { text: label }),
        h('dd', {}, h('span', { class: 'count-value', text: String(counts[key] ?? 0) })),
      ),
    ),
  );
  $('progress-caption').textContent = t('staff.progress.caption', { title, n: rows.size });
  $('progress-none').hidden = rows.size > 0;
}

function applyFilter() {
  const filter = $('progress-filter').value;
  for (const row of rows.values()) {
    let show = true;
    if (filter === 'finished') show = (RANK[row.status] ?? 0) >= 2;
    else if (filter === 'attention') show = row.status === 'in-progress' && !row.connected;
    else if (filter) show = row.status === filter;
    row.el.row.hidden = !show;
  }
}

let announcer = null;
function say(text) {
  if (!announcer) {
    announcer = h('p', { id: 'progress-announcer', class: 'sr-only', 'aria-live': 'polite' });
    main.append(announcer);
  }
  announcer.textContent = text;
}

start();
