/**
 * The pre-check's decisions (precheck.html), as pure functions of what the page found out, so that they
 * can be tested without a browser. Each check answers {status, reason, ...}: status is 'pass', 'warn'
 * (may go on, but should fix it), 'fail', 'unknown' (the browser cannot tell) or 'skip' (the exam does not
 * need it); reason is a short code the page turns into words and into what to fix.
 */

/** What an exam's proctoring {camera, screen, identity} asks of the browser. */
export function needsOf(proctoring) {
  const p = proctoring ?? {};
  const camera = Boolean(p.camera);
  const screen = Boolean(p.screen);
  const identity = Boolean(p.identity);
  return {
    camera: camera || identity, // the identity photo is taken with the camera
    audio: camera, // the camera recording carries the microphone
    screen,
    recording: camera || screen,
    any: camera || screen || identity,
  };
}

/** True when the exam asks for any proctoring at all. */
export function isProctored(proctoring) {
  return needsOf(proctoring).any;
}

/**
 * facts: {mediaRecorder, vp8, getUserMedia, getDisplayMedia, webSocket, peerConnection}, each a boolean.
 * → {status: 'pass'|'fail', missing: [code…]} listing what this browser lacks for this exam.
 */
export function browserCheck(facts, needs) {
  const missing = [];
  if (!facts.webSocket) missing.push('websocket');
  if (needs.recording) {
    if (!facts.mediaRecorder) missing.push('media-recorder');
    else if (!facts.vp8) missing.push('vp8');
    if (!facts.peerConnection) missing.push('webrtc');
  }
  if (needs.camera && !facts.getUserMedia) missing.push('camera-api');
  if (needs.screen && !facts.getDisplayMedia) missing.push('screen-api');
  return {
    status: missing.length === 0 ? 'pass' : 'fail',
    missing,
    reason: missing.length === 0 ? 'supported' : 'unsupported',
  };
}

/** The getUserMedia / getDisplayMedia error names (DOMException.name) as reasons. */
const MEDIA_ERRORS = {
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'insecure',
  NotFoundError: 'no-device',
  DevicesNotFoundError: 'no-device',
  OverconstrainedError: 'no-device',
  NotReadableError: 'busy',
  TrackStartError: 'busy',
  AbortError: 'busy',
};

/**
 * Camera and microphone. found: {error: DOMException name | null, videoTracks, audioTracks} (counts of live
 * tracks obtained). → {status, reason}: pass, or fail with denied | insecure | no-device | busy | no-video |
 * no-audio | failed.
 */
export function cameraCheck(found, needs) {
  if (!needs.camera) return { status: 'skip', reason: 'not-needed' };
  if (found.error) return { status: 'fail', reason: MEDIA_ERRORS[found.error] ?? 'failed' };
  if (!(found.videoTracks > 0)) return { status: 'fail', reason: 'no-video' };
  if (needs.audio && !(found.audioTracks > 0)) return { status: 'fail', reason: 'no-audio' };
  return { status: 'pass', reason: needs.audio ? 'camera-and-microphone' : 'camera' };
}

/**
 * Screen sharing of the entire screen (5.17.2: the whole screen is watched). found: {error: DOMException name
 * | null, displaySurface: 'monitor' | 'window' | 'browser' | undefined}. Anything but a whole monitor is
 * refused: a window or a tab would hide the rest of the screen. → {status, reason, surface}.
 */
export function screenCheck(found, needs) {
  if (!needs.screen) return { status: 'skip', reason: 'not-needed' };
  if (found.error) {
    const reason = found.error === 'NotAllowedError' ? 'denied' : (MEDIA_ERRORS[found.error] ?? 'failed');
    return { status: 'fail', reason };
  }
  if (found.displaySurface === 'monitor') return { status: 'pass', reason: 'monitor', surface: 'monitor' };
  if (found.displaySurface === 'window' || found.displaySurface === 'browser') {
    return { status: 'fail', reason: `not-monitor-${found.displaySurface}`, surface: found.displaySurface };
  }
  return { status: 'fail', reason: 'surface-unknown', surface: found.displaySurface ?? null };
}

