// Unit tests of the recording's way to the server: segment numbering (lib/proctoring/segments.js), the
// chunk upload queue (lib/proctoring/upload-queue.js) and the recorder's segment restarts (recorder.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SegmentCounter } from '../../main/web/lib/proctoring/segments.js';
import { ChunkQueue } from '../../main/web/lib/proctoring/upload-queue.js';
import { StreamRecorder, recorderOptions } from '../../main/web/lib/proctoring/recorder.js';
import { settle, until } from './support.mjs';

class MemoryStorage {
  constructor() {
    this.map = new Map();
  }
  getItem(k) {
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.map.set(k, String(v));
  }
  removeItem(k) {
    this.map.delete(k);
  }
}

const quiet = { warn: () => {}, warnings: [] };
const recordingLog = () => ({
  warnings: [],
  warn(message) {
    this.warnings.push(message);
  },
});
const blob = (size) => ({ size });
const chunk = (stream, segment, n, size = 10) => ({
  stream,
  segment,
  chunk: n,
  blob: blob(size),
  segmentStart: '2026-12-01T09:00:00.000Z',
});
const failure = (status, code = `http-${status}`) => Object.assign(new Error(code), { status, code });
const key = (item) => `${item.stream}/${item.segment}/${item.chunk}`;

test('segments are numbered from 0 per stream and a reload goes on with the next number', () => {
  const storage = new MemoryStorage();
  const counter = new SegmentCounter(storage, 'emtihan.segments.a1');
  assert.equal(counter.next('camera'), 0);
  assert.equal(counter.next('camera'), 1);
  assert.equal(counter.next('screen'), 0);
  const afterReload = new SegmentCounter(storage, 'emtihan.segments.a1');
  assert.equal(afterReload.peek('camera'), 2);
  assert.equal(afterReload.next('camera'), 2, 'the segment already uploaded is not written over');
  assert.equal(afterReload.next('screen'), 1);
  assert.equal(new SegmentCounter(storage, 'emtihan.segments.other').next('camera'), 0, 'each attempt counts alone');
});

test('a new tab starts after the segments the server already has', () => {
  const fresh = new SegmentCounter(new MemoryStorage(), 'emtihan.segments.a2');
  fresh.atLeast('camera', 4);
  fresh.atLeast('screen', 0);
  assert.equal(fresh.next('camera'), 4, 'segments 0..3 are on the server: not overwritten');
  assert.equal(fresh.next('screen'), 0);
  fresh.atLeast('camera', 2);
  assert.equal(fresh.next('camera'), 5, 'never goes back');
});

test('segment numbering survives broken or missing storage', () => {
  const storage = new MemoryStorage();
  storage.setItem('k', '{not json');
  assert.equal(new SegmentCounter(storage, 'k').next('camera'), 0);
  const throwing = {
    getItem() {
      throw new Error('denied');
    },
    setItem() {
      throw new Error('full');
    },
  };
  const counter = new SegmentCounter(throwing, 'k');
  assert.equal(counter.next('camera'), 0);
  assert.equal(counter.next('camera'), 1);
  assert.equal(new SegmentCounter(null, 'k').next('screen'), 0);
});

test('chunks go in order per stream, one request per stream at a time, streams side by side', async () => {
  const calls = [];
  const releases = [];
  const queue = new ChunkQueue({
    put: (item) => {
      calls.push(key(item));
      return new Promise((resolve) => releases.push(resolve));
    },
    log: quiet,
  });
  queue.add(chunk('camera', 0, 0));
  queue.add(chunk('camera', 0, 1));
  queue.add(chunk('screen', 0, 0));
  await settle();
  assert.deepEqual(calls, ['camera/0/0', 'screen/0/0']);
  assert.equal(queue.pending, 3);
  releases.shift()();
  await settle();
  assert.deepEqual(calls, ['camera/0/0', 'screen/0/0', 'camera/0/1']);
  releases.forEach((release) => release());
  await settle();
  releases.forEach((release) => release());
  await queue.drained();
  assert.equal(queue.pending, 0);
  assert.equal(queue.bytes, 0);
  assert.equal(queue.sent, 3);
});

