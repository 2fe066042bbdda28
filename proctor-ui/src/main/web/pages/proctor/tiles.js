/**
 * The tiles of the proctor's dashboard (pages/proctor/proctor.js): one per roster student, drawn from its row (the
 * server's fields), re-sorted riskiest first, with the latest camera snapshot (at most SNAPSHOT_PARALLEL fetches
 * at once, newest picture per tile), the time left on the server's clock and the summary line above the grid.
 * A tile's "open" button calls what the page gave onTileOpen() (the side panel, pages/proctor/panel.js).
 *
 * For tests: li.tile[data-student][data-attempt][data-status][data-risk][data-identity][data-connected]
 * [data-flags][data-need], img.tile-snapshot[data-loaded].
 */

import { ApiError } from '../../lib/api/client.js';
import { h } from '../../lib/dom.js';
import { formatCountdown, formatTime, t } from '../../lib/i18n.js';
import { sessionExpired } from '../../lib/page.js';
import { KIND_SEVERITY, STUCK, flagList, throttle } from '../../lib/proctoring/dashboard.js';
import { needOf, orderRows } from '../../lib/proctoring/tile-order.js';
import { latestSnapshot } from '../../lib/api/proctoring.js';
import { $, fill, statusBadge } from '../../lib/staff.js';

const SNAPSHOT_EVERY = 5000;
const SNAPSHOT_PARALLEL = 4;
const LOW_TIME = 5 * 60 * 1000;
const FLASH_MS = 2500;

/** studentId → row: the server's fields plus {el, snapshot: {url, at, throttle}} */
export const rows = new Map();

/** The server's clock (lib/clock.js): the page sets it on every sync and `time` message. */
export let clock = { offset: 0, now: () => Date.now() };
let openTile = () => {};
/** The order of the tiles (lib/proctoring/tile-order.js ORDERS): "need" unless the proctor chose another. */
let tileOrder = 'need';

export function setClock(next) {
  clock = next;
}

/** Sets the order of the tiles (the page re-sorts with order()). */
export function setOrder(name) {
  tileOrder = name;
}

/** What a tile's "open" button does with its row. */
export function onTileOpen(open) {
  openTile = open;
}

export const at = (value) => {
  if (value === undefined || value === null || value === '') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
};

export function rowFor(studentId) {
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
    stage: h('span', { class: 'badge tile-stage', hidden: true }),
    missing: h('span', { class: 'badge tile-missing', hidden: true }),
    flags: h('ul', { class: 'tile-flags' }),
    open: h('button', { class: 'button tile-open', type: 'button', text: t('staff.proctor.open') }),
    review: h('a', { class: 'tile-review', href: '#', text: t('staff.proctor.review') }),
  };
  el.tile = h(
    'li',
    { class: 'tile', 'data-student': studentId },
    h(
      'article',
      { class: 'tile-card', 'aria-labelledby': nameId },
      h('div', { class: 'tile-media' }, el.img, el.noSnapshot),
      h(
        'div',
        { class: 'tile-info' },
        h('h2', { class: 'tile-name', id: nameId }, el.presence, el.name, el.connected),
        h('p', { class: 'tile-line' }, el.status, el.timeLeft),
        h('p', { class: 'tile-line' }, el.identity, ' ', el.stage, ' ', el.missing),
        h('p', { class: 'tile-actions' }, el.open, el.review),
      ),
      el.flags,
    ),
  );
  row = {
    studentId,
    name: studentId,
    attemptId: null,
    status: 'not-started',
    deadline: null,
    connected: false,
    identityStatus: 'none',
    lastSnapshotAt: null,
    faces: null,
    flagCounts: {},
    unclear: 0,
    flags: 0,
    risk: 0,
    el,
    snapshot: { url: null, at: null },
  };
  row.snapshot.throttle = throttle(() => loadSnapshot(row), SNAPSHOT_EVERY);
  el.open.addEventListener('click', () => openTile(row));
  el.open.setAttribute('aria-label', t('staff.proctor.openOf', { student: studentId }));
  rows.set(studentId, row);
  $('tiles').append(el.tile);
  return row;
}

