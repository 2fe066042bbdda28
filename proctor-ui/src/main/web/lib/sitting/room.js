/**
 * The sitting's own video room (6.15.1: the oral exam by video conference), browser to browser: every pair of pages
 * in the room holds one RTCPeerConnection (a mesh; fine for a commission of a handful and one student). The engine
 * only says who is in the room and relays signals (docs/sittings.md "Video room"):
 *
 *   → {type:'room-join', roomId}            ← {type:'room-joined', roomId, self, peers:[{peer, userId, name, role}]}
 *   ← {type:'room', event:'joined'|'left', peer}   (a page hears its own joining too, and ignores it)
 *   → {type:'room-signal', to, data}        ← {type:'room-signal', from, data}; data is {kind:'offer'|'answer', sdp} or {kind:'ice', candidate}
 *   → {type:'room-leave'}
 *
 * Of each pair the page whose peer id sorts first makes the offer, so two pages that learn of each other at the
 * same moment never both offer. Operations on one connection run one after another (a candidate never overtakes
 * its description). RTCPeerConnection is passed in so that the logic is tested in Node.
 *
 * With a media server the engine answers room-join with media:'kurento' and the room goes through it instead
 * (lib/sitting/kurento-room.js); VideoRoom picks the one the engine names.
 */

import { KurentoRoom } from './kurento-room.js';

const DEFAULT_CONFIG = { iceServers: [] };

export class MeshRoom {
  /**
   * send(message) sends on the live socket; local() → the page's own MediaStream or null; onChange(members) with
   * [{peer, userId, name, role, stream, state}] whenever someone comes, goes or their video arrives; onRefused(message).
   */
  constructor({
    send,
    local,
    onChange = () => {},
    onRefused = () => {},
    Peer = globalThis.RTCPeerConnection,
    config = DEFAULT_CONFIG,
    log = console,
  }) {
    Object.assign(this, { send, local, onChange, onRefused, Peer, config, log });
    this.roomId = null;
    this.self = null;
    this.members = new Map(); // peer id → {info, pc, chain, stream, state}
  }

  /** Asks to enter the room (again after the socket reconnected: the old connections are gone). */
  join(roomId) {
    this.closeAll();
    this.roomId = roomId;
    this.send({ type: 'room-join', roomId });
  }

  leave() {
    if (this.roomId) this.send({ type: 'room-leave' });
    this.roomId = null;
    this.self = null;
    this.closeAll();
  }

  /** True once the engine has let this page in. */
  get joined() {
    return this.self !== null;
  }

  /** Every live message goes through here; those about the room are handled. */
  onMessage(message) {
    if (message.type === 'room-joined' && message.roomId === this.roomId) {
      this.self = message.self;
      for (const info of message.peers ?? []) this.meet(info);
      this.changed();
    } else if (message.type === 'room' && message.roomId === this.roomId && this.self) {
      const info = message.peer ?? {};
      if (info.peer === this.self.peer) return;
      if (message.event === 'joined') this.meet(info);
      else if (message.event === 'left') this.drop(info.peer);
      this.changed();
    } else if (message.type === 'room-signal' && message.roomId === this.roomId && this.self) {
      this.onSignal(message.from, message.data ?? {});
    } else if (message.type === 'error' && message.error === 'room-refused') {
      this.roomId = null;
      this.onRefused(message.message);
    }
  }

  /** A member became known: remember them, and offer if this page's id sorts first. */
  meet(info) {
    if (!info.peer || info.peer === this.self?.peer) return;
    const known = this.members.get(info.peer);
    if (known) {
      known.info = { ...known.info, ...info };
      return;
    }
    const member = { info, pc: null, chain: Promise.resolve(), stream: null, state: 'waiting', early: [] };
    this.members.set(info.peer, member);
    if (this.self.peer < info.peer) {
      this.connect(member);
      this.run(member, async (pc) => {
        await pc.setLocalDescription(await pc.createOffer());
        this.signal(info.peer, { kind: 'offer', sdp: pc.localDescription.sdp });
      });
    }
  }

