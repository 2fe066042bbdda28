/**
 * The camera (with microphone) and the screen of a proctored attempt: the streams in use, the self view, the
 * tracks handed to proctors watching live (peers.js) and to the recording, and what happens when a track ends
 * during the test (sharing stopped, camera unplugged): reported, and the student is asked to share again.
 */

import { t } from '../i18n.js';
import { checkWords } from './check-words.js';
import { openCamera, openScreen, stopStreams } from './media.js';

export class StudentMedia {
  /**
   * needs, settings, records: what the exam asks for; el: {selfView, selfBox}; run: {ended}; peers: the live
   * views; recording: the StudentRecording; events: the EventReporter; alerts: the Alerts.
   */
  constructor({ needs, settings, records, el, run, peers, recording, events, alerts }) {
    this.needs = needs;
    this.settings = settings;
    this.records = records;
    this.el = el;
    this.run = run;
    this.peers = peers;
    this.recording = recording;
    this.events = events;
    this.alerts = alerts;
    this.streams = { camera: null, screen: null };
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
    if (this.records.camera) this.recording.record('camera', stream);
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
    if (this.records.screen) this.recording.record('screen', video);
  }

  /** A camera that was only needed for the identity photos: not kept on. */
  releaseCamera() {
    stopStreams(this.streams.camera);
    this.streams.camera = null;
    this.el.selfBox.hidden = true;
  }

  /** A track ended (sharing stopped, camera unplugged): reported, and the student is asked to share again. */
  lost(name) {
    if (this.run.ended) return;
    this.events.report(name === 'screen' ? 'screen-share-ended' : 'camera-ended');
    this.recording.pause(name);
    this.alerts.show(
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
          this.alerts.show(name, `${words.line} ${words.fix}`, button.textContent, null, true);
          return false;
        }
        if (name === 'screen') this.useScreen(got.stream);
        else this.useCamera(got.stream);
        return true;
      },
    );
  }

  /** The end: both streams stopped, the self view emptied. */
  stop() {
    stopStreams(this.streams.camera, this.streams.screen);
    this.el.selfView.srcObject = null;
  }
}
