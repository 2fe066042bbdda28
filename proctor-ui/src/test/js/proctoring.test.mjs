// Unit tests of the rest of the proctoring modules: behaviour events (events.js), the dashboard's order and
// throttle (dashboard.js), finding a moment in the recording (playback.js) and live-view signalling (peers.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventReporter } from '../../main/web/lib/proctoring/events.js';
import {
  applyEvidence,
  applyFlag,
  compareRows,
  flagList,
  sortRows,
  stageOf,
  throttle,
} from '../../main/web/lib/proctoring/dashboard.js';
import { firstAfter, nextAfter, plan, segmentAt } from '../../main/web/lib/proctoring/playback.js';
import { StudentPeers, Watcher } from '../../main/web/lib/proctoring/peers.js';
import { settle, until } from './support.mjs';

const quiet = { warn: () => {} };

// Events

test('events carry the server-clock instant; the same type within 2 s is one event, other types are not held back', async () => {
  let now = Date.parse('2026-12-01T09:00:00Z');
  const sent = [];
  const events = new EventReporter({
    send: (type, at) => {
      sent.push([type, at]);
      return Promise.resolve({});
    },
    now: () => now,
  });
  assert.equal(events.report('window-blur'), true);
  assert.equal(events.report('tab-hidden'), true);
  now += 1500;
  assert.equal(events.report('window-blur'), false, 'a repeat within 2 s');
  now += 600; // 2.1 s after the first
  assert.equal(events.report('window-blur'), true);
  assert.equal(events.report('no-such-event'), false);
  await until(() => events.pending === 0, 'all are sent');
  assert.deepEqual(sent, [
    ['window-blur', '2026-12-01T09:00:00.000Z'],
    ['tab-hidden', '2026-12-01T09:00:00.000Z'],
    ['window-blur', '2026-12-01T09:00:02.100Z'],
  ]);
});

test('events wait out a lost connection in order; a refusal is skipped', async () => {
  let online = false;
  const sent = [];
  const events = new EventReporter({
    send: (type) => {
      if (type === 'paste') return Promise.reject(Object.assign(new Error('bad'), { status: 400 }));
      if (!online) return Promise.reject(Object.assign(new Error('offline'), { status: 0 }));
      sent.push(type);
      return Promise.resolve({ flag: { kind: type } });
    },
    now: () => Date.now(),
    retryFirstMs: 60_000,
    log: quiet,
  });
  events.report('tab-hidden');
  events.report('paste');
  events.report('copy');
  await settle();
  assert.equal(events.pending, 3);
  online = true;
  events.retryNow();
  await until(() => events.pending === 0, 'the queue is empty');
  assert.deepEqual(sent, ['tab-hidden', 'copy']);
  events.close();
});

// Dashboard

test('tiles are ordered by risk, then students in the test, then by name', () => {
  const rows = [
    { name: 'Student 10', risk: 0, status: 'in-progress' },
    { name: 'Student 2', risk: 0, status: 'in-progress' },
    { name: 'Aigerim', risk: 0, status: 'submitted' },
    { name: 'Bolat', risk: 12, status: 'submitted' },
    { name: 'Dana', risk: 3, status: 'in-progress' },
  ];
  assert.deepEqual(
    sortRows(rows).map((r) => r.name),
    ['Bolat', 'Dana', 'Student 2', 'Student 10', 'Aigerim'],
  );
  assert.equal(compareRows({ name: 'a', risk: 1 }, { name: 'a', risk: 1 }), 0);
});

test("students stuck before their questions come first, whatever the others' risk (issue 10, 4)", () => {
  const rows = [
    { name: 'Bolat', risk: 45, status: 'in-progress', stage: 'answering' },
    { name: 'Cheater', risk: 0, status: 'in-progress', stage: 'identity-missing' },
    { name: 'Dana', risk: 0, status: 'in-progress', stage: 'no-snapshot' },
  ];
  assert.deepEqual(
    sortRows(rows).map((r) => r.name),
    ['Cheater', 'Dana', 'Bolat'],
  );
});

