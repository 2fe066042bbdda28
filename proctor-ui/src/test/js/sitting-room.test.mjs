// The sitting's video room (lib/sitting/room.js): a mesh of WebRTC connections, one per pair of pages, with the
// engine's room protocol played by a small in-memory switchboard.
import assert from 'node:assert/strict';
import test from 'node:test';
import { MeshRoom } from '../../main/web/lib/sitting/room.js';
import { settle, until } from './support.mjs';

const quiet = { warn: () => {} };

class FakePeer extends EventTarget {
  constructor() {
    super();
    this.tracks = [];
    this.log = [];
    this.closed = false;
  }
  addTrack(track, stream) {
    this.tracks.push([track.kind, stream.id]);
  }
  async createOffer() {
    return { type: 'offer', sdp: 'offer' };
  }
  async createAnswer() {
    return { type: 'answer', sdp: 'answer' };
  }
  async setLocalDescription(d) {
    this.log.push(`local:${d.type}`);
    this.localDescription = d;
  }
  async setRemoteDescription(d) {
    await settle();
    this.log.push(`remote:${d.type}`);
    const event = new Event('track');
    event.streams = [{ id: `remote-${d.type}` }];
    this.dispatchEvent(event);
  }
  async addIceCandidate(c) {
    this.log.push(`ice:${c.candidate}`);
  }
  close() {
    this.closed = true;
  }
}

/** The engine's side: who is in the room, and every message passed on as Rooms.java does. */
class Switchboard {
  constructor() {
    this.pages = new Map(); // peer id → {room, info}
    this.queue = [];
  }

  page(peer, userId, role, { refuse = false } = {}) {
    const stream = { id: `cam-${peer}`, getTracks: () => [{ kind: 'video' }, { kind: 'audio' }] };
    const changes = [];
    const refusals = [];
    const room = new MeshRoom({
      send: (message) => this.queue.push([peer, message]),
      local: () => stream,
      onChange: (members) => changes.push(members),
      onRefused: (message) => refusals.push(message),
      Peer: FakePeer,
      log: quiet,
    });
    const entry = { room, info: { peer, userId, name: userId, role }, refuse, changes, refusals, inRoom: false };
    this.pages.set(peer, entry);
    return entry;
  }

  deliver(peer, message) {
    this.pages.get(peer).room.onMessage(message);
  }

  /** Passes every queued message on until nothing more is said. */
  async pump() {
    let quietRounds = 0;
    for (let round = 0; round < 200; round++) {
      await settle();
      if (this.queue.length === 0) {
        quietRounds += 1; // each step of a connection takes at most one turn of the event loop here
        if (quietRounds === 5) return;
        continue;
      }
      quietRounds = 0;
      const batch = this.queue.splice(0);
      for (const [from, message] of batch) this.handle(from, message);
    }
    throw new Error('the pages never stop talking');
  }

  handle(from, message) {
    const sender = this.pages.get(from);
    const members = [...this.pages.values()].filter((p) => p.inRoom);
    if (message.type === 'room-join') {
      if (sender.refuse) {
        this.deliver(from, { type: 'error', error: 'room-refused', message: 'not admitted yet' });
        return;
      }
      sender.inRoom = true;
      this.deliver(from, {
        type: 'room-joined',
        roomId: message.roomId,
        self: sender.info,
        peers: members.map((m) => m.info),
      });
      for (const m of [...members, sender])
        this.deliver(m.info.peer, { type: 'room', roomId: 'S', event: 'joined', peer: sender.info });
    } else if (message.type === 'room-signal') {
      assert.ok(this.pages.get(message.to)?.inRoom, `signals only to members (${message.to})`);
      this.deliver(message.to, { type: 'room-signal', roomId: 'S', from, data: message.data });
    } else if (message.type === 'room-leave') {
      sender.inRoom = false;
      for (const m of members)
        if (m !== sender) this.deliver(m.info.peer, { type: 'room', roomId: 'S', event: 'left', peer: { peer: from } });
    }
  }
}

