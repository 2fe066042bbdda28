// What the proctoring parts of the student's attempt page say and decide, without the DOM (issue 11, 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  flushUntil,
  recordingLine,
  setupNeedKeys,
  shareKey,
  snapshotEveryMs,
} from '../../main/web/lib/proctoring/student-words.js';

test('the list before sharing names what the exam records and checks; behaviour events always', () => {
  assert.deepEqual(setupNeedKeys({ camera: true, screen: true }, { identity: true }), [
    'proctoring.needCamera',
    'proctoring.needScreen',
    'proctoring.needIdentity',
    'proctoring.needEvents',
  ]);
  assert.deepEqual(setupNeedKeys({ camera: false, screen: false }, {}), ['proctoring.needEvents']);
});

test('the share button asks for what is needed', () => {
  assert.equal(shareKey({ camera: true, screen: true }), 'proctoring.shareBoth');
  assert.equal(shareKey({ camera: false, screen: true }), 'proctoring.shareScreen');
  assert.equal(shareKey({ camera: true, screen: false }), 'proctoring.shareCamera');
});

const idle = { on: [], ended: false, anyRecorder: false, watching: 0, pending: 0 };

test('the recording line is hidden until something records or a proctor watches, and after the end', () => {
  assert.equal(recordingLine(idle).hidden, true);
  assert.equal(recordingLine({ ...idle, watching: 1 }).hidden, false);
  assert.equal(recordingLine({ ...idle, anyRecorder: true }).hidden, false, 'a stopped recorder says paused');
  assert.equal(recordingLine({ ...idle, on: ['camera'], ended: true }).hidden, true);
});

test('the recording line says what records, paused, watched and a long upload queue', () => {
  const both = recordingLine({ ...idle, on: ['camera', 'screen'], anyRecorder: true, watching: 2, pending: 4 });
  assert.deepEqual(both.parts, [
    ['proctoring.recordingBoth', {}],
    ['proctoring.watched', {}],
    ['proctoring.uploadsWaiting', { n: 4 }],
  ]);
  assert.equal(both.recording, 'camera screen');
  assert.equal(both.pending, '4');
  assert.equal(both.off, false);
  assert.deepEqual(recordingLine({ ...idle, on: ['screen'], pending: 3 }).parts, [['proctoring.recording.screen', {}]]);
  const paused = recordingLine({ ...idle, anyRecorder: true });
  assert.deepEqual(paused.parts, [['proctoring.recordingPaused', {}]]);
  assert.equal(paused.off, true);
  assert.deepEqual(recordingLine({ ...idle, ended: true }).parts, [], 'nothing paused after the end');
});

test('snapshots come every snapshotSeconds, never more often than every 2 s, every 10 s when unset', () => {
  assert.equal(snapshotEveryMs({ snapshotSeconds: 15 }), 15000);
  assert.equal(snapshotEveryMs({ snapshotSeconds: 1 }), 2000);
  assert.equal(snapshotEveryMs({}), 10000);
  assert.equal(snapshotEveryMs({ snapshotSeconds: 'x' }), 10000);
});

test('the page waits for its last chunks until a minute after the deadline and its grace', () => {
  assert.equal(flushUntil('2026-06-01T09:00:00Z', 20000), Date.parse('2026-06-01T09:00:00Z') + 80000);
});
