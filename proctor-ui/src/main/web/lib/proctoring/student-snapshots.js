/**
 * Camera snapshots of a proctored attempt: every snapshotSeconds from when the questions are served (the server
 * expects them from then; issue 10, 4) until the end, taken from the self view and sent as JPEG.
 */

import { ApiError } from '../api/client.js';
import { sendSnapshot } from '../api/attempts.js';
import { captureJpeg } from './media.js';
import { snapshotEveryMs } from './student-words.js';

const SNAPSHOT_SIZE = { width: 640, height: 480 };

export class Snapshots {
  /** video: the self view; camera() → the camera's stream or null; run: {ended}; onUnauthorized: the session ended. */
  constructor({ attemptId, settings, video, camera, run, onUnauthorized, log }) {
    this.attemptId = attemptId;
    this.settings = settings;
    this.video = video;
    this.camera = camera;
    this.run = run;
    this.onUnauthorized = onUnauthorized;
    this.log = log;
    this.timer = null;
    this.busy = false;
  }

  /** Starts taking them when the camera is recorded and there. */
  start(records) {
    if (!records.camera || !this.camera()) return;
    this.timer = setInterval(() => this.take(), snapshotEveryMs(this.settings));
    setTimeout(() => this.take(), 1000);
  }

  stop() {
    clearInterval(this.timer);
  }

  async take() {
    if (this.busy || this.run.ended || !this.camera()) return;
    this.busy = true;
    try {
      const jpeg = await captureJpeg(this.video, { ...SNAPSHOT_SIZE, quality: 0.8 });
      if (jpeg) await sendSnapshot(this.attemptId, jpeg);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.onUnauthorized();
      else this.log.warn?.(`snapshot not sent: ${err?.message ?? err}`);
    } finally {
      this.busy = false;
    }
  }
}