test('every pair of pages in the room gets exactly one connection, offered by the page whose id sorts first', async () => {
  const board = new Switchboard();
  const secretary = board.page('b-sec', 'sec', 'secretary');
  const chair = board.page('c-chair', 'chair', 'chair');
  const student = board.page('a-student', 'st1', 'student');
  secretary.room.join('S');
  await board.pump();
  chair.room.join('S');
  await board.pump();
  student.room.join('S');
  await board.pump();

  for (const page of [secretary, chair, student]) {
    const members = page.room.list();
    assert.equal(members.length, 2, `${page.info.peer} sees the two others and not itself`);
    assert.ok(
      members.every((m) => m.stream),
      `${page.info.peer} has both others' video`,
    );
    const peers = [...page.room.members.values()].map((m) => m.pc);
    assert.ok(
      peers.every((pc) => pc.tracks.length === 2),
      'its own camera and microphone go to each',
    );
  }
  const offers = (page) =>
    [...page.room.members.values()].filter((m) => m.pc.log.includes('local:offer')).map((m) => m.info.peer);
  assert.deepEqual(offers(student).sort(), ['b-sec', 'c-chair'], '"a-student" sorts first: it offers to both');
  assert.deepEqual(offers(secretary), ['c-chair']);
  assert.deepEqual(offers(chair), [], 'the last in order only answers');
  assert.equal(
    student.room.list().find((m) => m.peer === 'b-sec').role,
    'secretary',
    'members carry their role for the caption',
  );

  student.room.leave();
  await board.pump();
  assert.deepEqual(
    secretary.room.list().map((m) => m.peer),
    ['c-chair'],
    'the others drop the one who left',
  );
  assert.equal(student.room.members.size, 0);
  assert.equal(student.room.joined, false);
});

test('two pages that learn of each other twice at once still make one connection', async () => {
  const board = new Switchboard();
  const x = board.page('x', 'm1', 'member');
  const y = board.page('y', 'm2', 'member');
  x.room.join('S');
  y.room.join('S');
  await board.pump();
  // the switchboard let both in during the same round: each got the other in its list and as an event
  assert.equal(x.room.members.size, 1);
  assert.equal(y.room.members.size, 1);
  const xLog = x.room.members.get('y').pc.log;
  const yLog = y.room.members.get('x').pc.log;
  assert.deepEqual(xLog, ['local:offer', 'remote:answer']);
  assert.deepEqual(yLog, ['remote:offer', 'local:answer']);
});

test('a refused page is told why and is in no room; candidates wait for their description', async () => {
  const board = new Switchboard();
  const waiting = board.page('w', 'st2', 'student', { refuse: true });
  waiting.room.join('S');
  await board.pump();
  assert.deepEqual(waiting.refusals, ['not admitted yet']);
  assert.equal(waiting.room.joined, false);

  const sec = board.page('s', 'sec', 'secretary');
  sec.room.join('S');
  await board.pump();
  // an offer from a page the secretary has not heard of yet, with a candidate right behind it
  sec.room.onMessage({ type: 'room-signal', roomId: 'S', from: 'a', data: { kind: 'offer', sdp: 'offer' } });
  sec.room.onMessage({
    type: 'room-signal',
    roomId: 'S',
    from: 'a',
    data: { kind: 'ice', candidate: { candidate: 'c1' } },
  });
  const log = sec.room.members.get('a').pc.log;
  await until(() => log.length === 3, 'the candidate is applied');
  assert.deepEqual(log, ['remote:offer', 'local:answer', 'ice:c1']);
  board.queue.length = 0; // the answer went to a page the switchboard does not know
});

test('a candidate that arrives before its offer is kept and applied right after the offer', async () => {
  const board = new Switchboard();
  const sec = board.page('s', 'sec', 'secretary');
  sec.room.join('S');
  await board.pump();
  sec.room.onMessage({
    type: 'room-signal',
    roomId: 'S',
    from: 'a',
    data: { kind: 'ice', candidate: { candidate: 'early' } },
  });
  sec.room.onMessage({ type: 'room-signal', roomId: 'S', from: 'a', data: { kind: 'offer', sdp: 'offer' } });
  const member = sec.room.members.get('a');
  await until(() => member.pc?.log.length === 3, 'the offer is answered');
  assert.deepEqual(member.pc.log, ['remote:offer', 'ice:early', 'local:answer']);
  board.queue.length = 0;
});
