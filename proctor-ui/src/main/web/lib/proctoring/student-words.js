/**
 * What the proctoring parts of the student's attempt page say and decide, without the DOM (lib/proctoring/student*.js
 * draw it): the needs listed before sharing, the share button's words, the recording line, and how often a
 * snapshot is taken. Messages are keys of lib/messages with their parameters.
 */

/** The list before sharing: what this exam records and checks. */
export function setupNeedKeys(records, settings) {
  return [
    records.camera ? 'proctoring.needCamera' : null,
    records.screen ? 'proctoring.needScreen' : null,
    settings.identity ? 'proctoring.needIdentity' : null,
    'proctoring.needEvents',
  ].filter(Boolean);
}

/** The share button: the screen and the camera, or only one of them. */
export function shareKey(needs) {
  if (!needs.screen) return 'proctoring.shareCamera';
  return needs.camera ? 'proctoring.shareBoth' : 'proctoring.shareScreen';
}

/**
 * The recording line: on (the streams being recorded: names), ended, whether any recorder was ever made, how
 * many proctors watch live and how many chunks wait to be uploaded. hidden before anything records or watches
 * and after the end; parts are [key, params] joined with " · "; off when nothing records now.
 */
export function recordingLine({ on, ended, anyRecorder, watching, pending }) {
  const parts = [];
  if (on.length > 0) parts.push([on.length === 2 ? 'proctoring.recordingBoth' : `proctoring.recording.${on[0]}`, {}]);
  else if (!ended) parts.push(['proctoring.recordingPaused', {}]);
  if (watching > 0) parts.push(['proctoring.watched', {}]);
  if (pending > 3) parts.push(['proctoring.uploadsWaiting', { n: pending }]);
  return {
    hidden: ended || (!anyRecorder && on.length === 0 && watching === 0),
    recording: on.join(' '),
    pending: String(pending),
    parts,
    off: on.length === 0,
  };
}

/** Milliseconds between camera snapshots: the exam's snapshotSeconds, at least 2 s, 10 s when unset. */
export function snapshotEveryMs(settings) {
  return Math.max(2, Number(settings.snapshotSeconds) || 10) * 1000;
}

/** When the page stops waiting for its last chunks: a minute after the deadline and its grace. */
export function flushUntil(deadline, graceMs) {
  return Date.parse(deadline) + graceMs + 60000;
}
