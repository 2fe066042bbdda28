/**
 * The secretary's photos of the checks before the draw (6.15.6), on the console: the student's ID card and a camera
 * snapshot of the face side by side for the identity check, a snapshot of the desk and room with the checklist. Each
 * is taken from the student's video in the sitting's room, or uploaded as a screenshot when the sitting meets on an
 * external platform. The engine keeps them (PUT …/photos/{kind}) and the step's button waits until they are there.
 * Beside them the student's enrolment photo, kept with the account by an administrator (GET …/photos/enrolment),
 * read once per chosen student; when there is none (404) its figure says so (issue 15, item 5), and when it could not
 * be read, that it is read again.
 *
 * Issue 15 (2, 5): the chair and the members see the same photos read-only while the secretary admits and checks the
 * identity (the enrolment photo beside the ID card and the face snapshot, "not taken yet" until there is one, and the
 * missing enrolment photo said in words); the engine lets exactly the sitting's commission read them (SittingPhotos).
 *
 * Markup: img#photo-<kind> (data-sha256 of the photo shown), button#snap-<kind>, input#file-<kind>, p#snap-hint;
 * figure#figure-enrolment with img#photo-enrolment (data-loaded: false while read, true when shown, none when there is
 * none, failed when it could not be read) and p#enrolment-missing.
 */

import * as api from '../../lib/api/sittings.js';
import { t } from '../../lib/i18n.js';
import { localFileInput } from '../../lib/file-input.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['id-card', 'identity', 'room'];

export class ChecksView {
  /** room: the RoomView or null; act(button, call): runs a step with the console's error handling. */
  constructor({ sittingId, room, act }) {
    Object.assign(this, { sittingId, room, act });
    this.student = null;
    this.shown = new Map(); // kind → sha256 shown
    this.enrolmentOf = null; // the student whose enrolment photo is shown or being read
  }

  prepare() {
    for (const kind of KINDS) {
      $(`snap-${kind}`).addEventListener('click', () =>
        this.act($(`snap-${kind}`), async () => {
          const blob = await this.room?.snapshot(this.student);
          if (!blob) throw new Error($('snap-hint').dataset.noVideo);
          await api.putPhoto(this.sittingId, this.student, kind, blob);
        }),
      );
      localFileInput($(`file-${kind}`)); // issue 15 (2): in the page's language; the id stays for the tests
      $(`file-${kind}`).addEventListener('change', (event) => {
        const file = event.target.files?.[0];
        if (!file) return;
        this.act($(`snap-${kind}`), async () => {
          await api.putPhoto(this.sittingId, this.student, kind, file);
          event.target.value = '';
        });
      });
    }
  }

  /**
   * The chosen student's photos as last read; next: the step due. readOnly: for the chair and the members, who see
   * the photos during admission and the identity check but take none.
   */
  render(student, progress, next, readOnly = false) {
    if (student !== this.student) this.shown.clear();
    this.student = student;
    this.showEnrolment(student);
    const photos = progress.photos ?? {};
    const sees = this.room?.sees(student) ?? false;
    for (const kind of KINDS) {
      $(`snap-${kind}`).disabled = !sees;
      $(`snap-${kind}`).hidden = readOnly;
      $(`file-${kind}`).closest('label').hidden = readOnly;
      this.show(kind, photos[kind]);
    }
    for (const kind of ['id-card', 'identity']) $(`not-yet-${kind}`).hidden = !readOnly || Boolean(photos[kind]);
    $('photos-read-only').hidden = !readOnly;
    $('snap-hint').hidden = sees || !(next === 'identity' || next === 'room');
    $('identity-confirm').disabled = !(photos['id-card'] && photos.identity);
    $('room-submit').disabled = !photos.room;
    $('identity-photos').hidden = readOnly ? !(next === 'admit' || next === 'identity') : next !== 'identity';
    $('identity-photos').dataset.readOnly = String(readOnly);
  }

  show(kind, photo) {
    const img = $(`photo-${kind}`);
    const sha = photo?.sha256 ?? '';
    if (this.shown.get(kind) === sha) return;
    this.shown.set(kind, sha);
    img.dataset.sha256 = '';
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    img.removeAttribute('src');
    img.hidden = !sha;
    if (!sha) return;
    const student = this.student;
    api
      .photo(this.sittingId, student, kind)
      .then((blob) => {
        if (this.student !== student || this.shown.get(kind) !== sha) return;
        img.src = URL.createObjectURL(blob);
        img.dataset.sha256 = sha;
      })
      .catch(() => {
        this.shown.delete(kind);
      });
  }

  /** The student's enrolment photo, read once per chosen student (404: there is none, and the figure says so). */
  showEnrolment(student) {
    if (this.enrolmentOf === student) return;
    this.enrolmentOf = student;
    const img = $('photo-enrolment');
    if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
    img.removeAttribute('src');
    img.hidden = true;
    $('figure-enrolment').hidden = true;
    $('enrolment-missing').hidden = true;
    img.dataset.loaded = 'false';
    api
      .photo(this.sittingId, student, 'enrolment')
      .then((blob) => {
        if (this.enrolmentOf !== student) return;
        img.src = URL.createObjectURL(blob);
        img.hidden = false;
        $('figure-enrolment').hidden = false;
        img.dataset.loaded = 'true';
      })
      .catch((err) => {
        if (this.enrolmentOf !== student) return;
        const none = err?.status === 404;
        img.dataset.loaded = none ? 'none' : 'failed';
        if (!none) this.enrolmentOf = null; // read again at the next render
        $('enrolment-missing').textContent = t(none ? 'sitting.enrolment.missing' : 'sitting.enrolment.failed');
        $('enrolment-missing').hidden = false;
        $('figure-enrolment').hidden = false;
      });
  }
}
