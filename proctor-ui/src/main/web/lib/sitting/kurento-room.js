/**
 * The sitting's video room through the media server (issue 5, 1: "Kurento when configured"; docs/kurento.md "Video
 * room"): the page sends its camera and microphone to the server once and receives each other member's stream from
 * it, one connection each, so its upload does not grow with the commission; the server records the sitting.
 * The same interface as MeshRoom (join, leave, onMessage, list, joined; onChange(members with stream)):
 *
 *   → {type:'room-join', roomId}   ← {type:'room-joined', roomId, self, peers:[{peer, …, published}], media:'kurento'}
 *   → {type:'room-media', stream:<own peer>, data:{kind:'offer', sdp} | {kind:'ice', candidate}}      publish
 *   → {type:'room-media', stream:<other peer>, data:{kind:'offer', sdp} | {kind:'ice', candidate} | {kind:'stop'}}   receive
 *   ← {type:'room-media', roomId, stream, data:{kind:'answer', sdp} | {kind:'ice', candidate}}
 *   ← {type:'room', event:'joined'|'left'|'published', peer}   a member who publishes is received
 *   ← {type:'room-media', roomId, data:{kind:'lost'}}          the server restarted: publish and receive again
 *
 * Each connection's steps run one after another, and a server candidate that comes before its answer waits for it.
 */

import { Leg } from '../media-leg.js';

export class KurentoRoom {
  /** The options of MeshRoom: send, local, onChange, onRefused, Peer, config, log. */
  constructor({
    send,
    local,
    onChange = () => {},
    onRefused = () => {},
    Peer = globalThis.RTCPeerConnection,
    config = { iceServers: [] },
    log = console,
  }) {
    Object.assign(this, { send, local, onChange, onRefused, Peer, config, log });
    this.roomId = null;
    this.self = null;
    this.publisher = null; // the Leg sending this page's camera and microphone
    this.members = new Map(); // peer id → {info, leg, stream, state}
  }

  join(roomId) {
    this.closeAll();
    this.roomId = roomId;
    this.send({ type: 'room-join', roomId });
  }

  leave() {
    if (this.roomId) this.send({ type: 'room-leave' });
    this.roomId = null;
    this.closeAll();
  }

  get joined() {
    return this.self !== null;
  }

  onMessage(message) {
    if (message.type === 'room-joined' && message.roomId === this.roomId) {
      this.self = message.self;
      this.publish();
      for (const info of message.peers ?? []) {
        const member = this.meet(info);
        if (member && info.published) this.receive(member);
      }
      this.changed();
    } else if (message.type === 'room' && message.roomId === this.roomId && this.self) {
      const info = message.peer ?? {};
      if (info.peer === this.self.peer) return;
      if (message.event === 'left') this.drop(info.peer);
      else {
        const member = this.meet(info);
        if (member && message.event === 'published') this.receive(member);
      }
      this.changed();
    } else if (message.type === 'room-media' && message.roomId === this.roomId && this.self) {
      if (message.data?.kind === 'lost') this.restart();
      else if (message.stream === this.self.peer) this.publisher?.onSignal(message.data);
      else this.members.get(message.stream)?.leg?.onSignal(message.data);
    } else if (message.type === 'error' && message.error === 'room-refused') {
      this.roomId = null;
      this.onRefused(message.message);
    }
  }

  /** Sends the page's camera and microphone to the server (again after a restart). */
  publish() {
    this.publisher?.close();
    const stream = this.local();
    const signal = (data) => this.send({ type: 'room-media', stream: this.self.peer, data });
    const leg = new Leg({ Peer: this.Peer, config: this.config, signal, log: this.log });
    this.publisher = leg;
    for (const track of stream?.getTracks() ?? [])
      leg.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    leg.run(async (pc) => {
      await pc.setLocalDescription(await pc.createOffer());
      signal({ kind: 'offer', sdp: pc.localDescription.sdp });
    });
  }

  meet(info) {
    if (!info.peer || info.peer === this.self?.peer) return null;
    const known = this.members.get(info.peer);
    if (known) {
      known.info = { ...known.info, ...info };
      return known;
    }
    const member = { info, leg: null, stream: null, state: 'waiting' };
    this.members.set(info.peer, member);
    return member;
  }

  /** Receives a member's published camera and microphone; a working connection is kept (the server re-feeds it). */
  receive(member) {
    if (member.leg && member.state !== 'failed') return;
    member.leg?.close();
    const peer = member.info.peer;
    const signal = (data) => this.send({ type: 'room-media', stream: peer, data });
    const leg = new Leg({
      Peer: this.Peer,
      config: this.config,
      signal,
      log: this.log,
      onFailed: () => this.failed(member, leg),
    });
    member.leg = leg;
    member.state = 'connecting';
    leg.pc.addTransceiver('video', { direction: 'recvonly' });
    leg.pc.addTransceiver('audio', { direction: 'recvonly' });
    leg.pc.addEventListener('track', (event) => {
      if (member.leg !== leg) return;
      member.stream = event.streams?.[0] ?? member.stream ?? new globalThis.MediaStream([event.track]);
      this.changed();
    });
    leg.pc.addEventListener('connectionstatechange', () => {
      if (member.leg !== leg) return;
      member.state = leg.pc.connectionState === 'connected' ? 'live' : leg.pc.connectionState;
      this.changed();
    });
    leg.run(async (pc) => {
      await pc.setLocalDescription(await pc.createOffer());
      signal({ kind: 'offer', sdp: pc.localDescription.sdp });
    });
  }

  failed(member, leg) {
    if (member.leg !== leg) return;
    member.state = 'failed';
    this.changed();
  }

  /** The server lost the room: publish again; each member is received again once it has published again. */
  restart() {
    for (const member of this.members.values()) {
      member.leg?.close();
      member.leg = null;
      member.stream = null;
      member.state = 'waiting';
    }
    this.publish();
    this.changed();
  }

  drop(peer) {
    const member = this.members.get(peer);
    if (!member) return;
    this.members.delete(peer);
    member.leg?.close();
  }

  closeAll() {
    for (const peer of [...this.members.keys()]) this.drop(peer);
    this.publisher?.close();
    this.publisher = null;
    this.self = null;
    this.changed();
  }

  list() {
    return [...this.members.values()].map((m) => ({ ...m.info, stream: m.stream, state: m.state }));
  }

  changed() {
    this.onChange(this.list());
  }
}