test('stageOf agrees with the engine: held by identity, no snapshot yet, answering', () => {
  assert.equal(stageOf({ status: 'in-progress', held: true, identityStatus: 'none' }), 'identity-missing');
  assert.equal(stageOf({ status: 'in-progress', held: true, identityStatus: 'rejected' }), 'identity-rejected');
  assert.equal(stageOf({ status: 'in-progress', held: true, identityStatus: 'pending' }), 'identity-pending');
  assert.equal(stageOf({ status: 'in-progress', held: false, lastSnapshotAt: null }), 'no-snapshot');
  assert.equal(
    stageOf({ status: 'in-progress', held: false, lastSnapshotAt: null }, false),
    'answering',
    'no camera: no snapshot owed',
  );
  assert.equal(stageOf({ status: 'in-progress', held: false, lastSnapshotAt: '2026-06-01T09:00:00Z' }), 'answering');
  assert.equal(stageOf({ status: 'submitted' }), 'finished');
  assert.equal(stageOf({ status: 'not-started' }), 'not-started');
});

test('an evidence-missing flag adds its evidence to the row, evidence-resumed takes it away', () => {
  const row = {};
  assert.equal(applyEvidence(row, { type: 'flag', flag: { kind: 'evidence-missing', missing: 'socket' } }), true);
  assert.equal(applyEvidence(row, { type: 'flag', flag: { kind: 'evidence-missing', missing: 'socket' } }), false);
  assert.equal(applyEvidence(row, { type: 'flag', flag: { kind: 'tab-hidden' } }), false);
  assert.deepEqual(row.missing, ['socket']);
  assert.equal(applyEvidence(row, { type: 'evidence-resumed', evidence: 'socket' }), true);
  assert.deepEqual(row.missing, []);
});

test("a live flag bumps its kind's count and the risk by severity, once per flag id", () => {
  const row = { risk: 2, flagCounts: { 'tab-hidden': 1 } };
  assert.equal(applyFlag(row, { id: 'f1', kind: 'multiple-faces', severity: 'high' }), true);
  assert.equal(applyFlag(row, { id: 'f1', kind: 'multiple-faces', severity: 'high' }), false, 'the same flag twice');
  assert.equal(applyFlag(row, { id: 'f2', kind: 'tab-hidden', severity: 'medium' }), true);
  assert.equal(applyFlag(row, { id: 'f3', kind: 'window-blur', severity: 'low' }), true);
  assert.deepEqual(row.flagCounts, { 'tab-hidden': 2, 'multiple-faces': 1, 'window-blur': 1 });
  assert.equal(row.risk, 2 + 15 + 6 + 2, "the engine's penalties: low 2, medium 6, high 15");
  assert.equal(applyFlag(row, { id: 'f4', kind: 'no-face', severity: 'low', insufficientEvidence: true }), true);
  assert.equal(row.risk, 25, 'the camera could not see: no risk, counted as unclear');
  assert.equal(row.unclear, 1);
  assert.equal(row.flagCounts['no-face'], undefined);
  assert.deepEqual(
    flagList(row.flagCounts),
    [
      ['multiple-faces', 1],
      ['tab-hidden', 2],
      ['window-blur', 1],
    ],
    'gravest first',
  );
  assert.deepEqual(flagList({ copy: 1, 'window-blur': 4, paste: 0 }), [
    ['window-blur', 4],
    ['copy', 1],
  ]);
  assert.equal(applyFlag(row, null), false);
});

