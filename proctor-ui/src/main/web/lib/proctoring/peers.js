/**
 * Live view (docs/proctoring.md "WebSocket additions"): WebRTC between a proctor's page and a student's
 * page, signalled through the live socket; the engine only relays.
 *
 * Student side, StudentPeers: on {kind:"watch"} from proctor peer P it opens an RTCPeerConnection for P,
 * adds the camera tracks (video and audio) and the screen's video track, and sends the offer to P; it
 * applies P's answer and ICE candidates; {kind:"stop"} closes it. Several proctors may watch at once: one
 * connection per peer. The offer also says which stream is which ({streams: {camera, screen}} by
 * MediaStream id), so the proctor's page can label the two videos.
 *
 * Proctor side, Watcher: sends {kind:"watch"} and answers the student's offer, handing over the camera
 * and screen streams as they arrive.
 *
 * Operations on one connection run one after another (an ICE candidate never overtakes the description
 * it belongs to). RTCPeerConnection is passed in so that the logic can be tested in Node.
 */

const DEFAULT_CONFIG = { iceServers: [] };

export class StudentPeers {
  /**
   * streams() → {camera: MediaStream|null, screen: MediaStream|null}; send(to, data) sends a signal to a peer.
   * Peer = RTCPeerConnection; config: its configuration; onChange(count) when the number of watchers changes.
   */
  constructor({
    streams,
    send,
    Peer = globalThis.RTCPeerConnection,
    config = DEFAULT_CONFIG,
    log = console,
    onChange = () => {},
  }) {
    this.streams = streams;
    this.send = send;
    this.Peer = Peer;
    this.config = config;
    this.log = log;
    this.onChange = onChange;
    this.peers = new Map(); // peer id → {pc, chain}
  }

  /** Number of proctors watching now. */
  get watching() {
    return this.peers.size;
  }

  /** Handles one signal from a proctor's page: data is {kind, sdp?, candidate?}. */
  onSignal(from, data) {
    if (!from || !data) return;
    switch (data.kind) {
      case 'watch':
        this.watch(from);
        break;
      case 'answer':
        this.run(from, (pc) => pc.setRemoteDescription({ type: 'answer', sdp: data.sdp }));
        break;
      case 'ice':
        if (data.candidate) this.run(from, (pc) => pc.addIceCandidate(data.candidate));
        break;
      case 'stop':
        this.stop(from);
        break;
      default:
    }
  }

  watch(from) {
    this.stop(from, false);
    if (!this.Peer) {
      this.log.warn?.('live view: this browser has no RTCPeerConnection');
      return;
    }
    const pc = new this.Peer(this.config);
    const entry = { pc, chain: Promise.resolve() };
    this.peers.set(from, entry);
    pc.addEventListener?.('icecandidate', (event) => {
      if (event.candidate)
        this.send(from, {
          kind: 'ice',
          candidate: event.candidate.toJSON ? event.candidate.toJSON() : event.candidate,
        });
    });
    pc.addEventListener?.('connectionstatechange', () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') this.stop(from, false);
    });
    const { camera, screen } = this.streams();
    const ids = {};
    if (camera) {
      ids.camera = camera.id;
      for (const track of camera.getTracks()) pc.addTrack(track, camera);
    }
    if (screen) {
      ids.screen = screen.id;
      for (const track of screen.getVideoTracks()) pc.addTrack(track, screen);
    }
    this.run(from, async () => {
      const offer = await pc.createOffer();
      await pc.setLocalDescription(offer);
      this.send(from, { kind: 'offer', sdp: pc.localDescription?.sdp ?? offer.sdp, streams: ids });
    });
    this.onChange(this.peers.size);
  }

  /** Runs step(pc) after the connection's earlier steps; a failure is logged and ends that peer. */
  run(from, step) {
    const entry = this.peers.get(from);
    if (!entry) return;
    entry.chain = entry.chain
      .then(() => step(entry.pc))
      .catch((err) => {
        this.log.warn?.(`live view for ${from} failed: ${err?.message ?? err}`);
        this.stop(from);
      });
  }

  /** Ends the connection with a proctor; tell: let the proctor's page know. */
  stop(from, tell = false) {
    const entry = this.peers.get(from);
    if (!entry) return;
    this.peers.delete(from);
    try {
      entry.pc.close();
    } catch {
      // already closed
    }
    if (tell) this.send(from, { kind: 'stop' });
    this.onChange(this.peers.size);
  }

  /** A stream was acquired again (the screen shared anew): the watchers get the new track. */
  replaceTrack(oldTrack, newTrack) {
    for (const { pc } of this.peers.values()) {
      for (const sender of pc.getSenders?.() ?? []) {
        if (sender.track === oldTrack || (sender.track === null && oldTrack === null))
          sender.replaceTrack(newTrack).catch(() => {});
      }
    }
  }

  /** Ends every live view (the attempt is over). */
  closeAll() {
    for (const from of [...this.peers.keys()]) this.stop(from, true);
  }
}

