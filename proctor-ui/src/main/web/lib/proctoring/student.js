/**
 * Proctoring on the student's attempt page (docs/proctoring.md; clause 5.17.2): everything the page does
 * for a proctored exam, so that pages/attempt.js only calls prepare(), onMessage(), stopRecording() and
 * flush().
 *
 * prepare() leads the student through the steps before the questions: share the camera (with microphone)
 * and the entire screen; the identity photos when the exam asks for them; under the "wait" policy, wait
 * for the proctor's approval (the attempt is fetched again then, with its questions); then begin the test
 * in full screen. Recording starts as soon as the streams are there: one MediaRecorder per stream,
 * restarted every segmentSeconds, its chunks uploaded in order by a ChunkQueue. Snapshots (every
 * snapshotSeconds) start when the questions are served (the server expects them from then), the behaviour
 * events with the test. Proctors' live-view requests are answered
 * with the camera and screen tracks (peers.js).
 *
 * The steps before the questions (camera and screen, identity, full screen) are in student-setup.js and the
 * live messages (proctor's message, identity decision, live view, media server) in student-live.js: their
 * methods are mixed into ProctoredAttempt, so that they share its state.
 */

import { ApiError, reportEvent, sendSnapshot, uploadChunk } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { EventReporter } from './events.js';
import { captureJpeg, stopStreams } from './media.js';
import { StudentPeers } from './peers.js';
import { needsOf } from './precheck-rules.js';
import { KurentoPublisher } from './kurento.js';
import { StreamRecorder } from './recorder.js';
import { SegmentCounter } from './segments.js';
import { LiveMessages } from './student-live.js';
import { SetupSteps } from './student-setup.js';
import { ChunkQueue } from './upload-queue.js';

const $ = (id) => document.getElementById(id);
const SNAPSHOT_SIZE = { width: 640, height: 480 };

export class ProctoredAttempt {
  /**
   * attempt: the attempt view (with proctoring); clock: {now()} on the server's clock; live: the socket
   * (send); layout: the questions' element, hidden while a step is shown; onUnauthorized: the session ended.
   */
  constructor({ attempt, clock, live, layout, onUnauthorized = () => {}, log = console }) {
    this.attempt = attempt;
    this.settings = attempt.proctoring;
    this.needs = needsOf(this.settings);
    this.records = { camera: Boolean(this.settings.camera), screen: Boolean(this.settings.screen) };
    this.clock = clock;
    this.live = live;
    this.layout = layout;
    this.onUnauthorized = onUnauthorized;
    this.log = log;
    this.streams = { camera: null, screen: null };
    this.recorders = {};
    this.snapshotTimer = null;
    this.snapshotBusy = false;
    this.listening = false;
    this.ended = false;
    this.identityStatus = this.settings.identityStatus ?? 'none';
    this.identityReason = this.settings.identityReason ?? null;
    this.identityWaiters = [];
    this.el = {
      setup: $('proctoring-setup'),
      setupHeading: $('setup-heading'),
      setupNeeds: $('setup-needs'),
      setupError: $('setup-error'),
      share: $('setup-share'),
      wait: $('identity-wait'),
      waitHeading: $('identity-wait-heading'),
      begin: $('proctoring-begin'),
      beginHeading: $('begin-heading'),
      beginButton: $('begin-test'),
      recording: $('recording'),
      recordingText: $('recording-text'),
      selfBox: $('self-view-box'),
      selfView: $('self-view'),
      alerts: $('proctoring-alerts'),
      message: $('proctor-message'),
      messageText: $('proctor-message-text'),
      messageTime: $('proctor-message-time'),
      messageOk: $('proctor-message-ok'),
    };
    this.el.messageOk.addEventListener('click', () => this.el.message.close());
    this.counter = new SegmentCounter(globalThis.sessionStorage ?? null, `emtihan.segments.${attempt.id}`);
    for (const [stream, n] of Object.entries(attempt.proctoring?.nextSegments ?? {})) this.counter.atLeast(stream, n);
    this.queue = new ChunkQueue({
      put: (item) => uploadChunk(attempt.id, item.stream, item.segment, item.chunk, item.blob, item.segmentStart),
      onChange: () => this.renderRecording(),
      log,
    });
    this.events = new EventReporter({
      send: (type, at) => reportEvent(attempt.id, type, at),
      now: () => clock.now(),
      log,
    });
    // with a media server the camera and screen go to it over WebRTC and it records them (docs/kurento.md)
    this.kurento = this.settings.kurento
      ? new KurentoPublisher({
          attemptId: attempt.id,
          send: (message) => this.live?.send(message),
          config: { iceServers: this.settings.iceServers ?? [] },
          log,
        })
      : null;
    this.peers = new StudentPeers({
      streams: () => this.streams,
      send: (to, data) => this.live?.send({ type: 'signal', attemptId: attempt.id, to, data }),
      config: { iceServers: this.settings.iceServers ?? [] },
      onChange: () => this.renderRecording(),
      log,
    });
    this.onOnline = () => {
      this.queue.retryNow();
      this.events.retryNow();
    };
    window.addEventListener('online', this.onOnline);
    this.behaviour = {
      visibilitychange: () => {
        if (document.visibilityState === 'hidden') this.events.report('tab-hidden');
      },
      blur: () => this.events.report('window-blur'),
      fullscreenchange: () => this.onFullscreenChange(),
      copy: () => this.events.report('copy'),
      paste: () => this.events.report('paste'),
    };
  }