test('throttle: at most one run per interval; calls meanwhile make one deferred run', () => {
  let now = 0;
  const timers = [];
  const fake = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.push({ fn, at: now + ms });
      return timers.length;
    },
    clearTimeout: (id) => {
      if (timers[id - 1]) timers[id - 1].fn = null;
    },
  };
  let runs = 0;
  const sort = throttle(
    () => {
      runs += 1;
    },
    1000,
    fake,
  );
  sort.call();
  assert.equal(runs, 1, 'the first call runs at once');
  now = 200;
  sort.call();
  sort.call();
  sort.call();
  assert.equal(runs, 1);
  assert.equal(timers.length, 1, 'one deferred run for the three calls');
  assert.equal(timers[0].at, 1000);
  now = 1000;
  timers[0].fn();
  assert.equal(runs, 2);
  now = 2500;
  sort.call();
  assert.equal(runs, 3, 'after a quiet interval a call runs at once again');
});

// Playback

const segments = [
  { segment: 1, startsAt: '2026-12-01T09:01:00Z', seconds: 60, url: '/s1' },
  { segment: 0, startsAt: '2026-12-01T09:00:00Z', seconds: 60, url: '/s0' },
  { segment: 2, startsAt: '2026-12-01T09:03:00Z', seconds: 30, url: '/s2' },
];
const at = (iso) => Date.parse(iso);

test('a moment is found in the segment whose start <= t < start + seconds, with the offset into it', () => {
  const planned = plan(segments);
  assert.deepEqual(
    planned.map((s) => s.segment),
    [0, 1, 2],
    'sorted by start',
  );
  const hit = segmentAt(planned, at('2026-12-01T09:01:15.500Z'));
  assert.equal(hit.segment.segment, 1);
  assert.equal(hit.offset, 15.5);
  assert.equal(segmentAt(planned, at('2026-12-01T09:01:00Z')).segment.segment, 1, 'a start belongs to its segment');
  assert.equal(segmentAt(planned, at('2026-12-01T09:00:59.999Z')).segment.segment, 0);
  assert.equal(segmentAt(planned, at('2026-12-01T09:02:30Z')), null, 'nothing was recorded then');
  assert.equal(firstAfter(planned, at('2026-12-01T09:02:30Z')).segment, 2);
  assert.equal(segmentAt(planned, at('2026-12-01T08:59:00Z')), null);
  assert.equal(segmentAt(planned, at('2026-12-01T09:03:30Z')), null, 'the end is not in the last segment');
});

test('overlapping segments (a reload) give the later one; playing goes on into the next', () => {
  const planned = plan([...segments, { segment: 3, startsAt: '2026-12-01T09:03:20Z', seconds: 60 }]);
  assert.equal(segmentAt(planned, at('2026-12-01T09:03:25Z')).segment.segment, 3);
  assert.equal(nextAfter(planned, planned[0]).segment, 1);
  assert.equal(nextAfter(planned, planned[planned.length - 1]), null);
});

// Live view

class FakePeer extends EventTarget {
  static made = [];
  constructor(config) {
    super();
    this.config = config;
    this.tracks = [];
    this.log = [];
    this.closed = false;
    FakePeer.made.push(this);
  }
  addTrack(track, stream) {
    this.tracks.push([track.kind, stream.id]);
  }
  async createOffer() {
    this.log.push('createOffer');
    return { type: 'offer', sdp: 'offer-sdp' };
  }
  async createAnswer() {
    this.log.push('createAnswer');
    return { type: 'answer', sdp: 'answer-sdp' };
  }
  async setLocalDescription(d) {
    this.log.push(`local:${d.type}`);
    this.localDescription = d;
  }
  async setRemoteDescription(d) {
    await settle();
    this.log.push(`remote:${d.type}`);
  }
  async addIceCandidate(c) {
    this.log.push(`ice:${c.candidate}`);
  }
  close() {
    this.closed = true;
  }
}
const track = (kind) => ({ kind });
const stream = (id, ...tracks) => ({
  id,
  getTracks: () => tracks,
  getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
});

