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
 * snapshotSeconds) and the behaviour events start with the test. Proctors' live-view requests are answered
 * with the camera and screen tracks (peers.js).
 */

import { ApiError, getAttempt, reportEvent, sendSnapshot, uploadChunk } from '../api.js';
import { h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { checkWords } from './check-words.js';
import { EventReporter } from './events.js';
import { IdentityStep } from './identity.js';
import { captureJpeg, checkBrowser, openCamera, openScreen, stopStreams } from './media.js';
import { StudentPeers } from './peers.js';
import { needsOf } from './precheck-rules.js';
import { KurentoPublisher } from './kurento.js';
import { StreamRecorder } from './recorder.js';
import { SegmentCounter } from './segments.js';
import { ChunkQueue } from './upload-queue.js';

const $ = (id) => document.getElementById(id);
const WAIT_POLL_MS = 10000;
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
    this.kurento = this.settings.kurento ? new KurentoPublisher({
      attemptId: attempt.id,
      send: (message) => this.live?.send(message),
      config: { iceServers: this.settings.iceServers ?? [] },
      log,
    }) : null;
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
      visibilitychange: () => { if (document.visibilityState === 'hidden') this.events.report('tab-hidden'); },
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
    await this.beginTest();
    this.layout.hidden = false;
    this.watchBehaviour();
    this.startSnapshots();
    return this.attempt;
  }

  // Step 1: camera and screen

  share() {
    const { setup, setupNeeds, share, setupError, setupHeading } = this.el;
    setupNeeds.replaceChildren(...[
      this.records.camera ? 'proctoring.needCamera' : null,
      this.records.screen ? 'proctoring.needScreen' : null,
      this.settings.identity ? 'proctoring.needIdentity' : null,
      'proctoring.needEvents',
    ].filter(Boolean).map((key) => h('li', { text: t(key) })));
    share.textContent = t(this.needs.screen ? (this.needs.camera ? 'proctoring.shareBoth' : 'proctoring.shareScreen') : 'proctoring.shareCamera');
    $('setup-screen-hint').hidden = !this.needs.screen;
    setup.hidden = false;
    setupHeading.focus();
    const browser = checkBrowser(this.needs, this.settings);
    if (browser.status !== 'pass') {
      this.showSetupProblems([['browser', browser]]);
      share.disabled = true;
      return new Promise(() => {}); // this browser cannot take the exam; the page says why
    }
    return new Promise((resolve) => {
      const onClick = async () => {
        share.disabled = true;
        setupError.hidden = true;
        // getDisplayMedia first: it needs the click's user activation, which an earlier await would spend;
        // the camera (which needs none) is asked for once the screen is chosen, one prompt at a time
        const gotScreen = this.needs.screen && !this.streams.screen ? await openScreen(this.needs, this.settings) : null;
        const gotCamera = this.needs.camera && !this.streams.camera ? await openCamera(this.needs, this.settings) : null;
        if (gotScreen?.stream) this.useScreen(gotScreen.stream);
        if (gotCamera?.stream) this.useCamera(gotCamera.stream);
        const problems = [];
        if (gotCamera && !gotCamera.stream) problems.push(['camera', gotCamera.result]);
        if (gotScreen && !gotScreen.stream) problems.push(['screen', gotScreen.result]);
        share.disabled = false;
        if (problems.length > 0) {
          this.showSetupProblems(problems);
          share.textContent = t('proctoring.shareAgain');
          return;
        }
        share.removeEventListener('click', onClick);
        setup.hidden = true;
        resolve();
      };
      share.addEventListener('click', onClick);
    });
  }

  showSetupProblems(problems) {
    const box = this.el.setupError;
    box.replaceChildren(h('ul', { class: 'check-problems' }, ...problems.map(([name, result]) => {
      const words = checkWords(name, result);
      return h('li', { 'data-check': name, 'data-reason': result.reason },
        h('strong', { text: words.line }), words.fix ? h('span', { class: 'check-fix', text: ` ${words.fix}` }) : null);
    })));
    box.hidden = false;
  }

  useCamera(stream) {
    const old = this.streams.camera;
    this.streams.camera = stream;
    this.el.selfView.srcObject = stream;
    this.el.selfView.play?.().catch(() => {});
    this.el.selfBox.hidden = false;
    const track = stream.getVideoTracks()[0];
    track?.addEventListener('ended', () => this.lost('camera'));
    if (old) {
      this.peers.replaceTrack(old.getVideoTracks()[0] ?? null, track ?? null);
      const oldAudio = old.getAudioTracks()[0];
      const audio = stream.getAudioTracks()[0];
      if (oldAudio || audio) this.peers.replaceTrack(oldAudio ?? null, audio ?? null);
      stopStreams(old);
    }
    if (this.records.camera) this.record('camera', stream);
  }

  useScreen(stream) {
    const old = this.streams.screen;
    // the screen's video only: a recorder given two video tracks silently records one
    const video = new MediaStream(stream.getVideoTracks());
    this.streams.screen = video;
    const track = video.getVideoTracks()[0];
    track?.addEventListener('ended', () => this.lost('screen'));
    if (old) {
      this.peers.replaceTrack(old.getVideoTracks()[0] ?? null, track ?? null);
      stopStreams(old);
    }
    if (this.records.screen) this.record('screen', video);
  }

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
        options: { mimeType: r.mimeType, videoBitsPerSecond: r.videoBitsPerSecond, audioBitsPerSecond: name === 'camera' ? r.audioBitsPerSecond : 0 },
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

  /** A track ended (sharing stopped, camera unplugged): reported, and the student is asked to share again. */
  lost(name) {
    if (this.ended) return;
    this.events.report(name === 'screen' ? 'screen-share-ended' : 'camera-ended');
    if (this.recorders[name]) this.recorders[name].stop();
    this.kurento?.stop(name);
    this.renderRecording();
    this.alert(name, t(name === 'screen' ? 'proctoring.screenEnded' : 'proctoring.cameraEnded'),
      t(name === 'screen' ? 'proctoring.shareScreenAgain' : 'proctoring.cameraAgain'), async (button) => {
        button.disabled = true;
        const got = name === 'screen' ? await openScreen(this.needs, this.settings) : await openCamera(this.needs, this.settings);
        button.disabled = false;
        if (!got.stream) {
          const words = checkWords(name, got.result);
          this.alert(name, `${words.line} ${words.fix}`, button.textContent, null, true);
          return false;
        }
        if (name === 'screen') this.useScreen(got.stream);
        else this.useCamera(got.stream);
        return true;
      });
  }

  // Step 2: identity (and the wait for the proctor)

  async identify() {
    for (;;) {
      if (this.identityStatus === 'none' || this.identityStatus === 'rejected') {
        const step = this.identityStep ??= new IdentityStep({
          attemptId: this.attempt.id,
          stream: this.streams.camera,
          maxImageBytes: this.settings.maxImageBytes,
          onUnauthorized: this.onUnauthorized,
        });
        step.stream = this.streams.camera;
        const answer = await step.run(this.identityStatus === 'rejected' ? (this.identityReason || t('identity.rejectedNoReason')) : null);
        this.identityStatus = answer.status ?? 'pending';
        this.identityReason = null;
      }
      if (this.identityStatus === 'pending' && this.settings.identityPolicy === 'wait') {
        await this.waitForProctor();
        continue;
      }
      if (this.identityStatus === 'rejected') continue;
      return;
    }
  }

  /** Under the "wait" policy: until a proctor decides (live identity message, or polling the attempt). */
  async waitForProctor() {
    this.el.wait.hidden = false;
    this.el.waitHeading.focus();
    const poll = setInterval(() => this.pollIdentity(), WAIT_POLL_MS);
    try {
      await new Promise((resolve) => this.identityWaiters.push(resolve));
    } finally {
      clearInterval(poll);
      this.el.wait.hidden = true;
    }
    if (this.identityStatus === 'approved') await this.refetch();
  }

  async pollIdentity() {
    try {
      const fresh = await getAttempt(this.attempt.id);
      const status = fresh.proctoring?.identityStatus;
      if (status && status !== 'pending') {
        this.identityReason = fresh.proctoring?.identityReason ?? this.identityReason;
        this.identityDecided(status, fresh);
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.onUnauthorized();
    }
  }

  identityDecided(status, fresh = null) {
    this.identityStatus = status;
    if (fresh && status === 'approved') this.attempt = fresh;
    const waiters = this.identityWaiters;
    this.identityWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The attempt again, now with its questions (and the deadline moved by the time waited). */
  async refetch() {
    if (this.attempt.questions?.length > 0) return;
    for (let tries = 0; ; tries += 1) {
      try {
        this.attempt = await getAttempt(this.attempt.id);
        return;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          this.onUnauthorized();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 1000 * 2 ** tries)));
      }
    }
  }

  // Step 3: begin in full screen

  beginTest() {
    const { begin, beginHeading, beginButton } = this.el;
    begin.hidden = false;
    beginHeading.focus();
    return new Promise((resolve) => {
      beginButton.addEventListener('click', () => {
        begin.hidden = true;
        this.enterFullscreen();
        resolve();
      }, { once: true });
    });
  }

  enterFullscreen() {
    const root = document.documentElement;
    if (!root.requestFullscreen || document.fullscreenElement) return;
    root.requestFullscreen({ navigationUI: 'hide' }).catch((err) => this.log.warn?.(`full screen refused: ${err?.message ?? err}`));
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
      box = h('div', { class: 'notice notice-error proctoring-alert', role: 'alert', 'data-alert': kind },
        h('p', { class: 'alert-text' }), h('p', {}, h('button', { class: 'button', type: 'button' })));
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
    const on = this.kurento ? this.kurento.publishing
      : Object.values(this.recorders).filter((r) => r.running).map((r) => r.name);
    recording.hidden = this.ended || (Object.keys(this.recorders).length === 0 && on.length === 0 && this.peers.watching === 0);
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

  /** Live messages for proctoring: proctor-message, identity, signal. Returns true when handled. */
  onMessage(message) {
    if ((message.type === 'media' || message.type === 'media-lost') && this.kurento?.onMessage(message)) {
      this.renderRecording();
      return true;
    }
    switch (message.type) {
      case 'proctor-message':
        this.showProctorMessage(message);
        return true;
      case 'identity':
        this.identityReason = message.reason ?? null;
        if (message.status === 'rejected' && this.identityWaiters.length === 0 && this.listening) this.askIdentityAgain(message.reason);
        if (message.status && message.status !== 'pending') this.identityDecided(message.status);
        return true;
      case 'signal':
        if (message.attemptId && message.attemptId !== this.attempt.id) return true;
        this.peers.onSignal(message.from, message.data);
        return true;
      default:
        return false;
    }
  }

  showProctorMessage(message) {
    const { message: dialog, messageText, messageTime, messageOk } = this.el;
    messageText.textContent = message.text ?? '';
    const at = message.at ? new Date(typeof message.at === 'number' ? message.at : Date.parse(message.at)) : null;
    messageTime.textContent = at && !Number.isNaN(at.getTime()) ? t('proctoring.messageAt', { time: formatTime(at) }) : '';
    if (dialog.open) dialog.close();
    dialog.showModal();
    messageOk.focus();
  }

  /** Under "review-later" a proctor rejected the photos during the test: take them again. */
  askIdentityAgain(reason) {
    this.alert('identity', t('identity.rejected', { reason: reason || t('identity.rejectedNoReason') }), t('identity.again'), async () => {
      this.layout.hidden = true;
      this.unwatchBehaviour(); // choosing a file blurs the window: not an event to report
      this.identityStatus = 'rejected';
      this.identityReason = reason;
      if (!this.streams.camera) {
        const got = await openCamera(this.needs, this.settings);
        if (!got.stream) {
          this.layout.hidden = false;
          this.watchBehaviour();
          return false;
        }
        this.streams.camera = got.stream;
      }
      await this.identify();
      if (!this.records.camera) {
        stopStreams(this.streams.camera);
        this.streams.camera = null;
      }
      this.layout.hidden = false;
      this.watchBehaviour();
      return true;
    });
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
