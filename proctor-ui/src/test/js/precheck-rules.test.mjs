// Unit tests of the pre-check's decisions (lib/proctoring/precheck-rules.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bandwidthCheck,
  browserCheck,
  cameraCheck,
  displayCheck,
  faceCheck,
  isProctored,
  needsOf,
  overall,
  requiredBitsPerSecond,
  screenCheck,
} from '../../main/web/lib/proctoring/precheck-rules.js';

const all = needsOf({ camera: true, screen: true, identity: true });
const settings = {
  uploadBitsPerSecond: 324000,
  recorders: {
    camera: { videoBitsPerSecond: 180000, audioBitsPerSecond: 24000 },
    screen: { videoBitsPerSecond: 120000, audioBitsPerSecond: 0 },
  },
};
const fullBrowser = {
  mediaRecorder: true,
  vp8: true,
  getUserMedia: true,
  getDisplayMedia: true,
  webSocket: true,
  peerConnection: true,
};

test('what an exam needs follows its proctoring flags; identity alone needs the camera but no microphone', () => {
  assert.deepEqual(needsOf(null), { camera: false, audio: false, screen: false, recording: false, any: false });
  assert.equal(isProctored({ camera: false, screen: false, identity: false }), false);
  const identityOnly = needsOf({ identity: true });
  assert.equal(identityOnly.camera, true);
  assert.equal(identityOnly.audio, false);
  assert.equal(identityOnly.recording, false);
  assert.equal(isProctored({ identity: true }), true);
  assert.deepEqual(all, { camera: true, audio: true, screen: true, recording: true, any: true });
});

test('a browser passes with everything and fails naming each missing piece', () => {
  assert.equal(browserCheck(fullBrowser, all).status, 'pass');
  const old = browserCheck({ ...fullBrowser, vp8: false, getDisplayMedia: false, peerConnection: false }, all);
  assert.equal(old.status, 'fail');
  assert.deepEqual(old.missing, ['vp8', 'webrtc', 'screen-api']);
  assert.deepEqual(
    browserCheck({ ...fullBrowser, mediaRecorder: false, vp8: false }, all).missing,
    ['media-recorder'],
    'no MediaRecorder at all is one problem, not two',
  );
  assert.equal(
    browserCheck({ ...fullBrowser, getDisplayMedia: false }, needsOf({ camera: true })).status,
    'pass',
    'screen capture is only needed when the screen is recorded',
  );
});

test('camera: permission errors become reasons with a fix; a missing microphone fails a recorded exam', () => {
  assert.deepEqual(cameraCheck({ error: 'NotAllowedError' }, all), { status: 'fail', reason: 'denied' });
  assert.equal(cameraCheck({ error: 'NotFoundError' }, all).reason, 'no-device');
  assert.equal(cameraCheck({ error: 'NotReadableError' }, all).reason, 'busy');
  assert.equal(cameraCheck({ error: 'SecurityError' }, all).reason, 'insecure');
  assert.equal(cameraCheck({ error: 'WeirdError' }, all).reason, 'failed');
  assert.equal(cameraCheck({ error: null, videoTracks: 1, audioTracks: 0 }, all).reason, 'no-audio');
  assert.equal(cameraCheck({ error: null, videoTracks: 0, audioTracks: 1 }, all).reason, 'no-video');
  assert.equal(cameraCheck({ error: null, videoTracks: 1, audioTracks: 1 }, all).status, 'pass');
  assert.equal(
    cameraCheck({ error: null, videoTracks: 1, audioTracks: 0 }, needsOf({ identity: true })).status,
    'pass',
  );
  assert.equal(cameraCheck({ error: null }, needsOf({ screen: true })).status, 'skip');
});

test('screen: only the entire screen passes; a window or a tab is refused with its own reason', () => {
  assert.equal(screenCheck({ error: null, displaySurface: 'monitor' }, all).status, 'pass');
  assert.deepEqual(screenCheck({ error: null, displaySurface: 'window' }, all), {
    status: 'fail',
    reason: 'not-monitor-window',
    surface: 'window',
  });
  assert.equal(screenCheck({ error: null, displaySurface: 'browser' }, all).reason, 'not-monitor-browser');
  assert.equal(
    screenCheck({ error: null, displaySurface: undefined }, all).reason,
    'surface-unknown',
    'a browser that does not say what is shared is refused',
  );
  assert.equal(screenCheck({ error: 'NotAllowedError' }, all).reason, 'denied');
  assert.equal(screenCheck({ error: null }, needsOf({ camera: true })).status, 'skip');
});

