// Unit tests of the media-server signalling (kurento.js): what the student's page and the proctor's page send
// to the engine with a Kurento Media Server configured, and that a server restart makes them offer again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KurentoPublisher, KurentoViewer } from '../../main/web/lib/proctoring/kurento.js';
import { until } from './support.mjs';

const quiet = { warn: () => {} };

class FakePeer extends EventTarget {
  static made = [];
  constructor() {
    super();
    this.transceivers = [];
    this.inits = [];
    this.log = [];
    this.closed = false;
    FakePeer.made.push(this);
  }
  addTransceiver(what, init) {
    this.transceivers.push([typeof what === 'string' ? what : what.kind, init.direction]);
    this.inits.push(init);
  }
  async createOffer() {
    return { type: 'offer', sdp: `offer-${FakePeer.made.indexOf(this)}` };
  }
  async setLocalDescription(d) {
    this.log.push(`local:${d.type}`);
    this.localDescription = d;
  }
  async setRemoteDescription(d) {
    await new Promise((r) => setTimeout(r, 2));
    this.log.push(`remote:${d.sdp}`);
  }
  async addIceCandidate(c) {
    this.log.push(`ice:${c.candidate}`);
  }
  close() {
    this.closed = true;
  }
}
const stream = (id, ...kinds) => ({ id, getTracks: () => kinds.map((kind) => ({ kind })) });

test('issue 17 (2): each track is sent at most at its configured bitrate; none configured leaves WebRTC its own', async () => {
  FakePeer.made = [];
  const recorders = {
    camera: { videoBitsPerSecond: 180000, audioBitsPerSecond: 24000 },
    screen: { videoBitsPerSecond: 120000, audioBitsPerSecond: 0 },
  };
  const publisher = new KurentoPublisher({ attemptId: 'a1', send: () => {}, Peer: FakePeer, recorders, log: quiet });
  publisher.publish('camera', stream('cam', 'video', 'audio'));
  publisher.publish('screen', stream('scr', 'video', 'audio'));
  const caps = (peer) => peer.inits.map((i) => i.sendEncodings?.[0]?.maxBitrate ?? null);
  assert.deepEqual(caps(FakePeer.made[0]), [180000, 24000]);
  assert.deepEqual(caps(FakePeer.made[1]), [120000, null], 'an audio bitrate of 0 sets no cap');
  const bare = new KurentoPublisher({ attemptId: 'a1', send: () => {}, Peer: FakePeer, log: quiet });
  bare.publish('camera', stream('cam', 'video'));
  assert.deepEqual(caps(FakePeer.made[2]), [null]);
  assert.equal(FakePeer.made[2].inits[0].direction, 'sendonly');
  publisher.stopAll();
  bare.stopAll();
});

test('the student publishes camera and screen send-only, applies answers before candidates, and offers again after a restart', async () => {
  FakePeer.made = [];
  const sent = [];
  const publisher = new KurentoPublisher({ attemptId: 'a1', send: (m) => sent.push(m), Peer: FakePeer, log: quiet });
  publisher.publish('camera', stream('cam', 'video', 'audio'));
  publisher.publish('screen', stream('scr', 'video'));
  await until(() => sent.length === 2, 'two offers');
  assert.deepEqual(
    sent.map((m) => [m.type, m.attemptId, m.stream, m.data.kind]),
    [
      ['media', 'a1', 'camera', 'offer'],
      ['media', 'a1', 'screen', 'offer'],
    ],
  );
  assert.deepEqual(FakePeer.made[0].transceivers, [
    ['video', 'sendonly'],
    ['audio', 'sendonly'],
  ]);
  assert.deepEqual(publisher.publishing, ['camera', 'screen']);

  publisher.onMessage({
    type: 'media',
    attemptId: 'a1',
    stream: 'camera',
    data: { kind: 'ice', candidate: { candidate: 'c1' } },
  });
  assert.equal(
    publisher.onMessage({ type: 'media', attemptId: 'a1', stream: 'camera', data: { kind: 'answer', sdp: 'ans' } }),
    true,
  );
  await until(() => FakePeer.made[0].log.includes('ice:c1'), 'the candidate is applied');
  assert.deepEqual(
    FakePeer.made[0].log,
    ['local:offer', 'remote:ans', 'ice:c1'],
    'a candidate before the answer waits for it',
  );
  assert.equal(publisher.onMessage({ type: 'media', attemptId: 'other', stream: 'camera', data: {} }), false);

  sent.length = 0;
  assert.equal(publisher.onMessage({ type: 'media-lost', attemptId: 'a1' }), true);
  await until(() => sent.length === 2, 'offers again');
  assert.equal(FakePeer.made[0].closed, true, 'the old connection is closed');
  assert.equal(FakePeer.made.length, 4);
  publisher.stop('screen');
  assert.deepEqual(publisher.publishing, ['camera']);
  publisher.stopAll();
  assert.deepEqual(publisher.publishing, []);
});

test('a proctor receives both streams through the server and says stop when done', async () => {
  FakePeer.made = [];
  const sent = [];
  const states = [];
  const viewer = new KurentoViewer({
    attemptId: 'a1',
    send: (m) => sent.push(m),
    onStreams: () => {},
    onState: (s) => states.push(s),
    Peer: FakePeer,
    log: quiet,
  });
  viewer.start();
  await until(() => sent.length === 2, 'two offers');
  assert.deepEqual(
    sent.map((m) => [m.type, m.stream, m.data.kind]),
    [
      ['media-view', 'camera', 'offer'],
      ['media-view', 'screen', 'offer'],
    ],
  );
  assert.deepEqual(FakePeer.made[0].transceivers, [
    ['video', 'recvonly'],
    ['audio', 'recvonly'],
  ]);
  assert.deepEqual(FakePeer.made[1].transceivers, [['video', 'recvonly']], 'the screen has no sound');
  assert.equal(
    viewer.onMessage({ type: 'media-view', attemptId: 'a1', stream: 'screen', data: { kind: 'answer', sdp: 's' } }),
    true,
  );
  await until(() => FakePeer.made[1].log.includes('remote:s'), 'the answer is applied');
  sent.length = 0;
  viewer.close(true);
  assert.deepEqual(
    sent.map((m) => [m.stream, m.data.kind]),
    [
      ['camera', 'stop'],
      ['screen', 'stop'],
    ],
  );
  assert.deepEqual(states, ['connecting', 'stopped']);
});