test('network errors, 5xx and 429 keep the chunk at the head and retry with back-off; nothing overtakes it', async () => {
  const outcomes = [
    failure(0, 'network'),
    failure(503),
    failure(429, 'too-many-uploads'),
    failure(507, 'storage-full'),
  ];
  const calls = [];
  const queue = new ChunkQueue({
    put: (item) => {
      calls.push(key(item));
      const next = item.chunk === 0 ? outcomes.shift() : null;
      return next ? Promise.reject(next) : Promise.resolve({ stored: true });
    },
    retryFirstMs: 2,
    retryMaxMs: 8,
    log: quiet,
  });
  queue.add(chunk('camera', 3, 0));
  queue.add(chunk('camera', 3, 1));
  await queue.drained();
  assert.deepEqual(calls, ['camera/3/0', 'camera/3/0', 'camera/3/0', 'camera/3/0', 'camera/3/0', 'camera/3/1']);
  assert.equal(queue.sent, 2);
  assert.equal(queue.skipped, 0, 'nothing was dropped');
});

test('a 409 chunk-conflict, a 413 or another refusal is logged and skipped; the rest goes on', async () => {
  const log = recordingLog();
  const refusals = { 0: failure(409, 'chunk-conflict'), 1: failure(413, 'too-large'), 2: failure(403, 'forbidden') };
  const calls = [];
  const queue = new ChunkQueue({
    put: (item) => {
      calls.push(key(item));
      return refusals[item.chunk] ? Promise.reject(refusals[item.chunk]) : Promise.resolve({});
    },
    log,
  });
  for (let n = 0; n < 4; n += 1) queue.add(chunk('screen', 1, n));
  await queue.drained();
  assert.deepEqual(calls, ['screen/1/0', 'screen/1/1', 'screen/1/2', 'screen/1/3'], 'each sent exactly once');
  assert.equal(queue.skipped, 3);
  assert.equal(queue.sent, 1);
  assert.equal(log.warnings.length, 3);
  assert.match(log.warnings[0], /screen segment 1 chunk 0 refused \(409 chunk-conflict\)/);
});

test('while offline, unsent chunks are kept up to the memory bound; the oldest waiting one is dropped with a warning', async () => {
  const log = recordingLog();
  let online = false;
  const calls = [];
  const queue = new ChunkQueue({
    put: (item) => {
      calls.push(key(item));
      return online ? Promise.resolve({}) : Promise.reject(failure(0, 'network'));
    },
    maxBytes: 35,
    retryFirstMs: 60_000,
    log,
  });
  queue.add(chunk('camera', 0, 0, 10)); // in flight, then waiting for its retry at the head
  await settle();
  queue.add(chunk('camera', 0, 1, 10));
  queue.add(chunk('screen', 0, 0, 10)); // in flight, fails
  await settle();
  queue.add(chunk('camera', 0, 2, 10)); // 40 bytes > 35: the oldest waiting one goes
  assert.equal(queue.bytes, 30);
  assert.equal(queue.pending, 3);
  assert.equal(queue.dropped, 1);
  assert.equal(log.warnings.length, 1);
  assert.match(log.warnings[0], /dropped camera segment 0 chunk 0/);
  assert.equal(queue.retrying, true);

  online = true;
  calls.length = 0;
  queue.retryNow();
  await queue.drained();
  assert.deepEqual(calls.sort(), ['camera/0/1', 'camera/0/2', 'screen/0/0']);
  queue.close();
});

test('a chunk being sent is never the one dropped', async () => {
  const log = recordingLog();
  let release;
  const queue = new ChunkQueue({
    put: () =>
      new Promise((resolve) => {
        release = resolve;
      }),
    maxBytes: 15,
    log,
  });
  queue.add(chunk('camera', 0, 0, 10));
  await settle();
  queue.add(chunk('camera', 0, 1, 10));
  assert.equal(queue.pending, 1, 'the newer waiting chunk went, not the one in flight');
  assert.equal(queue.bytes, 10);
  release({});
  await queue.drained();
});

test('drained() waits for the last acknowledgement', async () => {
  let release;
  const queue = new ChunkQueue({
    put: () =>
      new Promise((resolve) => {
        release = resolve;
      }),
    log: quiet,
  });
  await queue.drained(); // empty: at once
  queue.add(chunk('camera', 0, 0));
  let drained = false;
  queue.drained().then(() => {
    drained = true;
  });
  await settle();
  assert.equal(drained, false);
  release({});
  await until(() => drained, 'the queue reports drained');
});