/** A second display, where the browser says (window.screen.isExtended; undefined when it cannot tell). */
export function displayCheck(isExtended, needs) {
  if (!needs.screen && !needs.camera) return { status: 'skip', reason: 'not-needed' };
  if (isExtended === true) return { status: 'fail', reason: 'extended' };
  if (isExtended === false) return { status: 'pass', reason: 'single' };
  return { status: 'unknown', reason: 'cannot-tell' };
}

/**
 * The upload rate the recordings of this exam need, in bits per second: the recorders' own rates for the
 * streams the exam records, else the settings' uploadBitsPerSecond (which counts both).
 */
export function requiredBitsPerSecond(settings, needs) {
  const recorders = settings?.recorders;
  if (recorders && (recorders.camera || recorders.screen)) {
    const rate = (r) => (Number(r?.videoBitsPerSecond) || 0) + (Number(r?.audioBitsPerSecond) || 0);
    let sum = 0;
    if (needs.camera && needs.audio) sum += rate(recorders.camera);
    if (needs.screen) sum += rate(recorders.screen);
    if (sum > 0) return sum;
  }
  return Number(settings?.uploadBitsPerSecond) || 0;
}

/** How much faster than needed the upload must be to pass: the network is shared and it varies. */
export const BANDWIDTH_MARGIN = 2;

/**
 * measured: {bytes, millis} of a timed upload, or {error} when it failed; required: bits per second.
 * → {status, reason, bitsPerSecond, required}: pass at twice the need or more; warn from the need up to
 * twice it; fail below the need (the recording falls behind and the proctor sees gaps); unknown when
 * the upload failed.
 */
export function bandwidthCheck(measured, required, needs) {
  if (!needs.recording) return { status: 'skip', reason: 'not-needed', bitsPerSecond: null, required };
  if (!measured || measured.error || !(measured.millis > 0) || !(measured.bytes > 0)) {
    return { status: 'unknown', reason: 'not-measured', bitsPerSecond: null, required };
  }
  const bitsPerSecond = Math.round((measured.bytes * 8 * 1000) / measured.millis);
  if (bitsPerSecond >= required * BANDWIDTH_MARGIN) return { status: 'pass', reason: 'fast', bitsPerSecond, required };
  if (bitsPerSecond >= required) return { status: 'warn', reason: 'tight', bitsPerSecond, required };
  return { status: 'fail', reason: 'slow', bitsPerSecond, required };
}

/** Checks whose failure stops the student from going on; a slow upload only warns. */
export const BLOCKING = ['browser', 'camera', 'face', 'screen', 'display'];

/**
 * The server's face test on one camera frame (POST /proctoring/precheck/face → {ok, faces, problem}) as a check
 * result: a camera in which no face is found is refused before anything starts (issue 10, 4). An error of the
 * request itself (the server busy, a limit reached) cannot tell.
 */
export function faceCheck(answer) {
  if (!answer || answer.error)
    return { status: 'unknown', reason: answer?.error === 'too-many-prechecks' ? 'too-many' : 'failed' };
  if (answer.ok) return { status: 'pass', reason: answer.faces > 1 ? 'several' : 'found' };
  return { status: 'fail', reason: answer.problem === 'too-dark' ? 'too-dark' : 'no-face' };
}

/**
 * results: {browser, camera, screen, display, bandwidth} (any may be missing while not yet run).
 * → {done, canContinue, blocking: [names that fail and block], warnings: [names that warn or fail without blocking]}
 */
export function overall(results, needs) {
  const wanted = ['browser', 'camera', 'face', 'screen', 'display', 'bandwidth'].filter((name) => {
    if (name === 'camera' || name === 'face') return needs.camera;
    if (name === 'screen') return needs.screen;
    if (name === 'display') return needs.screen || needs.camera;
    if (name === 'bandwidth') return needs.recording;
    return true;
  });
  const done = wanted.every(
    (name) => results[name] && results[name].status !== 'running' && results[name].status !== 'pending',
  );
  const blocking = wanted.filter((name) => BLOCKING.includes(name) && results[name]?.status === 'fail');
  const warnings = wanted.filter((name) => {
    const status = results[name]?.status;
    return status === 'warn' || (status === 'fail' && !BLOCKING.includes(name));
  });
  return { done, canContinue: done && blocking.length === 0, blocking, warnings };
}
