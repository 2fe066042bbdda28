/**
 * Proctoring on the student's attempt page (docs/proctoring.md; clause 5.17.2): everything the page does for a
 * proctored exam, so that pages/attempt/attempt.js only calls prepare(), onMessage(), stopRecording() and flush().
 *
 * ProctoredAttempt puts together parts that each do one job and says in which order they run:
 * - SetupSteps (student-setup.js): share the camera and the screen, then begin the test in full screen;
 * - IdentityFlow (student-identity.js): the identity photos, the wait for the proctor, the attempt fetched again;
 * - StudentMedia (student-media.js): the streams in use, a track that ends during the test;
 * - StudentRecording (student-recording.js): the recorders (or the media server) and the recording line;
 * - Snapshots (student-snapshots.js), BehaviourWatch (student-behaviour.js), Alerts (student-alerts.js);
 * - LiveMessages (student-live.js): the proctor's message, the identity decision, live views, the media server;
 * - StudentPeers (peers.js): proctors watching live, answered with the camera and screen tracks.
 * What they say and decide without the DOM is in student-words.js.
 */

import { reportEvent } from '../api/attempts.js';
import { t } from '../i18n.js';
import { EventReporter } from './events.js';
import { openCamera } from './media.js';
import { StudentPeers } from './peers.js';
import { needsOf } from './precheck-rules.js';
import { Alerts } from './student-alerts.js';
import { BehaviourWatch } from './student-behaviour.js';
import { IdentityFlow } from './student-identity.js';
import { LiveMessages } from './student-live.js';
import { StudentMedia } from './student-media.js';
import { StudentRecording } from './student-recording.js';
import { SetupSteps } from './student-setup.js';
import { Snapshots } from './student-snapshots.js';
import { flushUntil } from './student-words.js';

const $ = (id) => document.getElementById(id);

function elements() {
  return {
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
}

export class ProctoredAttempt {
  /**
   * attempt: the attempt view (with proctoring); clock: {now()} on the server's clock; live: the socket
   * (send); layout: the questions' element, hidden while a step is shown; onUnauthorized: the session ended.
   */
  constructor({ attempt, clock, live, layout, onUnauthorized = () => {}, log = console }) {
    const settings = attempt.proctoring;
    const needs = needsOf(settings);
    const records = { camera: Boolean(settings.camera), screen: Boolean(settings.screen) };
    const el = elements();
    /** Set once at the end: every part stops recording, reporting and asking. */
    const run = { ended: false };
    this.settings = settings;
    this.needs = needs;
    this.records = records;
    this.layout = layout;
    this.clock = clock;
    this.log = log;
    this.run = run;
    this.alerts = new Alerts(el.alerts);
    this.events = new EventReporter({
      send: (type, at) => reportEvent(attempt.id, type, at),
      now: () => clock.now(),
      log,
    });
    this.recording = new StudentRecording({ attempt, clock, live, el, run, watching: () => this.peers.watching, log });
    this.peers = new StudentPeers({
      streams: () => this.media.streams,
      send: (to, data) => live?.send({ type: 'signal', attemptId: attempt.id, to, data }),
      config: { iceServers: settings.iceServers ?? [] },
      onChange: () => this.recording.render(),
      log,
    });
    const { alerts, events, recording, peers } = this;
    this.media = new StudentMedia({ needs, settings, records, el, run, peers, recording, events, alerts });
    this.setup = new SetupSteps({ needs, settings, records, el, media: this.media, log });
    this.identity = new IdentityFlow({ attempt, el, camera: () => this.media.streams.camera, onUnauthorized });
    this.snapshots = new Snapshots({
      attemptId: attempt.id,
      settings,
      video: el.selfView,
      camera: () => this.media.streams.camera,
      run,
      onUnauthorized,
      log,
    });
    this.behaviour = new BehaviourWatch({ events, alerts, enterFullscreen: () => this.setup.enterFullscreen() });
    this.messages = new LiveMessages({
      attemptId: attempt.id,
      recording,
      peers,
      identity: this.identity,
      el,
      testing: () => this.behaviour.listening,
      retakeIdentity: (reason) => this.retakeIdentity(reason),
    });
    this.onOnline = () => {
      this.queue.retryNow();
      this.events.retryNow();
    };
    window.addEventListener('online', this.onOnline);
  }

  /** The attempt view to show: fetched again after the identity step, with its questions. */
  get attempt() {
    return this.identity.attempt;
  }

  /** The recording chunks waiting to be uploaded. */
  get queue() {
    return this.recording.queue;
  }

  /**
   * The steps before the questions. Resolves with the attempt to show (fetched again after an identity
   * wait, so that it has its questions).
   */
  async prepare() {
    this.layout.hidden = true;
    await this.setup.share();
    if (this.settings.identity) await this.identity.identify();
    // the camera was only needed for the identity photo: it is not kept on
    if (!this.records.camera) this.media.releaseCamera();
    // the questions are served and the clock runs from here: the server expects snapshots from now (issue 10, 4)
    this.snapshots.start(this.records);
    await this.setup.beginTest();
    this.layout.hidden = false;
    this.behaviour.watch();
    return this.attempt;
  }

  /** Live messages for proctoring; true when handled. */
  onMessage(message) {
    return this.messages.onMessage(message);
  }

  /** Under "review-later" a proctor rejected the photos during the test: take them again. */
  retakeIdentity(reason) {
    this.alerts.show(
      'identity',
      t('identity.rejected', { reason: reason || t('identity.rejectedNoReason') }),
      t('identity.again'),
      async () => {
        this.layout.hidden = true;
        this.behaviour.unwatch(); // choosing a file blurs the window: not an event to report
        this.identity.status = 'rejected';
        this.identity.reason = reason;
        const { streams } = this.media;
        if (!streams.camera) {
          const got = await openCamera(this.needs, this.settings);
          if (!got.stream) {
            this.layout.hidden = false;
            this.behaviour.watch();
            return false;
          }
          streams.camera = got.stream;
        }
        await this.identity.identify();
        if (!this.records.camera) this.media.releaseCamera();
        this.layout.hidden = false;
        this.behaviour.watch();
        return true;
      },
    );
  }

  /** Stops recording, snapshots, events and live views; resolves once the last chunks are queued. */
  async stopRecording() {
    if (this.run.ended) return;
    this.run.ended = true;
    this.snapshots.stop();
    this.behaviour.unwatch();
    this.peers.closeAll();
    await this.recording.stop();
    this.media.stop();
    this.alerts.clear();
    this.recording.render();
    if (document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
  }

  /**
   * Waits until every recorded chunk is uploaded, or until the server stops taking them (a minute after
   * the deadline and its grace), or until giveUp resolves. onProgress(pending) while it waits.
   */
  async flush({ deadline, graceMs = 20000, onProgress = () => {}, giveUp = new Promise(() => {}) }) {
    const { queue } = this;
    if (this.flushed) return queue.pending;
    this.flushed = true;
    const report = () => onProgress(queue.pending);
    const previous = queue.onChange;
    queue.onChange = () => {
      previous();
      report();
    };
    report();
    const timeLeft = Math.max(5000, flushUntil(deadline, graceMs) - this.clock.now());
    await Promise.race([queue.drained(), giveUp, new Promise((resolve) => setTimeout(resolve, timeLeft))]);
    queue.onChange = previous;
    const left = queue.pending;
    if (left > 0) this.log.warn?.(`recording: ${left} chunks were not uploaded before leaving`);
    queue.close();
    this.events.close();
    window.removeEventListener('online', this.onOnline);
    return left;
  }
}