  /**
   * The steps before the questions. Resolves with the attempt to show (fetched again after an identity
   * wait, so that it has its questions).
   */
  async prepare() {
    this.layout.hidden = true;
    await this.share();
    if (this.settings.identity) await this.identify();
    if (!this.records.camera) {
      // the camera was only needed for the identity photo: it is not kept on
      stopStreams(this.streams.camera);
      this.streams.camera = null;
      this.el.selfBox.hidden = true;
    }
    // the questions are served and the clock runs from here: the server expects snapshots from now (issue 10, 4)
    this.startSnapshots();
    await this.beginTest();
    this.layout.hidden = false;
    this.watchBehaviour();
    return this.attempt;
  }

  // Recording

  record(name, stream) {
    if (this.ended) return;
    if (this.kurento) {
      this.kurento.publish(name, stream);
      this.renderRecording();
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
    this.renderRecording();
  }

  // During the test

  watchBehaviour() {
    if (this.listening) return;
    this.listening = true;
    document.addEventListener('visibilitychange', this.behaviour.visibilitychange);
    window.addEventListener('blur', this.behaviour.blur);
    document.addEventListener('fullscreenchange', this.behaviour.fullscreenchange);
    document.addEventListener('copy', this.behaviour.copy);
    document.addEventListener('paste', this.behaviour.paste);
  }

  unwatchBehaviour() {
    if (!this.listening) return;
    this.listening = false;
    document.removeEventListener('visibilitychange', this.behaviour.visibilitychange);
    window.removeEventListener('blur', this.behaviour.blur);
    document.removeEventListener('fullscreenchange', this.behaviour.fullscreenchange);
    document.removeEventListener('copy', this.behaviour.copy);
    document.removeEventListener('paste', this.behaviour.paste);
  }

  onFullscreenChange() {
    if (document.fullscreenElement) {
      this.dismiss('fullscreen');
      return;
    }
    this.events.report('fullscreen-exit');
    this.alert('fullscreen', t('proctoring.fullscreenLeft'), t('proctoring.fullscreenBack'), () => {
      this.enterFullscreen();
      return true;
    });
  }

  startSnapshots() {
    if (!this.records.camera || !this.streams.camera) return;
    const every = Math.max(2, Number(this.settings.snapshotSeconds) || 10) * 1000;
    this.snapshotTimer = setInterval(() => this.snapshot(), every);
    setTimeout(() => this.snapshot(), 1000);
  }

  async snapshot() {
    if (this.snapshotBusy || this.ended || !this.streams.camera) return;
    this.snapshotBusy = true;
    try {
      const jpeg = await captureJpeg(this.el.selfView, { ...SNAPSHOT_SIZE, quality: 0.8 });
      if (jpeg) await sendSnapshot(this.attempt.id, jpeg);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.onUnauthorized();
      else this.log.warn?.(`snapshot not sent: ${err?.message ?? err}`);
    } finally {
      this.snapshotBusy = false;
    }
  }

