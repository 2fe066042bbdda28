/**
 * The steps before the questions on a proctored attempt (docs/proctoring.md; clause 5.17.2): share the camera
 * (with microphone) and the entire screen, asked for again when a track ends during the test; the identity
 * photos when the exam asks for them and, under the "wait" policy, the wait for the proctor's approval (the
 * attempt is fetched again then, with its questions); then begin the test in full screen.
 *
 * Not made on its own: its methods are ProctoredAttempt's (student.js), mixed into it and run with its `this`
 * (its settings, streams, elements, recorders and events).
 */

import { ApiError, getAttempt } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { checkWords } from './check-words.js';
import { IdentityStep } from './identity.js';
import { checkBrowser, openCamera, openScreen, stopStreams } from './media.js';

const $ = (id) => document.getElementById(id);
const WAIT_POLL_MS = 10000;

export class SetupSteps {
  // Step 1: camera and screen

  share() {
    const { setup, setupNeeds, share, setupError, setupHeading } = this.el;
    setupNeeds.replaceChildren(
      ...[
        this.records.camera ? 'proctoring.needCamera' : null,
        this.records.screen ? 'proctoring.needScreen' : null,
        this.settings.identity ? 'proctoring.needIdentity' : null,
        'proctoring.needEvents',
      ]
        .filter(Boolean)
        .map((key) => h('li', { text: t(key) })),
    );
    share.textContent = t(
      this.needs.screen
        ? this.needs.camera
          ? 'proctoring.shareBoth'
          : 'proctoring.shareScreen'
        : 'proctoring.shareCamera',
    );
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
        const gotScreen =
          this.needs.screen && !this.streams.screen ? await openScreen(this.needs, this.settings) : null;
        const gotCamera =
          this.needs.camera && !this.streams.camera ? await openCamera(this.needs, this.settings) : null;
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
    box.replaceChildren(
      h(
        'ul',
        { class: 'check-problems' },
        ...problems.map(([name, result]) => {
          const words = checkWords(name, result);
          return h(
            'li',
            { 'data-check': name, 'data-reason': result.reason },
            h('strong', { text: words.line }),
            words.fix ? h('span', { class: 'check-fix', text: ` ${words.fix}` }) : null,
          );
        }),
      ),
    );
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

  /** A track ended (sharing stopped, camera unplugged): reported, and the student is asked to share again. */
  lost(name) {
    if (this.ended) return;
    this.events.report(name === 'screen' ? 'screen-share-ended' : 'camera-ended');
    if (this.recorders[name]) this.recorders[name].stop();
    this.kurento?.stop(name);
    this.renderRecording();
    this.alert(
      name,
      t(name === 'screen' ? 'proctoring.screenEnded' : 'proctoring.cameraEnded'),
      t(name === 'screen' ? 'proctoring.shareScreenAgain' : 'proctoring.cameraAgain'),
      async (button) => {
        button.disabled = true;
        const got =
          name === 'screen' ? await openScreen(this.needs, this.settings) : await openCamera(this.needs, this.settings);
        button.disabled = false;
        if (!got.stream) {
          const words = checkWords(name, got.result);
          this.alert(name, `${words.line} ${words.fix}`, button.textContent, null, true);
          return false;
        }
        if (name === 'screen') this.useScreen(got.stream);
        else this.useCamera(got.stream);
        return true;
      },
    );
  }

  // Step 2: identity (and the wait for the proctor)

  async identify() {
    for (;;) {
      if (this.identityStatus === 'none' || this.identityStatus === 'rejected') {
        const step = (this.identityStep ??= new IdentityStep({
          attemptId: this.attempt.id,
          stream: this.streams.camera,
          maxImageBytes: this.settings.maxImageBytes,
          onUnauthorized: this.onUnauthorized,
        }));
        step.stream = this.streams.camera;
        const answer = await step.run(
          this.identityStatus === 'rejected' ? this.identityReason || t('identity.rejectedNoReason') : null,
        );
        this.identityStatus = answer.status ?? 'pending';
        this.identityReason = null;
      }
      if (this.identityStatus === 'pending' && this.settings.identityPolicy === 'wait') {
        await this.waitForProctor();
        continue;
      }
      if (this.identityStatus === 'rejected') continue;
      // the photos are in: the server serves the questions now, and the clock starts (issue 10, 4)
      await this.refetch();
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

  /** The attempt again, now with its questions and its deadline (the clock starts when they are first served). */
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
      beginButton.addEventListener(
        'click',
        () => {
          begin.hidden = true;
          this.enterFullscreen();
          resolve();
        },
        { once: true },
      );
    });
  }

  enterFullscreen() {
    const root = document.documentElement;
    if (!root.requestFullscreen || document.fullscreenElement) return;
    root
      .requestFullscreen({ navigationUI: 'hide' })
      .catch((err) => this.log.warn?.(`full screen refused: ${err?.message ?? err}`));
  }
}
