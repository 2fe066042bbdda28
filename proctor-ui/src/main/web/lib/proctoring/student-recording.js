/**
 * The recording of a proctored attempt (docs/proctoring.md; docs/kurento.md): one MediaRecorder per stream,
 * restarted every segmentSeconds, its chunks uploaded in order by a ChunkQueue; or, with a media server, the
 * streams published to it over WebRTC (it records them). Also the recording line the student sees.
 */

import { uploadChunk } from '../api/attempts.js';
import { t } from '../i18n.js';
import { KurentoPublisher } from './kurento.js';
import { StreamRecorder } from './recorder.js';
import { SegmentCounter } from './segments.js';
import { recordingLine } from './student-words.js';
import { ChunkQueue } from './upload-queue.js';

export class StudentRecording {
  /**
   * attempt: the attempt view; clock: {now()} on the server's clock; live: the socket (send); el: {recording,
   * recordingText}; run: {ended} shared by the parts of the attempt; watching() → proctors watching live now.
   */
  constructor({ attempt, clock, live, el, run, watching, log }) {
    const settings = attempt.proctoring;
    this.settings = settings;
    this.clock = clock;
    this.el = el;
    this.run = run;
    this.watching = watching;
    this.log = log;
    this.recorders = {};
    this.counter = new SegmentCounter(globalThis.sessionStorage ?? null, `emtihan.segments.${attempt.id}`);
    for (const [stream, n] of Object.entries(settings.nextSegments ?? {})) this.counter.atLeast(stream, n);
    this.queue = new ChunkQueue({
      put: (item) => uploadChunk(attempt.id, item.stream, item.segment, item.chunk, item.blob, item.segmentStart),
      onChange: () => this.render(),
      log,
    });
    this.kurento = settings.kurento
      ? new KurentoPublisher({
          attemptId: attempt.id,
          send: (message) => live?.send(message),
          config: { iceServers: settings.iceServers ?? [] },
          recorders: settings.recorders ?? {},
          log,
        })
      : null;
  }

  /** Records the stream under its name (camera, screen); a stream shared again replaces the old one. */
  record(name, stream) {
    if (this.run.ended) return;
    if (this.kurento) {
      this.kurento.publish(name, stream);
      this.render();
      return;
    }
    const existing = this.recorders[name];
    if (existing) {
      existing.switchTo(stream);
    } else {
      const r = this.settings.recorders?.[name] ?? {};
      this.recorders[name] = new StreamRecorder({
        name,
        stream,
        options: {
          mimeType: r.mimeType,
          videoBitsPerSecond: r.videoBitsPerSecond,
          audioBitsPerSecond: name === 'camera' ? r.audioBitsPerSecond : 0,
        },
        chunkMillis: this.settings.chunkMillis ?? 1000,
        segmentSeconds: this.settings.segmentSeconds ?? 60,
        counter: this.counter,
        queue: this.queue,
        now: () => this.clock.now(),
        log: this.log,
      });
      this.recorders[name].start();
    }
    this.render();
  }

  /** The stream's track ended: its recording stops until it is shared again. */
  pause(name) {
    if (this.recorders[name]) this.recorders[name].stop();
    this.kurento?.stop(name);
    this.render();
  }

  /** The media server's answer (media, media-lost); true when it was one. */
  onMediaMessage(message) {
    if (!this.kurento?.onMessage(message)) return false;
    this.render();
    return true;
  }

  /** Stops publishing and every recorder; resolves once their last chunks are queued. */
  async stop() {
    this.kurento?.stopAll();
    await Promise.all(Object.values(this.recorders).map((r) => r.stop()));
  }

  render() {
    const { recording, recordingText } = this.el;
    const on = this.kurento
      ? this.kurento.publishing
      : Object.values(this.recorders)
          .filter((r) => r.running)
          .map((r) => r.name);
    const line = recordingLine({
      on,
      ended: this.run.ended,
      anyRecorder: Object.keys(this.recorders).length > 0,
      watching: this.watching(),
      pending: this.queue.pending,
    });
    recording.hidden = line.hidden;
    recording.dataset.recording = line.recording;
    recording.dataset.pending = line.pending;
    recordingText.textContent = line.parts.map(([key, params]) => t(key, params)).join(' · ');
    recording.classList.toggle('recording-off', line.off);
  }
}
