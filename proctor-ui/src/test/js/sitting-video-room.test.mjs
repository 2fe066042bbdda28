// The room a page uses (lib/sitting/room.js VideoRoom): browser to browser unless the engine says the room goes
// through the media server (issue 5, 1: "Kurento when configured").
import assert from 'node:assert/strict';
import test from 'node:test';
import { VideoRoom } from '../../main/web/lib/sitting/room.js';
import { until } from './support.mjs';

class FakePeer extends EventTarget {
  addTrack() {}
  addTransceiver() {}
  async createOffer() {
    return { type: 'offer', sdp: 'offer' };
  }
  async setLocalDescription(d) {
    this.localDescription = d;
  }
  close() {}
}

const local = { id: 'cam', getTracks: () => [{ kind: 'video' }] };

function page() {
  const sent = [];
  const refusals = [];
  const room = new VideoRoom({
    send: (m) => sent.push(m),
    local: () => local,
    Peer: FakePeer,
    log: { warn: () => {} },
    onRefused: (reason) => refusals.push(reason),
  });
  return { room, sent, refusals };
}

test('room-joined with media "kurento" switches the page to the media server; "mesh" keeps it browser to browser', async () => {
  const k = page();
  k.room.join('S');
  k.room.onMessage({
    type: 'room-joined',
    roomId: 'S',
    self: { peer: 'a' },
    peers: [{ peer: 'b', published: true }],
    media: 'kurento',
  });
  await until(
    () => k.sent.filter((m) => m.type === 'room-media').length === 2,
    'the publish and the receive are offered',
  );
  assert.equal(k.room.media, 'kurento');
  assert.equal(k.room.joined, true);
  assert.deepEqual(
    k.sent.filter((m) => m.type === 'room-media').map((m) => m.stream),
    ['a', 'b'],
    'publishes, then receives b',
  );

  const m = page();
  m.room.join('S');
  m.room.onMessage({ type: 'room-joined', roomId: 'S', self: { peer: 'a' }, peers: [{ peer: 'b' }], media: 'mesh' });
  await until(() => m.sent.length === 2, 'the offer to b is sent');
  assert.equal(m.room.media, 'mesh');
  assert.deepEqual(
    m.sent.map((x) => x.type),
    ['room-join', 'room-signal'],
    'offers to b directly, nothing to a server',
  );
  assert.equal(m.room.list().length, 1);
});

test("room-left from the engine ends the page's connections and says why", async () => {
  const p = page();
  p.room.join('S');
  p.room.onMessage({ type: 'room-joined', roomId: 'S', self: { peer: 'a' }, peers: [{ peer: 'b' }], media: 'mesh' });
  await until(() => p.sent.length === 2, 'the offer to b is sent');
  assert.equal(p.room.list().length, 1);
  p.room.onMessage({ type: 'room-left', roomId: 'S', reason: 'your exam in this sitting is over' });
  assert.equal(p.room.joined, false);
  assert.equal(p.room.list().length, 0);
  assert.deepEqual(p.refusals, ['your exam in this sitting is over']);
  p.room.onMessage({ type: 'room-signal', roomId: 'S', from: 'b', data: { kind: 'offer', sdp: 'x' } });
  assert.equal(p.room.list().length, 0, 'signals after leaving are ignored');
});
