/**
 * With a media server (attempt.proctoring.kurento, docs/kurento.md): the camera and the screen go to it over
 * WebRTC and it records them, instead of MediaRecorder uploads; proctors watch through it, one-to-many. The
 * engine relays the signalling on the live socket:
 *   page → {type: "media", attemptId, stream, data: {kind: "offer", sdp} | {kind: "ice", candidate}}
 *   page ← {type: "media", attemptId, stream, data: {kind: "answer", sdp} | {kind: "ice", candidate}}
 *   page ← {type: "media-lost"}: the server restarted; publish again.
 * Proctors use the same shape with type "media-view" (and {kind: "stop"}).
 *
 * One RTCPeerConnection per stream (lib/media-leg.js). RTCPeerConnection is passed in so that the logic can be
 * tested in Node.
 */

import { Leg } from '../media-leg.js';

/** The student's page: publishes camera and screen to the media server. */
export class KurentoPublisher {
  /**
   * send(message) sends on the live socket; recorders: the configured {camera, screen} ({videoBitsPerSecond,
   * audioBitsPerSecond}, attempt.proctoring.recorders), each track's sender capped at its bitrate.
   */
  constructor({
    attemptId,
    send,
    Peer = globalThis.RTCPeerConnection,
    config = { iceServers: [] },
    recorders = {},
    log = console,
  }) {
    this.attemptId = attemptId;
    this.send = send;
    this.Peer = Peer;
    this.config = config;
    this.recorders = recorders;
    this.log = log;
    this.legs = new Map(); // stream name → Leg
    this.streams = new Map(); // stream name → MediaStream, to publish again after a restart
  }

  /** Sends the stream (camera: video + audio; screen: video) to the server, replacing an earlier one. */
  publish(name, stream) {
    this.stop(name);
    if (!this.Peer) {
      this.log.warn?.('media server: this browser has no RTCPeerConnection');
      return;
    }
    this.streams.set(name, stream);
    const sendSignal = (data) => this.send({ type: 'media', attemptId: this.attemptId, stream: name, data });
    const leg = new Leg({ Peer: this.Peer, config: this.config, signal: sendSignal, log: this.log });
    this.legs.set(name, leg);
    for (const track of stream.getTracks())
      leg.pc.addTransceiver?.(track, { direction: 'sendonly', streams: [stream], ...this.encodings(name, track) });
    leg.run(async (pc) => {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      sendSignal({ kind: 'offer', sdp: pc.localDescription?.sdp ?? offer.sdp });
    });
  }

  /**
   * Issue 17 (2): the sender of a track at the configured bitrate (maxBitrate, bits per second), as MediaRecorder's
   * videoBitsPerSecond/audioBitsPerSecond do without a media server; WebRTC's own would otherwise decide. The server
   * caps the video too (b=AS in its answer), so a page that leaves this out is held to it anyway.
   */
  encodings(name, track) {
    const r = this.recorders?.[name] ?? {};
    const bits = Number(track.kind === 'video' ? r.videoBitsPerSecond : r.audioBitsPerSecond);
    return bits > 0 ? { sendEncodings: [{ maxBitrate: bits }] } : {};
  }

  stop(name) {
    this.legs.get(name)?.close();
    this.legs.delete(name);
    this.streams.delete(name);
  }

  get publishing() {
    return [...this.legs.keys()];
  }

  /** A live message; true when it was about the media server. */
  onMessage(message) {
    if (message.attemptId && message.attemptId !== this.attemptId) return false;
    if (message.type === 'media') {
      this.legs.get(message.stream)?.onSignal(message.data);
      return true;
    }
    if (message.type === 'media-lost') {
      for (const [name, stream] of [...this.streams]) this.publish(name, stream);
      return true;
    }
    return false;
  }

  stopAll() {
    for (const name of [...this.legs.keys()]) this.stop(name);
  }
}

/** The proctor's page: receives a student's camera and screen from the media server. */
export class KurentoViewer {
  /** onStreams({camera, screen}) as they arrive; onState('connecting' | 'live' | 'stopped' | 'failed'). */
  constructor({
    attemptId,
    send,
    onStreams,
    onState = () => {},
    Peer = globalThis.RTCPeerConnection,
    config = { iceServers: [] },
    log = console,
  }) {
    Object.assign(this, { attemptId, send, onStreams, onState, Peer, config, log });
    this.legs = new Map();
    this.received = { camera: null, screen: null };
  }

  start() {
    this.close(false);
    this.onState('connecting');
    for (const name of ['camera', 'screen']) this.watch(name);
  }

  watch(name) {
    const sendSignal = (data) => this.send({ type: 'media-view', attemptId: this.attemptId, stream: name, data });
    const leg = new Leg({ Peer: this.Peer, config: this.config, signal: sendSignal, log: this.log });
    this.legs.set(name, leg);
    const { pc } = leg;
    pc.addTransceiver?.('video', { direction: 'recvonly' });
    if (name === 'camera') pc.addTransceiver?.('audio', { direction: 'recvonly' });
    pc.addEventListener?.('track', (event) => {
      const stream = event.streams?.[0] ?? this.received[name] ?? new globalThis.MediaStream([event.track]);
      this.received = { ...this.received, [name]: stream };
      this.onStreams(this.received);
    });
    pc.addEventListener?.('connectionstatechange', () => {
      if (pc.connectionState === 'connected') this.onState('live');
      else if (pc.connectionState === 'failed') this.onState('failed');
    });
    leg.run(async () => {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      sendSignal({ kind: 'offer', sdp: pc.localDescription?.sdp ?? offer.sdp });
    });
  }

  /** A live message; true when it was for this view. */
  onMessage(message) {
    if (message.attemptId !== this.attemptId) return false;
    if (message.type === 'media-view') {
      this.legs.get(message.stream)?.onSignal(message.data);
      return true;
    }
    if (message.type === 'media-lost') {
      this.start(); // the server restarted: ask again
      return true;
    }
    return false;
  }

  close(tell = true) {
    for (const [name, leg] of this.legs) {
      if (tell) this.send({ type: 'media-view', attemptId: this.attemptId, stream: name, data: { kind: 'stop' } });
      leg.close();
    }
    const had = this.legs.size > 0;
    this.legs.clear();
    this.received = { camera: null, screen: null };
    if (had || tell) this.onState('stopped');
  }
}