  onSignal(from, data) {
    let member = this.members.get(from);
    if (!member) {
      // an offer may arrive before the news that its sender joined
      this.meet({ peer: from });
      member = this.members.get(from);
      this.changed();
    }
    if (!member) return;
    if (data.kind === 'offer') {
      if (!member.pc) this.connect(member);
      this.run(member, async (pc) => {
        await pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
        for (const candidate of member.early.splice(0)) await pc.addIceCandidate(candidate);
        await pc.setLocalDescription(await pc.createAnswer());
        this.signal(from, { kind: 'answer', sdp: pc.localDescription.sdp });
      });
    } else if (data.kind === 'answer') {
      this.run(member, (pc) => pc.setRemoteDescription({ type: 'answer', sdp: data.sdp }));
    } else if (data.kind === 'ice' && data.candidate) {
      if (member.pc) this.run(member, (pc) => pc.addIceCandidate(data.candidate));
      else member.early.push(data.candidate); // kept for the offer it belongs to
    }
  }

  connect(member) {
    const pc = new this.Peer(this.config);
    member.pc = pc;
    member.state = 'connecting';
    const stream = this.local();
    for (const track of stream?.getTracks() ?? []) pc.addTrack(track, stream);
    pc.addEventListener('icecandidate', (event) => {
      if (event.candidate)
        this.signal(member.info.peer, {
          kind: 'ice',
          candidate: event.candidate.toJSON ? event.candidate.toJSON() : event.candidate,
        });
    });
    pc.addEventListener('track', (event) => {
      member.stream = event.streams?.[0] ?? member.stream ?? new globalThis.MediaStream([event.track]);
      this.changed();
    });
    pc.addEventListener('connectionstatechange', () => {
      if (member.pc !== pc) return;
      member.state = pc.connectionState === 'connected' ? 'live' : pc.connectionState;
      this.changed();
    });
  }

  /** Runs step(pc) after the connection's earlier steps; a failure is logged and marks the member failed. */
  run(member, step) {
    member.chain = member.chain
      .then(() => step(member.pc))
      .catch((err) => {
        this.log.warn?.(`video room: ${member.info.peer}: ${err?.message ?? err}`);
        member.state = 'failed';
        this.changed();
      });
  }

  signal(to, data) {
    this.send({ type: 'room-signal', to, data });
  }

  drop(peer) {
    const member = this.members.get(peer);
    if (!member) return;
    this.members.delete(peer);
    try {
      member.pc?.close();
    } catch {
      // already closed
    }
  }

  closeAll() {
    for (const peer of [...this.members.keys()]) this.drop(peer);
    this.self = null;
    this.changed();
  }

  /** The members with their streams, in the order they became known. */
  list() {
    return [...this.members.values()].map((m) => ({ ...m.info, stream: m.stream, state: m.state }));
  }

  changed() {
    this.onChange(this.list());
  }
}

/**
 * The room a page uses: browser to browser (MeshRoom) unless room-joined says media:'kurento' (KurentoRoom), with
 * the same interface; the choice is made again at every room-joined, so a reconnection follows the engine's setting.
 * {type:'room-left', roomId, reason} (the engine no longer admits the page, e.g. the student's result is out) ends
 * every connection and is reported through onRefused(reason).
 */
export class VideoRoom {
  constructor(options) {
    this.options = options;
    this.current = new MeshRoom(options);
  }

  join(roomId) {
    this.current.join(roomId);
  }

  /** The RTCPeerConnection configuration (STUN/TURN) for connections made from now on. */
  useConfig(config) {
    this.options.config = config;
    this.current.config = config;
  }

  leave() {
    this.current.leave();
  }

  get joined() {
    return this.current.joined;
  }

  /** 'kurento' or 'mesh': how the room the page is in carries its media. */
  get media() {
    return this.current instanceof KurentoRoom ? 'kurento' : 'mesh';
  }

  onMessage(message) {
    if (message.type === 'room-left' && message.roomId === this.current.roomId) {
      // the engine no longer admits this page
      this.current.leave();
      this.options.onRefused?.(message.reason);
      return;
    }
    if (message.type === 'room-joined' && message.roomId === this.current.roomId) {
      const Room = message.media === 'kurento' ? KurentoRoom : MeshRoom;
      if (!(this.current instanceof Room)) {
        // nothing is connected yet: join() closed everything
        const { roomId } = this.current;
        this.current = new Room(this.options);
        this.current.roomId = roomId;
      }
    }
    this.current.onMessage(message);
  }

  list() {
    return this.current.list();
  }
}