/** A MediaRecorder stand-in: start(timeslice) and stop() hand over chunks through dataavailable. */
class FakeRecorder extends EventTarget {
  static made = [];
  static isTypeSupported(type) {
    return type.startsWith('video/webm');
  }
  constructor(stream, options) {
    super();
    this.stream = stream;
    this.options = options;
    this.state = 'inactive';
    FakeRecorder.made.push(this);
  }
  start(timeslice) {
    this.timeslice = timeslice;
    this.state = 'recording';
  }
  emit(size = 5) {
    const e = new Event('dataavailable');
    e.data = { size };
    this.dispatchEvent(e);
  }
  stop() {
    this.state = 'inactive';
    this.emit(3); // the last piece of the segment
    this.dispatchEvent(new Event('stop'));
  }
}

test("the recorder restarts every segmentSeconds; chunks count from 0 per segment with the segment's server-clock start", async () => {
  FakeRecorder.made = [];
  const queued = [];
  const storage = new MemoryStorage();
  let serverNow = Date.parse('2026-12-01T09:00:00Z');
  const recorder = new StreamRecorder({
    name: 'camera',
    stream: { id: 'cam' },
    options: { mimeType: 'video/webm;codecs=vp8,opus', videoBitsPerSecond: 180000, audioBitsPerSecond: 24000 },
    chunkMillis: 1000,
    segmentSeconds: 60,
    counter: new SegmentCounter(storage, 'seg'),
    queue: { add: (item) => queued.push(item) },
    now: () => serverNow,
    Recorder: FakeRecorder,
    log: quiet,
  });
  recorder.start();
  const first = FakeRecorder.made[0];
  assert.equal(first.timeslice, 1000);
  assert.deepEqual(first.options, {
    mimeType: 'video/webm;codecs=vp8,opus',
    videoBitsPerSecond: 180000,
    audioBitsPerSecond: 24000,
  });
  first.emit();
  first.emit(0); // empty pieces are not chunks
  first.emit();
  serverNow += 60_000;
  clearTimeout(recorder.timer);
  recorder.rotate(); // what the segment timer does
  const second = FakeRecorder.made[1];
  second.emit();
  await recorder.stop();
  assert.deepEqual(
    queued.map((q) => [q.segment, q.chunk, q.blob.size, q.segmentStart]),
    [
      [0, 0, 5, '2026-12-01T09:00:00.000Z'],
      [0, 1, 5, '2026-12-01T09:00:00.000Z'],
      [0, 2, 3, '2026-12-01T09:00:00.000Z'], // the old recorder's last piece still belongs to segment 0
      [1, 0, 5, '2026-12-01T09:01:00.000Z'],
      [1, 1, 3, '2026-12-01T09:01:00.000Z'],
    ],
  );
  const bySegment = (s) => queued.filter((q) => q.segment === s).map((q) => q.chunk);
  assert.deepEqual(bySegment(0), [0, 1, 2]);
  assert.deepEqual(bySegment(1), [0, 1]);
  assert.ok(queued.filter((q) => q.segment === 1).every((q) => q.segmentStart === '2026-12-01T09:01:00.000Z'));
  assert.ok(queued.every((q) => q.stream === 'camera'));
  assert.equal(recorder.running, false);
  assert.equal(JSON.parse(storage.getItem('seg')).camera, 2, 'the next segment after a reload is 2');
});

test('recorder options fall back to plain WebM when the exact codecs are not supported', () => {
  const only = (types) => ({ isTypeSupported: (type) => types.includes(type) });
  assert.equal(
    recorderOptions({ mimeType: 'video/webm;codecs=vp8,opus' }, only(['video/webm;codecs=vp8'])).mimeType,
    'video/webm;codecs=vp8',
  );
  assert.equal(recorderOptions({ mimeType: 'video/webm;codecs=vp8' }, only(['video/webm'])).mimeType, 'video/webm');
  assert.deepEqual(recorderOptions({ mimeType: 'x', videoBitsPerSecond: 120000, audioBitsPerSecond: 0 }, only([])), {
    videoBitsPerSecond: 120000,
  });
});
