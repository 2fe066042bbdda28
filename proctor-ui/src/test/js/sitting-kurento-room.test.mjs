// The sitting's video room through the media server (lib/sitting/kurento-room.js; issue 5, 1 "Kurento when
// configured"): the engine and the media server are played by a small in-memory switchboard.
import assert from 'node:assert/strict';
import test from 'node:test';
import { KurentoRoom } from '../../main/web/lib/sitting/kurento-room.js';
import { settle, until } from './support.mjs';

const quiet = { warn: () => {} };

class FakePeer extends EventTarget {
  constructor() {
    super();
    this.transceivers = [];
    this.log = [];
    this.closed = false;
  }
  addTransceiver(what, init) {
    this.transceivers.push([typeof what === 'string' ? what : what.kind, init.direction]);
  }
  async createOffer() {
    return { type: 'offer', sdp: 'offer' };
  }
  async setLocalDescription(d) {
    this.log.push(`local:${d.type}`);
    this.localDescription = d;
  }
  async setRemoteDescription(d) {
    await settle();
    this.log.push(`remote:${d.type}`);
    if (this.transceivers.every(([, direction]) => direction === 'recvonly')) {
      const event = new Event('track');
      event.streams = [{ id: `from-server-${this.transceivers.length}` }];
      this.dispatchEvent(event);
    }
  }
  async addIceCandidate(c) {
    this.log.push(`ice:${c.candidate}`);
  }
  close() {
    this.closed = true;
  }
}

/** The engine with a media server, as Rooms.java and KurentoRooms.java behave. */
class Switchboard {
  constructor() {
    this.pages = new Map(); // peer id → {room, info, published, inRoom}
    this.queue = [];
    this.media = []; // [from, message] of every room-media the pages sent
    this.earlyIce = false; // the server's candidate overtakes the answer
  }

  page(peer, userId, role) {
    const local = { id: `cam-${peer}`, getTracks: () => [{ kind: 'video' }, { kind: 'audio' }] };
    const room = new KurentoRoom({
      send: (m) => this.queue.push([peer, m]),
      local: () => local,
      onChange: () => {},
      Peer: FakePeer,
      log: quiet,
    });
    const entry = { room, info: { peer, userId, name: userId, role }, inRoom: false };
    this.pages.set(peer, entry);
    return entry;
  }

  deliver(peer, message) {
    this.pages.get(peer)?.room.onMessage(message);
  }

  async pump() {
    for (let quietRounds = 0, round = 0; quietRounds < 5; round++) {
      assert.ok(round < 200, 'the pages never stop talking');
      await settle();
      if (this.queue.length === 0) quietRounds += 1;
      else {
        quietRounds = 0;
        for (const [from, message] of this.queue.splice(0)) this.handle(from, message);
      }
    }
  }

  members() {
    return [...this.pages.values()].filter((p) => p.inRoom);
  }

  handle(from, message) {
    const sender = this.pages.get(from);
    if (message.type === 'room-join') {
      const peers = this.members().map((m) => m.info);
      sender.inRoom = true;
      this.deliver(from, { type: 'room-joined', roomId: 'S', self: sender.info, peers, media: 'kurento' });
      for (const m of this.members())
        this.deliver(m.info.peer, { type: 'room', roomId: 'S', event: 'joined', peer: sender.info });
    } else if (message.type === 'room-media') {
      this.media.push([from, message]);
      assert.ok(
        message.stream === from || this.pages.get(message.stream)?.inRoom,
        "only a member's stream is asked for",
      );
      if (message.data.kind !== 'offer') return;
      const ice = {
        type: 'room-media',
        roomId: 'S',
        stream: message.stream,
        data: { kind: 'ice', candidate: { candidate: `kms-${message.stream}` } },
      };
      if (this.earlyIce) this.deliver(from, ice);
      this.deliver(from, {
        type: 'room-media',
        roomId: 'S',
        stream: message.stream,
        data: { kind: 'answer', sdp: 'answer' },
      });
      if (!this.earlyIce) this.deliver(from, ice);
      if (message.stream === from) {
        sender.info = { ...sender.info, published: true };
        for (const m of this.members())
          this.deliver(m.info.peer, { type: 'room', roomId: 'S', event: 'published', peer: sender.info });
      }
    } else if (message.type === 'room-leave') {
      sender.inRoom = false;
      for (const m of this.members())
        this.deliver(m.info.peer, { type: 'room', roomId: 'S', event: 'left', peer: { peer: from } });
    }
  }
}

const offers = (board, from) =>
  board.media.filter(([f, m]) => f === from && m.data.kind === 'offer').map(([, m]) => m.stream);