export class Watcher {
  /**
   * send(data) sends a signal to the student's page; onStreams({camera, screen}) gets the MediaStreams as
   * they arrive; onState('connecting' | 'live' | 'stopped' | 'failed').
   */
  constructor({
    send,
    onStreams,
    onState = () => {},
    Peer = globalThis.RTCPeerConnection,
    config = DEFAULT_CONFIG,
    log = console,
  }) {
    this.send = send;
    this.onStreams = onStreams;
    this.onState = onState;
    this.Peer = Peer;
    this.config = config;
    this.log = log;
    this.pc = null;
    this.chain = Promise.resolve();
    this.ids = {};
    this.streams = { camera: null, screen: null };
    this.videoOrder = [];
  }

  /** Asks the student's page for a live view. */
  start() {
    this.close(false);
    this.streams = { camera: null, screen: null };
    this.videoOrder = [];
    this.onState('connecting');
    this.send({ kind: 'watch' });
  }

  /** Handles one signal from the student's page. */
  onSignal(data) {
    if (!data) return;
    if (data.kind === 'offer') this.answer(data);
    else if (data.kind === 'ice' && data.candidate && this.pc) {
      const pc = this.pc;
      this.chain = this.chain
        .then(() => pc.addIceCandidate(data.candidate))
        .catch((err) => this.log.warn?.(`live view: ${err?.message ?? err}`));
    } else if (data.kind === 'stop') {
      this.close(false);
    }
  }

  answer(offer) {
    this.close(false);
    const pc = new this.Peer(this.config);
    this.pc = pc;
    this.ids = offer.streams ?? {};
    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate)
        this.send({ kind: 'ice', candidate: event.candidate.toJSON ? event.candidate.toJSON() : event.candidate });
    });
    pc.addEventListener('track', (event) => this.onTrack(event));
    pc.addEventListener('connectionstatechange', () => {
      if (this.pc !== pc) return;
      if (pc.connectionState === 'connected') this.onState('live');
      else if (pc.connectionState === 'failed') this.onState('failed');
    });
    this.chain = Promise.resolve()
      .then(() => pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp }))
      .then(() => pc.createAnswer())
      .then((answer) => pc.setLocalDescription(answer).then(() => answer))
      .then((answer) => this.send({ kind: 'answer', sdp: pc.localDescription?.sdp ?? answer.sdp }))
      .catch((err) => {
        this.log.warn?.(`live view: ${err?.message ?? err}`);
        this.onState('failed');
      });
  }

  /** Which stream a track belongs to: by the ids the offer named, else the first video is the camera. */
  onTrack(event) {
    const stream = event.streams?.[0] ?? null;
    let which = null;
    if (stream && stream.id === this.ids.camera) which = 'camera';
    else if (stream && stream.id === this.ids.screen) which = 'screen';
    else if (event.track.kind === 'video') {
      which = this.videoOrder.length === 0 ? 'camera' : 'screen';
    } else {
      which = 'camera';
    }
    if (event.track.kind === 'video' && !this.videoOrder.includes(which)) this.videoOrder.push(which);
    const target = stream ?? this.streams[which] ?? new globalThis.MediaStream();
    if (!stream) target.addTrack(event.track);
    this.streams = { ...this.streams, [which]: target };
    this.onStreams(this.streams);
  }

  /** Stops watching; tell: let the student's page close its side. */
  close(tell = true) {
    const pc = this.pc;
    this.pc = null;
    if (pc) {
      try {
        pc.close();
      } catch {
        // already closed
      }
    }
    if (tell) this.send({ kind: 'stop' });
    if (pc || tell) this.onState('stopped');
  }
}
