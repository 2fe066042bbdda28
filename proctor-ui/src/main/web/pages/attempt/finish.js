/**
 * The end of an attempt on the student's test page (pages/attempt/attempt.js): the confirmation before submitting
 * (unanswered and marked questions, answers not yet saved), submitting with the full copy of the answers
 * (retried while the failure is transient, then a "Try again" button), the stop by a proctor (6.14), and for a
 * proctored exam the wait until the rest of the recording is uploaded.
 *
 * attemptEnd(session, { timer, questions }) sets session.finishing, which the questions and the page read;
 * timer is the page's clock (pages/attempt/clock.js), questions its question view (pages/attempt/questions.js).
 *
 * For tests: <main data-state="terminated">, #attempt-notice, #submit-retry, #upload-wait.
 */

import { ApiError } from '../../lib/api/client.js';
import { submitAttempt } from '../../lib/api/attempts.js';
import { setState } from '../../lib/dom.js';
import { formatList, t } from '../../lib/i18n.js';
import { sessionExpired } from '../../lib/page.js';
import { keepResult } from '../../lib/session.js';

const $ = (id) => document.getElementById(id);
const main = $('attempt');
const ui = {
  questions: $('attempt-questions'),
  notice: $('attempt-notice'),
  noticeText: $('attempt-notice-text'),
  noticeBack: $('attempt-notice-back'),
  retry: $('submit-retry'),
  uploadWait: $('upload-wait'),
  uploadWaitText: $('upload-wait-text'),
  uploadSkip: $('upload-skip'),
  submitOpen: $('submit-open'),
  skipFinish: $('skip-finish'),
  confirm: $('confirm'),
  confirmSummary: $('confirm-summary'),
  confirmMarked: $('confirm-marked'),
  confirmPending: $('confirm-pending'),
  confirmCancel: $('confirm-cancel'),
  confirmSubmit: $('confirm-submit'),
};
const SUBMIT_TRIES = 5;

/** session: { attempt, book, live, proctoring, finishing } as the page holds them. */
export function attemptEnd(session, { timer, questions }) {
  let terminated = false;

  /** The submit button, its confirmation and the retry after a failed submit. */
  function prepare() {
    ui.submitOpen.addEventListener('click', openConfirm);
    // issue 15 (8): the skip link from a question to "Finish" moves the focus there (a fragment alone does not)
    ui.skipFinish.addEventListener('click', (event) => {
      event.preventDefault();
      ui.submitOpen.focus();
    });
    ui.confirmCancel.addEventListener('click', () => ui.confirm.close());
    ui.confirmSubmit.addEventListener('click', () => {
      ui.confirm.close();
      finish('student');
    });
    ui.retry.addEventListener('click', () => finish('student', true));
  }

  function openConfirm() {
    const { attempt, book } = session;
    const unanswered = attempt.questions.map((q, i) => (book.answered(q.id) ? null : i + 1)).filter(Boolean);
    const total = attempt.questions.length;
    ui.confirmSummary.textContent =
      unanswered.length === 0
        ? t('attempt.confirmAllAnswered', { total })
        : t('attempt.confirmUnanswered', { count: unanswered.length, total, list: formatList(unanswered) });
    const marks = questions.markedNumbers();
    ui.confirmMarked.hidden = marks.length === 0;
    ui.confirmMarked.textContent = marks.length === 0 ? '' : t('attempt.confirmMarked', { list: formatList(marks) });
    ui.confirmPending.hidden = !book.unsaved;
    ui.confirm.showModal();
    ui.confirmCancel.focus();
  }

  /**
   * Submits the attempt with the full copy of the answers, keeps the result for the result page and goes
   * there. why: 'student' (confirmed), 'time' (deadline reached) or 'closed' (the server refused a save).
   */
  async function finish(why, again = false) {
    if (session.finishing && !again) return;
    session.finishing = true;
    timer.stop();
    const recordingStopped = session.proctoring?.stopRecording();
    for (const step of main.querySelectorAll('.panel-step')) step.hidden = true;
    session.book.close();
    lockAnswers();
    ui.retry.hidden = true;
    const noticeKey = why === 'time' ? 'attempt.timeUp' : why === 'closed' ? 'attempt.closed' : 'attempt.submitting';
    ui.notice.classList.remove('notice-error');
    ui.noticeText.textContent = t(noticeKey);
    ui.notice.hidden = false;
    for (let tries = 1; ; tries += 1) {
      const { attempt, book } = session;
      try {
        const result = await submitAttempt(attempt.id, book.copy());
        // closed only now: a socket that closes while the attempt runs is a "disconnected" flag for the proctor
        session.live?.close();
        book.forget();
        keepResult(attempt.id, { ...result, title: attempt.title });
        await recordingStopped;
        await sendRestOfRecording();
        window.location.replace(`result.html?attempt=${encodeURIComponent(attempt.id)}`);
        return;
      } catch (err) {
        if (terminated) return;
        if (err instanceof ApiError && err.status === 401) {
          sessionExpired();
          return;
        }
        if (err instanceof ApiError && err.transient && tries < SUBMIT_TRIES) {
          await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (tries - 1)));
          continue;
        }
        ui.notice.classList.add('notice-error');
        ui.noticeText.textContent = t('attempt.submitFailed', { message: err.message });
        ui.retry.hidden = false;
        ui.retry.focus();
        return;
      }
    }
  }

  /** A proctor stopped the attempt (6.14): nothing more is sent but the rest of the recording. */
  async function stopped(reason) {
    if (terminated) return;
    terminated = true;
    session.finishing = true;
    timer.stop();
    session.book.close();
    lockAnswers();
    for (const step of main.querySelectorAll('.panel-step')) step.hidden = true;
    ui.questions.hidden = true;
    ui.retry.hidden = true;
    ui.notice.classList.add('notice-error');
    ui.noticeText.textContent = t('attempt.terminated', { reason: reason || t('attempt.terminatedNoReason') });
    ui.notice.hidden = false;
    setState(main, 'terminated');
    await session.proctoring?.stopRecording();
    await sendRestOfRecording();
    session.live?.close();
    ui.noticeBack.hidden = false;
  }

  /** After the end: waits (showing how much is left) until the last chunks of the recording are uploaded. */
  async function sendRestOfRecording() {
    const { proctoring } = session;
    if (!proctoring) return;
    const skip = new Promise((resolve) => ui.uploadSkip.addEventListener('click', resolve, { once: true }));
    await proctoring.flush({
      deadline: session.attempt.deadline,
      giveUp: skip,
      onProgress: (pending) => {
        ui.uploadWait.hidden = pending === 0;
        ui.uploadWaitText.textContent = t('proctoring.uploadsLeft', { n: pending });
      },
    });
    ui.uploadWait.hidden = true;
  }

  function lockAnswers() {
    questions.lock();
    ui.submitOpen.disabled = true;
  }

  return { prepare, finish, stopped };
}