test('6.15.1: each page publishes once and receives every other member from the server, one connection each', async () => {
  const board = new Switchboard();
  const sec = board.page('sec', 'sec', 'secretary');
  const chair = board.page('chair', 'chair', 'chair');
  const student = board.page('st', 'st1', 'student');
  for (const page of [sec, chair, student]) {
    page.room.join('S');
    await board.pump();
  }
  for (const page of [sec, chair, student]) {
    const self = page.info.peer;
    assert.equal(offers(board, self).filter((s) => s === self).length, 1, `${self} publishes exactly once`);
    assert.deepEqual(
      page.room.publisher.pc.transceivers,
      [
        ['video', 'sendonly'],
        ['audio', 'sendonly'],
      ],
      'camera and microphone go up',
    );
    const members = page.room.list();
    assert.equal(members.length, 2, `${self} lists the two others`);
    assert.ok(
      members.every((m) => m.stream),
      `${self} has both others' video from the server`,
    );
    for (const m of page.room.members.values()) {
      assert.deepEqual(m.leg.pc.transceivers, [
        ['video', 'recvonly'],
        ['audio', 'recvonly'],
      ]);
      assert.deepEqual(m.leg.pc.log, ['local:offer', 'remote:answer', `ice:kms-${m.info.peer}`]);
    }
  }
  assert.deepEqual(offers(board, 'st').sort(), ['chair', 'sec', 'st'], 'the newcomer receives those already published');
  assert.equal(
    student.room.list().find((m) => m.peer === 'sec').role,
    'secretary',
    'members carry their role for the caption',
  );

  student.room.leave();
  await board.pump();
  assert.deepEqual(
    sec.room.list().map((m) => m.peer),
    ['chair'],
    'the others drop the one who left',
  );
  assert.equal(student.room.publisher, null);
  assert.equal(student.room.joined, false);
});

test('a member is received only once it has published; a server candidate before the answer waits for it', async () => {
  const board = new Switchboard();
  board.earlyIce = true;
  const sec = board.page('sec', 'sec', 'secretary');
  sec.room.join('S');
  await board.pump();
  assert.deepEqual(
    sec.room.publisher.pc.log,
    ['local:offer', 'remote:answer', 'ice:kms-sec'],
    'the candidate is applied after the answer',
  );

  // a member the engine lists but who has not published yet (its offer is still on the way)
  sec.room.onMessage({ type: 'room', roomId: 'S', event: 'joined', peer: { peer: 'late', role: 'member' } });
  await board.pump();
  assert.equal(sec.room.members.get('late').leg, null, 'nothing to receive yet');
  assert.deepEqual(offers(board, 'sec'), ['sec']);
  sec.room.onMessage({
    type: 'room',
    roomId: 'S',
    event: 'published',
    peer: { peer: 'late', role: 'member', published: true },
  });
  await until(
    () => board.queue.some(([, m]) => m.stream === 'late' && m.data.kind === 'offer'),
    'now the page asks for its stream',
  );
  assert.equal(sec.room.members.get('late').state, 'connecting');
  board.queue.length = 0; // the stand-in has no page 'late'
});

test('after the media server restarted, the page publishes again and receives each member once it has', async () => {
  const board = new Switchboard();
  const sec = board.page('sec', 'sec', 'secretary');
  const st = board.page('st', 'st1', 'student');
  sec.room.join('S');
  await board.pump();
  st.room.join('S');
  await board.pump();
  const before = sec.room.members.get('st').leg;
  const publisher = sec.room.publisher;

  for (const page of [sec, st]) page.room.onMessage({ type: 'room-media', roomId: 'S', data: { kind: 'lost' } });
  assert.ok(before.pc.closed && publisher.pc.closed, 'the lost connections are closed');
  await board.pump();
  assert.deepEqual(offers(board, 'sec'), ['sec', 'st', 'sec', 'st'], 'published again, then received again');
  assert.notEqual(sec.room.members.get('st').leg, before);
  assert.ok(sec.room.list()[0].stream, "the student's video is back");
});

test('a refused page is told why; messages of another room are ignored', async () => {
  const refusals = [];
  const sent = [];
  const room = new KurentoRoom({
    send: (m) => sent.push(m),
    local: () => null,
    onRefused: (m) => refusals.push(m),
    Peer: FakePeer,
    log: quiet,
  });
  room.join('S');
  room.onMessage({ type: 'room-joined', roomId: 'other', self: { peer: 'x' }, peers: [], media: 'kurento' });
  assert.equal(room.joined, false);
  room.onMessage({ type: 'error', error: 'room-refused', message: 'not admitted yet' });
  assert.deepEqual(refusals, ['not admitted yet']);
  assert.deepEqual(sent, [{ type: 'room-join', roomId: 'S' }]);
});