  /** Shows or replaces the alert of a kind; action(button) → true when the problem is solved. */
  alert(kind, text, actionText, action, keepAction = false) {
    let box = this.el.alerts.querySelector(`[data-alert="${kind}"]`);
    if (!box) {
      box = h(
        'div',
        { class: 'notice notice-error proctoring-alert', role: 'alert', 'data-alert': kind },
        h('p', { class: 'alert-text' }),
        h('p', {}, h('button', { class: 'button', type: 'button' })),
      );
      this.el.alerts.append(box);
    }
    box.querySelector('.alert-text').textContent = text;
    const button = box.querySelector('button');
    button.textContent = actionText;
    if (action) {
      button.onclick = async () => {
        if (await action(button)) this.dismiss(kind);
      };
    } else if (!keepAction) {
      button.hidden = true;
    }
  }

  dismiss(kind) {
    this.el.alerts.querySelector(`[data-alert="${kind}"]`)?.remove();
  }

  renderRecording() {
    const { recording, recordingText } = this.el;
    const on = this.kurento
      ? this.kurento.publishing
      : Object.values(this.recorders)
          .filter((r) => r.running)
          .map((r) => r.name);
    recording.hidden =
      this.ended || (Object.keys(this.recorders).length === 0 && on.length === 0 && this.peers.watching === 0);
    recording.dataset.recording = on.join(' ');
    recording.dataset.pending = String(this.queue.pending);
    const parts = [];
    if (on.length > 0) parts.push(t(on.length === 2 ? 'proctoring.recordingBoth' : `proctoring.recording.${on[0]}`));
    else if (!this.ended) parts.push(t('proctoring.recordingPaused'));
    if (this.peers.watching > 0) parts.push(t('proctoring.watched'));
    if (this.queue.pending > 3) parts.push(t('proctoring.uploadsWaiting', { n: this.queue.pending }));
    recordingText.textContent = parts.join(' · ');
    recording.classList.toggle('recording-off', on.length === 0);
  }

  // The end

  /** Stops recording, snapshots, events and live views; resolves once the last chunks are queued. */
  async stopRecording() {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.snapshotTimer);
    this.unwatchBehaviour();
    this.peers.closeAll();
    this.kurento?.stopAll();
    await Promise.all(Object.values(this.recorders).map((r) => r.stop()));
    stopStreams(this.streams.camera, this.streams.screen);
    this.el.selfView.srcObject = null;
    this.el.alerts.replaceChildren();
    this.renderRecording();
    if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  }

  /**
   * Waits until every recorded chunk is uploaded, or until the server stops taking them (a minute after
   * the deadline and its grace), or until giveUp resolves. onProgress(pending) while it waits.
   */
  async flush({ deadline, graceMs = 20000, onProgress = () => {}, giveUp = new Promise(() => {}) }) {
    if (this.flushed) return this.queue.pending;
    this.flushed = true;
    const until = Date.parse(deadline) + graceMs + 60000;
    const report = () => onProgress(this.queue.pending);
    const previous = this.queue.onChange;
    this.queue.onChange = () => {
      previous();
      report();
    };
    report();
    const timeLeft = Math.max(5000, until - this.clock.now());
    await Promise.race([this.queue.drained(), giveUp, new Promise((resolve) => setTimeout(resolve, timeLeft))]);
    this.queue.onChange = previous;
    const left = this.queue.pending;
    if (left > 0) this.log.warn?.(`recording: ${left} chunks were not uploaded before leaving`);
    this.queue.close();
    this.events.close();
    window.removeEventListener('online', this.onOnline);
    return left;
  }
}

for (const part of [SetupSteps, LiveMessages]) {
  for (const name of Object.getOwnPropertyNames(part.prototype)) {
    if (name !== 'constructor')
      Object.defineProperty(ProctoredAttempt.prototype, name, Object.getOwnPropertyDescriptor(part.prototype, name));
  }
}
