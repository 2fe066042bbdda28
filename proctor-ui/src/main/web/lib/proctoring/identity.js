/**
 * The identity step of a proctored attempt (attempt.html #identity): a photo of the student's face from
 * the camera and a photo of their identity card (from the camera, or a chosen photo or scan), both shown
 * before they are sent with POST /attempts/{id}/identity. The server's problems (no face, two faces, no
 * face on the card) are shown next to the photo they concern, and the student takes it again.
 */

import { ApiError } from '../api/client.js';
import { submitIdentity } from '../api/attempts.js';
import { h } from '../dom.js';
import { localFileInput } from '../file-input.js';
import { t } from '../i18n.js';
import { captureJpeg, imageFileToJpeg } from './media.js';

const $ = (id) => document.getElementById(id);

/** The words for one problem of the server's answer: per field and error code, else its own message. */
export function problemText(problem) {
  const field = problem.field === 'document' ? 'document' : 'face';
  for (const key of [`identity.problem.${field}.${problem.error}`, `identity.problem.${problem.error}`]) {
    const text = t(key);
    if (text !== key) return text;
  }
  return problem.message ?? problem.error ?? '';
}

export class IdentityStep {
  /** attemptId; stream: the camera's MediaStream; maxImageBytes from the settings. */
  constructor({ attemptId, stream, maxImageBytes = 4 * 1024 * 1024, onUnauthorized = () => {} }) {
    this.attemptId = attemptId;
    this.stream = stream;
    this.maxImageBytes = maxImageBytes;
    this.onUnauthorized = onUnauthorized;
    this.photos = { face: null, document: null };
    this.urls = { face: null, document: null };
    this.el = {
      section: $('identity'),
      heading: $('identity-heading'),
      rejected: $('identity-rejected'),
      video: $('identity-video'),
      problems: $('identity-problems'),
      submit: $('identity-submit'),
      file: $('identity-document-file'),
      face: {
        img: $('identity-face'),
        empty: $('identity-face-empty'),
        take: $('identity-face-take'),
        box: $('identity-face-box'),
      },
      document: {
        img: $('identity-document'),
        empty: $('identity-document-empty'),
        take: $('identity-document-take'),
        box: $('identity-document-box'),
      },
    };
    this.el.face.take.addEventListener('click', () => this.take('face'));
    this.el.document.take.addEventListener('click', () => this.take('document'));
    localFileInput(this.el.file); // issue 15 (2): "choose a file" in the page's language, not the browser's
    this.el.file.addEventListener('change', () => this.choose());
    this.el.submit.addEventListener('click', () => this.send());
  }

  /**
   * Shows the step (with the reason of an earlier rejection, if any) and resolves with the server's
   * answer once photos without problems are taken: {status: 'pending' | 'approved', …}.
   */
  run(rejectedReason = null) {
    this.el.rejected.hidden = !rejectedReason;
    this.el.rejected.textContent = rejectedReason ? t('identity.rejected', { reason: rejectedReason }) : '';
    this.clear('face');
    this.clear('document');
    this.showProblems([]);
    this.el.video.srcObject = this.stream;
    this.el.video.play?.().catch(() => {});
    this.el.section.hidden = false;
    this.el.heading.focus();
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  hide() {
    this.el.section.hidden = true;
    this.el.video.srcObject = null;
  }

  async take(which) {
    const blob = await captureJpeg(this.el.video, { quality: 0.9, maxSide: 1280 });
    if (!blob) {
      this.showProblems([{ text: t('identity.noCamera') }]);
      return;
    }
    this.set(which, blob);
  }

  async choose() {
    const file = this.el.file.files[0];
    this.el.file.value = '';
    if (!file) return;
    if (!/^image\/(jpeg|png)$/.test(file.type)) {
      this.showProblems([{ field: 'document', text: t('identity.fileType') }]);
      return;
    }
    try {
      const jpeg = await imageFileToJpeg(file);
      if (!jpeg || jpeg.size > this.maxImageBytes) {
        this.showProblems([{ field: 'document', text: t('identity.fileTooLarge') }]);
        return;
      }
      this.set('document', jpeg);
    } catch {
      this.showProblems([{ field: 'document', text: t('identity.fileUnreadable') }]);
    }
  }

  set(which, blob) {
    this.clear(which);
    this.photos[which] = blob;
    this.urls[which] = URL.createObjectURL(blob);
    const el = this.el[which];
    el.img.src = this.urls[which];
    el.img.hidden = false;
    el.empty.hidden = true;
    el.take.textContent = t(which === 'face' ? 'identity.retakeFace' : 'identity.retakeDocument');
    el.box.classList.remove('has-problem');
    el.box.dataset.photo = 'taken';
    this.el.submit.disabled = !(this.photos.face && this.photos.document);
  }

  clear(which) {
    if (this.urls[which]) URL.revokeObjectURL(this.urls[which]);
    this.urls[which] = null;
    this.photos[which] = null;
    const el = this.el[which];
    el.img.removeAttribute('src');
    el.img.hidden = true;
    el.empty.hidden = false;
    el.take.textContent = t(which === 'face' ? 'identity.takeFace' : 'identity.takeDocument');
    el.box.dataset.photo = 'none';
    this.el.submit.disabled = true;
  }

  /** problems: [{field?, text}]; marks the photo each concerns. */
  showProblems(problems) {
    for (const which of ['face', 'document']) {
      this.el[which].box.classList.toggle(
        'has-problem',
        problems.some((p) => p.field === which),
      );
    }
    if (problems.length === 0) {
      this.el.problems.hidden = true;
      this.el.problems.replaceChildren();
      return;
    }
    this.el.problems.replaceChildren(
      h('p', { class: 'error-message', text: t('identity.problemsIntro') }),
      h(
        'ul',
        {},
        ...problems.map((p) =>
          h(
            'li',
            { 'data-field': p.field ?? '' },
            p.field ? h('strong', { text: `${t(`identity.field.${p.field}`)}: ` }) : null,
            p.text,
          ),
        ),
      ),
    );
    this.el.problems.hidden = false;
  }

  async send() {
    if (!(this.photos.face && this.photos.document)) return;
    const button = this.el.submit;
    button.disabled = true;
    button.textContent = t('identity.sending');
    this.showProblems([]);
    try {
      const face = new File([this.photos.face], 'face.jpg', { type: 'image/jpeg' });
      const document = new File([this.photos.document], 'document.jpg', { type: 'image/jpeg' });
      const answer = await submitIdentity(this.attemptId, face, document);
      const problems = answer?.problems ?? [];
      if (problems.length > 0 || answer?.status === 'rejected') {
        this.showProblems(
          problems.length > 0
            ? problems.map((p) => ({ field: p.field, text: problemText(p) }))
            : [{ text: t('identity.rejectedNoReason') }],
        );
        for (const p of problems) if (p.field === 'face' || p.field === 'document') this.clear(p.field);
        return;
      }
      this.hide();
      this.resolve?.(answer);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.onUnauthorized();
        return;
      }
      this.showProblems([{ text: t('identity.sendFailed', { message: err.message }) }]);
    } finally {
      button.textContent = t('identity.submit');
      button.disabled = !(this.photos.face && this.photos.document);
    }
  }
}
