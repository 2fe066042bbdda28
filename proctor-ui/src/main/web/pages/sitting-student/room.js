/**
 * The student's side of the sitting's video room (6.15.1, 6.15.6): in the waiting room the student turns the camera
 * on and photographs their ID card for the secretary's identity check; once the secretary admits them the page
 * enters the room by itself and shows the commission; when the result is published (or the exam postponed) it leaves,
 * so the next student has the commission to themself. A sitting on an external platform shows none of this.
 *
 * Markup: section#room with #room-join (the camera), #room-hint, #own-id-card, img#photo-own-id-card[data-sha256],
 * button#snap-own-id-card, #own-id-error; RoomView fills #room-state, #room-error and #room-grid.
 */

import { errorText } from '../../lib/api/client.js';
import { t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { RoomView } from '../../lib/sitting/room-view.js';

const $ = (id) => document.getElementById(id);

export class StudentRoom {
  constructor({ sittingId, me, reload }) {
    Object.assign(this, { sittingId, me, reload });
    this.view = new RoomView({
      roomId: sittingId,
      nameOf: (info) => t('room.member', { name: info.name ?? '', role: t(`sitting.role.${info.role}`) }),
    });
    this.view.onRender = () => this.buttons();
    this.shownSha = '';
    this.progress = {};
  }

  prepare() {
    $('room-join').addEventListener('click', async () => {
      await this.view.preview();
      this.buttons();
    });
    $('snap-own-id-card').addEventListener('click', () => this.photographIdCard());
  }

  connected(send) {
    this.view.connected(send);
  }

  onMessage(message) {
    this.view.onMessage(message);
  }

  /** The sitting as last read: where the student stands decides whether the page is in the room. */
  render(sitting, p) {
    this.progress = p;
    const external = Boolean(sitting.videoLink) || Boolean(sitting.endedAt);
    const finished = Boolean(p.publishedAt) || p.status === 'postponed';
    $('room').hidden = external || finished;
    const admitted = Boolean(p.admittedAt) && !finished && !external;
    if (admitted && !this.view.inRoom) this.view.join();
    if (!admitted && this.view.inRoom) this.view.leave();
    if ((external || finished) && this.view.stream) this.view.leave();
    $('room-hint').textContent = t(admitted ? 'room.studentIn' : 'room.studentWaiting');
    $('own-id-card').hidden = Boolean(p.identity) || external || finished;
    this.showIdCard(p.photos?.['id-card']);
    this.buttons();
  }

  buttons() {
    $('room-join').hidden = Boolean(this.view.stream);
    $('snap-own-id-card').disabled = !this.view.stream;
  }

  async photographIdCard() {
    const box = $('own-id-error');
    box.hidden = true;
    const button = $('snap-own-id-card');
    button.disabled = true;
    try {
      const blob = await this.view.snapshot('self');
      if (!blob) throw new Error(t('room.noFrame'));
      await api.putPhoto(this.sittingId, this.me(), 'id-card', blob);
      await this.reload();
    } catch (err) {
      box.hidden = false;
      box.textContent = errorText(err);
    } finally {
      button.disabled = !this.view.stream;
    }
  }

  showIdCard(photo) {
    const img = $('photo-own-id-card');
    const sha = photo?.sha256 ?? '';
    if (sha === this.shownSha) return;
    this.shownSha = sha;
    img.hidden = !sha;
    if (!sha) return;
    api
      .photo(this.sittingId, this.me(), 'id-card')
      .then((blob) => {
        if (this.shownSha !== sha) return;
        if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
        img.src = URL.createObjectURL(blob);
        img.dataset.sha256 = sha;
      })
      .catch(() => {
        this.shownSha = '';
      });
  }
}