test('a second display fails where the browser can tell, and is "cannot tell" elsewhere', () => {
  assert.equal(displayCheck(true, all).status, 'fail');
  assert.equal(displayCheck(false, all).status, 'pass');
  assert.deepEqual(displayCheck(undefined, all), { status: 'unknown', reason: 'cannot-tell' });
});

test('the upload needed counts only the streams the exam records', () => {
  assert.equal(requiredBitsPerSecond(settings, all), 324000);
  assert.equal(requiredBitsPerSecond(settings, needsOf({ screen: true })), 120000);
  assert.equal(requiredBitsPerSecond(settings, needsOf({ camera: true })), 204000);
  assert.equal(
    requiredBitsPerSecond({ uploadBitsPerSecond: 5000 }, all),
    5000,
    'without recorders: the settings figure',
  );
});

test('bandwidth passes at twice the need, warns between once and twice, fails below', () => {
  const need = 324000;
  // 256 KB in 1 s = 2 097 152 bit/s
  const fast = bandwidthCheck({ bytes: 262144, millis: 1000 }, need, all);
  assert.equal(fast.status, 'pass');
  assert.equal(fast.bitsPerSecond, 2097152);
  assert.equal(
    bandwidthCheck({ bytes: 262144, millis: (1000 * 2097152) / 648000 }, need, all).status,
    'pass',
    'exactly twice passes',
  );
  assert.equal(bandwidthCheck({ bytes: 262144, millis: 5000 }, need, all).status, 'warn'); // 419 430 bit/s
  assert.equal(bandwidthCheck({ bytes: 262144, millis: 10000 }, need, all).status, 'fail'); // 209 715 bit/s
  assert.equal(bandwidthCheck({ error: 'network' }, need, all).status, 'unknown');
  assert.equal(bandwidthCheck({ bytes: 1, millis: 1 }, need, needsOf({ identity: true })).status, 'skip');
});

test('overall: blocking failures stop the student; a slow upload only warns; nothing is done while pending', () => {
  const pass = { status: 'pass' };
  const good = { browser: pass, camera: pass, face: pass, screen: pass, display: pass, bandwidth: pass };
  assert.deepEqual(overall(good, all), { done: true, canContinue: true, blocking: [], warnings: [] });
  assert.equal(overall({ ...good, camera: { status: 'pending' } }, all).canContinue, false);
  assert.equal(overall({ ...good, bandwidth: { status: 'running' } }, all).done, false);
  const window = overall({ ...good, screen: { status: 'fail' } }, all);
  assert.deepEqual(window.blocking, ['screen']);
  assert.equal(window.canContinue, false);
  const slow = overall({ ...good, bandwidth: { status: 'fail' }, display: { status: 'unknown' } }, all);
  assert.equal(slow.canContinue, true);
  assert.deepEqual(slow.warnings, ['bandwidth']);
  const cameraOnly = needsOf({ camera: true });
  assert.equal(
    overall({ browser: pass, camera: pass, face: pass, display: pass, bandwidth: pass }, cameraOnly).canContinue,
    true,
    'the screen is not asked for when it is not recorded',
  );
  const noFace = overall({ ...good, face: { status: 'fail' } }, all);
  assert.deepEqual(noFace.blocking, ['face'], 'a camera with no face in it stops the student');
  assert.equal(overall({ ...good, face: { status: 'pending' } }, all).done, false);
});

test('faceCheck: the server found no face → refused; too dark → refused; the request failed → cannot tell', () => {
  assert.deepEqual(faceCheck({ ok: true, faces: 1, problem: null }), { status: 'pass', reason: 'found' });
  assert.deepEqual(faceCheck({ ok: true, faces: 2, problem: null }), { status: 'pass', reason: 'several' });
  assert.deepEqual(faceCheck({ ok: false, faces: 0, problem: 'no-face' }), { status: 'fail', reason: 'no-face' });
  assert.deepEqual(faceCheck({ ok: false, faces: 0, problem: 'too-dark' }), { status: 'fail', reason: 'too-dark' });
  assert.deepEqual(faceCheck({ error: 'too-many-prechecks' }), { status: 'unknown', reason: 'too-many' });
  assert.deepEqual(faceCheck({ error: 'network' }), { status: 'unknown', reason: 'failed' });
});
