/**
 * The sitting's video room on a page (6.15.1): the page's own camera and a tile for every other member of the room
 * (lib/sitting/room.js does the WebRTC, browser to browser or through the media server). Shared by the commission's console and the student's page; the page passes
 * its live socket's messages in and says when to join or leave.
 *
 * Markup it fills: #room-grid (figure.room-tile[data-peer][data-user][data-role][data-video='waiting'|'playing'] with a
 * video and its caption; the page's own is data-user="self"), #room-state[data-room] ('off' | 'joining' | 'in' |
 * 'refused'), #room-error.
 */

import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { iceServers } from '../live.js';
import { captureJpeg, stopStreams } from '../proctoring/media.js';
import { VideoRoom } from './room.js';

const $ = (id) => document.getElementById(id);
const CAMERA = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15 }, facingMode: 'user' };

export class RoomView {
  /** send: the live socket's send (null while disconnected); nameOf(info) → the caption of a member. */
  constructor({ roomId, nameOf }) {
    this.roomId = roomId;
    this.nameOf = nameOf;
    this.send = null;
    this.stream = null;
    this.wanted = false;
    this.tiles = new Map(); // peer id (or 'self') → its figure, kept across renders
    this.room = new VideoRoom({
      // browser to browser, or through the media server when the engine says so
      send: (message) => this.send?.(message),
      local: () => this.stream,
      onChange: (members) => this.render(members),
      onRefused: (message) => this.refused(message),
    });
  }

  /** The camera and microphone, asked for once; the stream also feeds the page's own snapshots. */
  async camera() {
    if (!this.stream) this.stream = await navigator.mediaDevices.getUserMedia({ video: CAMERA, audio: true });
    return this.stream;
  }

  /** Shows the page's own camera without entering the room (a student in the waiting room). */
  async preview() {
    try {
      await this.camera();
    } catch (err) {
      this.refused(t('room.noCamera', { reason: err?.name ?? 'Error' }));
      return false;
    }
    this.render(this.room.list());
    return true;
  }

  /** Enters the room (the camera first); stays in across reconnections until leave(). */
  async join() {
    this.wanted = true;
    this.state('joining');
    try {
      await this.camera();
    } catch (err) {
      this.wanted = false;
      this.refused(t('room.noCamera', { reason: err?.name ?? 'Error' }));
      return;
    }
    this.render(this.room.list());
    this.room.useConfig({ iceServers: await iceServers() });
    if (this.wanted && this.send) this.room.join(this.roomId);
  }

  leave() {
    this.wanted = false;
    this.room.leave();
    stopStreams(this.stream);
    this.stream = null;
    this.state('off');
    this.render([]);
  }

  get inRoom() {
    return this.wanted;
  }

  /** The live socket (re)opened: a page that was in the room enters it again. */
  connected(send) {
    this.send = send;
    if (this.wanted && this.stream) this.room.join(this.roomId);
  }

  onMessage(message) {
    this.room.onMessage(message);
    if (message.type === 'room-joined' && message.roomId === this.roomId) this.state('in');
  }

  /** The current frame of a member's video (by user id), or of the page's own camera ('self'), as a JPEG Blob or null. */
  snapshot(userId) {
    const video = [...this.tiles.values()].find((tile) => tile.dataset.user === userId)?.querySelector('video');
    return video ? captureJpeg(video, { maxSide: 1280, quality: 0.85 }) : Promise.resolve(null);
  }

  /** True when the member's video is playing on this page. */
  sees(userId) {
    return [...this.tiles.values()].some((tile) => tile.dataset.user === userId && tile.dataset.video === 'playing');
  }

  state(state) {
    $('room-state').dataset.room = state;
    $('room-state').textContent = t(`room.state.${state}`);
    if (state !== 'refused') $('room-error').hidden = true;
  }

  refused(message) {
    this.state('refused');
    $('room-error').hidden = false;
    $('room-error').textContent = message;
  }

  /** Keeps one tile per member: tiles that stay are never moved, since a video taken out of the page stops. */
  render(members) {
    const wanted = [];
    if (this.stream) wanted.push(['self', this.stream, { name: t('room.you'), role: '', userId: 'self' }]);
    for (const m of members) wanted.push([m.peer, m.stream, m]);
    const keep = new Set(wanted.map(([peer]) => peer));
    for (const [peer, tile] of this.tiles) {
      if (!keep.has(peer)) {
        tile.remove();
        this.tiles.delete(peer);
      }
    }
    const grid = $('room-grid');
    for (const [peer, stream, info] of wanted) {
      const tile = this.tiles.get(peer) ?? this.tile(peer);
      const video = tile.querySelector('video');
      if (stream && video.srcObject !== stream) video.srcObject = stream;
      tile.dataset.user = info.userId ?? '';
      tile.dataset.role = info.role ?? '';
      tile.querySelector('figcaption').textContent = peer === 'self' ? info.name : this.nameOf(info);
      if (!tile.isConnected) grid.append(tile);
    }
    this.onRender?.();
  }

  tile(peer) {
    const self = peer === 'self';
    const video = h('video', { autoplay: true, playsinline: true });
    video.muted = self; // one's own microphone is never played back
    const tile = h(
      'figure',
      { class: `room-tile${self ? ' room-self' : ''}`, 'data-peer': peer, 'data-video': 'waiting' },
      video,
      h('figcaption'),
    );
    video.addEventListener('playing', () => {
      tile.dataset.video = 'playing';
      this.onRender?.();
    });
    this.tiles.set(peer, tile);
    return tile;
  }
}

/**
 * The console's room panel: open to the commission while the sitting is open and has no external platform; with a
 * media server, also whose recording is where (the sitting's recordings, issue 5) for the commission and the appeal
 * commission. room: the console's RoomView; nameOf(id) → a person's name.
 */
export function renderRoom(sitting, room, nameOf) {
  const commission = ['secretary', 'chair', 'member'].includes(sitting.role);
  const open = commission && !sitting.videoLink && !sitting.endedAt;
  const recordings = sitting.recordings ?? [];
  $('room').hidden = !open && recordings.length === 0;
  if (!open && room.inRoom) room.leave();
  $('room-join').hidden = room.inRoom || !open;
  $('room-leave').hidden = !room.inRoom;
  $('room-recordings').hidden = recordings.length === 0;
  $('room-recordings-list').replaceChildren(
    ...recordings.map((r) =>
      h('li', {
        'data-user': r.userId,
        text: t('room.recorded', {
          name: nameOf(r.userId),
          role: t(`sitting.role.${r.role}`),
          time: formatDateTime(r.at),
          uri: r.uri,
        }),
      }),
    ),
  );
}