test("a proctor's watch gets an offer with the camera (video and audio) and the screen's video, one connection per proctor", async () => {
  FakePeer.made = [];
  const sent = [];
  const camera = stream('cam', track('video'), track('audio'));
  const screen = stream('scr', track('video'));
  const peers = new StudentPeers({
    streams: () => ({ camera, screen }),
    send: (to, data) => sent.push([to, data]),
    Peer: FakePeer,
    log: quiet,
  });
  peers.onSignal('proctor-a', { kind: 'watch' });
  peers.onSignal('proctor-b', { kind: 'watch' });
  await until(() => sent.length === 2, 'both offers are sent');
  assert.equal(peers.watching, 2);
  assert.deepEqual(FakePeer.made[0].tracks, [
    ['video', 'cam'],
    ['audio', 'cam'],
    ['video', 'scr'],
  ]);
  assert.deepEqual(
    sent.map(([to, data]) => [to, data.kind, data.sdp]),
    [
      ['proctor-a', 'offer', 'offer-sdp'],
      ['proctor-b', 'offer', 'offer-sdp'],
    ],
  );
  assert.deepEqual(sent[0][1].streams, { camera: 'cam', screen: 'scr' });

  // the answer and a candidate right behind it: the candidate waits for the description
  peers.onSignal('proctor-a', { kind: 'answer', sdp: 'answer-sdp' });
  peers.onSignal('proctor-a', { kind: 'ice', candidate: { candidate: 'c1' } });
  await until(() => FakePeer.made[0].log.includes('ice:c1'), 'the candidate is applied');
  assert.deepEqual(FakePeer.made[0].log, ['createOffer', 'local:offer', 'remote:answer', 'ice:c1']);

  peers.onSignal('proctor-a', { kind: 'stop' });
  assert.equal(FakePeer.made[0].closed, true);
  assert.equal(peers.watching, 1);
  peers.closeAll();
  assert.equal(FakePeer.made[1].closed, true);
  assert.deepEqual(sent.at(-1), ['proctor-b', { kind: 'stop' }], 'the remaining proctor is told');
});

test('a second watch from the same proctor replaces the first connection', async () => {
  FakePeer.made = [];
  const peers = new StudentPeers({
    streams: () => ({ camera: stream('cam', track('video')), screen: null }),
    send: () => {},
    Peer: FakePeer,
    log: quiet,
  });
  peers.onSignal('p', { kind: 'watch' });
  peers.onSignal('p', { kind: 'watch' });
  assert.equal(FakePeer.made[0].closed, true);
  assert.equal(peers.watching, 1);
});

test("the proctor's watcher answers the offer and names the streams by the ids the offer gives", async () => {
  FakePeer.made = [];
  const sent = [];
  const states = [];
  let got = null;
  const watcher = new Watcher({
    send: (data) => sent.push(data),
    onStreams: (s) => {
      got = s;
    },
    onState: (s) => states.push(s),
    Peer: FakePeer,
    log: quiet,
  });
  watcher.start();
  assert.deepEqual(sent, [{ kind: 'watch' }]);
  watcher.onSignal({ kind: 'offer', sdp: 'offer-sdp', streams: { camera: 'cam', screen: 'scr' } });
  await until(() => sent.length === 2, 'the answer is sent');
  assert.deepEqual(sent[1], { kind: 'answer', sdp: 'answer-sdp' });
  const pc = FakePeer.made[0];
  const screenStream = { id: 'scr' };
  const cameraStream = { id: 'cam' };
  const trackEvent = (kind, s) => Object.assign(new Event('track'), { track: { kind }, streams: [s] });
  pc.dispatchEvent(trackEvent('video', screenStream)); // the screen may come first
  pc.dispatchEvent(trackEvent('video', cameraStream));
  assert.equal(got.screen, screenStream);
  assert.equal(got.camera, cameraStream);
  watcher.close();
  assert.equal(pc.closed, true);
  assert.deepEqual(sent.at(-1), { kind: 'stop' });
  assert.deepEqual(states, ['connecting', 'stopped']);
});