export function kindName(kind) {
  const key = `staff.flag.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
}

/** A flag chip: the short name shows (every chip fits the tile), the full name is the tooltip and what is read. */
function chip(kind, n, className, full) {
  const key = `staff.flagShort.${kind}`;
  const short = t(key) === key ? full : t(key);
  return h(
    'li',
    { class: `flag-chip ${className}`, 'data-kind': kind, 'data-count': n, title: full },
    h('span', { 'aria-hidden': 'true', text: short }),
    h('span', { class: 'sr-only', text: full }),
    ' ',
    h('strong', { text: `×${n}` }),
  );
}

/**
 * Issue 15 (3): a tile's chips keep to one line, so 30 tiles fit a 1366×768 screen whatever the language: the chips
 * that would go to a second line fold behind "+n" (a button that shows them all and, pressed again, folds them; the
 * worst chips come first, so the folded ones are the mildest). Measured after the chips are laid out: as many stay as
 * fit on the first line beside the button. The focus stays on the button across the redraw.
 */
/** The chips of every tile folded again (after the first sync, when the tiles' width changes). */
export function refoldAll() {
  for (const row of rows.values()) foldChips(row);
}

function foldChips(row) {
  const list = row.el.flags;
  const chips = [...list.querySelectorAll('.flag-chip')];
  let item = list.querySelector('.flag-more-item');
  chips.forEach((c) => {
    c.hidden = false;
  });
  if (item) item.hidden = true;
  const top = chips[0]?.offsetTop;
  const oneLine = () => chips.every((c) => c.hidden || c.offsetTop === top);
  if (chips.length < 2 || oneLine() || top === undefined) return;
  if (!item) {
    item = h('li', { class: 'flag-more-item' }, h('button', { type: 'button', class: 'flag-more' }));
    item.firstChild.addEventListener('click', () => {
      row.chipsOpen = !row.chipsOpen;
      foldChips(row);
      item.firstChild.focus();
    });
    list.append(item);
  }
  item.hidden = false;
  let folded = 0;
  if (!row.chipsOpen) {
    for (let i = chips.length - 1; i > 0 && !(oneLine() && item.offsetTop === top); i--) {
      chips[i].hidden = true;
      folded++;
    }
  }
  const button = item.firstChild;
  button.setAttribute('aria-expanded', String(Boolean(row.chipsOpen)));
  button.setAttribute(
    'aria-label',
    t(row.chipsOpen ? 'staff.proctor.fewerFlags' : 'staff.proctor.moreFlags', { n: folded }),
  );
  button.textContent = row.chipsOpen ? '−' : `+${folded}`;
  list.dataset.folded = String(folded);
}

export function draw(row, flash = false) {
  const { el } = row;
  const tile = el.tile;
  tile.dataset.attempt = row.attemptId ?? '';
  tile.dataset.status = row.status;
  tile.dataset.risk = String(row.risk ?? 0);
  tile.dataset.identity = row.identityStatus;
  tile.dataset.stage = row.stage ?? '';
  tile.dataset.missing = (row.missing ?? []).join(' ');
  tile.dataset.need = needOf(row);
  tile.classList.toggle('tile-stuck', STUCK.includes(row.stage));
  tile.dataset.connected = String(row.connected);
  tile.dataset.flags = String(Object.values(row.flagCounts ?? {}).reduce((a, b) => a + Number(b), 0));
  tile.classList.toggle('tile-risk-high', (row.risk ?? 0) >= 15);
  tile.classList.toggle('tile-risk-some', (row.risk ?? 0) > 0 && (row.risk ?? 0) < 15);
  tile.classList.toggle('tile-waiting', row.identityStatus === 'pending');
  tile.classList.toggle('tile-inactive', row.status !== 'in-progress');
  if (el.name.textContent !== row.name) {
    el.name.textContent = row.name;
    el.name.title = row.name;
    el.open.setAttribute('aria-label', t('staff.proctor.openOf', { student: row.name })); // issue 15 (2)
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
    el.identity.replaceChildren(
      h(
        'span',
        { class: `badge identity-${row.identityStatus}`, title: full },
        h('span', { 'aria-hidden': 'true', text: t(`staff.identityShort.${row.identityStatus}`) }),
        h('span', { class: 'sr-only', text: full }),
      ),
    );
  }
  // issue 10, 4: stuck before the questions, and the evidence the server misses now, in words
  // (the identity stages show in the identity badge; the tile's outline and place say it is stuck)
  const stuck = STUCK.includes(row.stage);
  tile.title = stuck ? t(`staff.stage.${row.stage}`) : '';
  el.stage.hidden = row.stage !== 'no-snapshot';
  el.stage.textContent = t('staff.stageShort.no-snapshot');
  el.stage.title = t('staff.stage.no-snapshot');
  const missing = row.missing ?? [];
  el.missing.hidden = missing.length === 0;
  if (missing.length > 0) {
    // issue 15 (3): one line: the first gap and how many more (the whole list is the tooltip)
    el.missing.textContent = `⚠ ${t(`staff.evidenceShort.${missing[0]}`)}${missing.length > 1 ? ` +${missing.length - 1}` : ''}`;
    el.missing.title = t('staff.proctor.missing', {
      what: missing.map((kind) => t(`staff.evidence.${kind}`)).join(', '),
    });
  }
  const list = flagList(row.flagCounts);
  const flagsKey = JSON.stringify(list) + row.unclear;
  if (el.flags.dataset.value !== flagsKey) {
    el.flags.dataset.value = flagsKey;
    const chips = [
      ...list.map(([kind, n]) => chip(kind, n, `flag-${KIND_SEVERITY[kind] ?? 'medium'}`, kindName(kind))),
      row.unclear > 0 ? chip('unclear', row.unclear, 'flag-unclear', t('staff.proctor.unclear')) : null,
    ].filter(Boolean);
    fill(
      el.flags,
      ...chips,
      chips.length === 0 ? h('li', { class: 'flag-none', text: t('staff.proctor.noFlags') }) : null,
    );
    foldChips(row);
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

export function drawClock(row) {
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

/** Re-sorts the grid in the chosen order; moves nothing when the order stands, and gives the focus back if it moved. */
export function order() {
  const grid = $('tiles');
  const sorted = orderRows(rows.values(), tileOrder).map((row) => row.el.tile);
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
    latestSnapshot(row.attemptId)
      .then(
        (blob) => showSnapshot(row, blob),
        (err) => {
          if (err instanceof ApiError && err.status === 401) sessionExpired();
        },
      )
      .finally(() => {
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

// Summary

export function summarise() {
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
