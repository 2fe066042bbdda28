/**
 * attempt.html?exam=<examId>: starts or resumes the attempt, shows one question at a time, saves every
 * change at once, counts down to the deadline on the server's clock, and submits (on request, or by
 * itself when time is up). A proctored exam (attempt.proctoring) first goes through the steps of
 * lib/proctoring/student.js (camera and screen, identity, full screen), which also records, takes
 * snapshots and reports events until the end; a proctor may stop the attempt (6.14).
 *
 * This module starts the attempt, opens its answer book and follows the live socket. The parts: the question,
 * its options and the navigator (pages/attempt/questions.js), the countdown and its announcements
 * (pages/attempt/clock.js), and the confirmation, submission and stop by a proctor (pages/attempt/finish.js).
 */

import { ApiError } from '../../lib/api/client.js';
import { saveAnswer, startAttempt } from '../../lib/api/attempts.js';
import { AnswerBook } from '../../lib/answers.js';
import { serverClock } from '../../lib/clock.js';
import { connectLive } from '../../lib/live.js';
import { param, setState } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { attemptMedia } from '../../lib/question-media.js';
import { setMediaSource } from '../../lib/richtext.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import { ProctoredAttempt } from '../../lib/proctoring/student.js';
import { attemptClock } from './clock.js';
import { attemptEnd } from './finish.js';
import { questionView } from './questions.js';

const $ = (id) => document.getElementById(id);
const main = $('attempt');
const ui = {
  loading: $('attempt-loading'),
  problem: $('attempt-problem'),
  problemText: $('attempt-problem-text'),
  body: $('attempt-body'),
  questions: $('attempt-questions'),
  title: $('exam-title'),
  submitOpen: $('submit-open'),
};

/**
 * What the parts of the page share. attempt and book are replaced once when a proctored attempt is fetched
 * again after the identity wait; proctoring is the lib/proctoring/student.js part of a proctored exam, else
 * null; finishing is set by pages/attempt/finish.js once the attempt is being submitted or was stopped.
 */
const session = {
  attempt: null,
  book: null,
  clock: {
    offset: 0,
    now() {
      return Date.now() + this.offset;
    },
  },
  live: null,
  proctoring: null,
  finishing: false,
};
const questions = questionView(session);
const timer = attemptClock(session, () => end.finish('time'));
const end = attemptEnd(session, { timer, questions });

async function start() {
  if (!startSignedInPage()) return;
  const examId = param('exam');
  if (!examId) {
    fail(t('attempt.noExam'));
    return;
  }
  try {
    const { clock } = session;
    const sentAt = Date.now();
    const started = await startAttempt(examId);
    const measured = serverClock(started.attempt.serverTime, sentAt, Date.now());
    clock.offset = measured.offset;
    session.attempt = started.attempt;
    setMediaSource(attemptMedia(started.attempt.id)); // the pictures of this paper only (issue 12, 2)
    session.book = openBook();
    showFrame();
    timer.run();
    session.live = followAttempt(clock);
    const { attempt, live } = session;
    if (attempt.proctoring) {
      setState(main, 'proctoring');
      session.proctoring = new ProctoredAttempt({
        attempt,
        clock,
        live,
        layout: ui.questions,
        onUnauthorized: sessionExpired,
      });
      const ready = await session.proctoring.prepare();
      if (session.finishing) return;
      if (ready !== attempt) {
        // fetched again after the identity step: now with the questions and the deadline (the clock starts now)
        const moved = ready.deadline !== attempt.deadline;
        session.book.close();
        session.attempt = ready;
        session.book = openBook();
        if (moved) timer.run();
      }
    }
    buildPage(started.created);
    setState(main, 'ready');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    fail(err.message);
  }
}

function openBook() {
  const { attempt } = session;
  return new AnswerBook({
    answers: attempt.answers,
    seqs: attempt.seqs,
    save: (questionId, choices, seq) => saveAnswer(attempt.id, questionId, choices, seq),
    storage: window.localStorage,
    storageKey: `emtihan.answers.${attempt.id}`,
    listener: questions.onAnswerChanged,
    onClosed: () => end.finish('closed'),
    onUnauthorized: sessionExpired,
  });
}

/**
 * The live socket (API.md): the server's time every few seconds keeps the countdown on the server's clock,
 * and attempt-closed (submitted elsewhere, timed out, stopped by a proctor) ends the page at once. It also
 * tells the proctor's progress page that this student is connected. For a proctored exam it brings the
 * proctor's messages, the identity decision, the deadline moved by an identity wait, and live-view signals.
 */
function followAttempt(clock) {
  return connectLive({
    onOpen: (send) => send({ type: 'attempt', attemptId: session.attempt.id }),
    onMessage: (message) => {
      const { attempt } = session;
      if (message.type === 'time') {
        const offset = Date.parse(message.serverTime) - Date.now();
        if (Math.abs(offset - clock.offset) > 1000) clock.offset = offset; // ignore network jitter under a second
      } else if (message.type === 'attempt-closed' && (message.attemptId ?? attempt.id) === attempt.id) {
        if (message.status === 'terminated') end.stopped(message.reason);
        else end.finish('closed');
      } else if (message.type === 'deadline' && message.deadline && !session.finishing) {
        attempt.deadline = message.deadline;
        timer.run();
      } else {
        session.proctoring?.onMessage(message);
      }
    },
  });
}

function fail(message) {
  ui.loading.hidden = true;
  ui.body.hidden = true;
  ui.problemText.textContent = message;
  ui.problem.hidden = false;
  setState(main, 'error');
}

/** The title and the bar with the clock; the questions follow (after the proctoring steps, if any). */
function showFrame() {
  const { attempt } = session;
  ui.loading.hidden = true;
  ui.title.textContent = attempt.title ?? '';
  document.title = `${attempt.title ?? ''} — ${t('app.name')}`;
  ui.submitOpen.hidden = Boolean(attempt.proctoring);
  ui.body.hidden = false;
}

/** Builds the page; a resumed attempt opens at its first unanswered question. */
function buildPage(created) {
  ui.submitOpen.hidden = false;
  questions.prepare();
  end.prepare();
  window.addEventListener('online', () => {
    questions.renderConnection();
    session.book.retryNow();
  });
  window.addEventListener('offline', questions.renderConnection);
  window.addEventListener('beforeunload', (event) => {
    if (!session.finishing && (session.book.unsaved || session.proctoring?.queue.pending > 0)) {
      event.preventDefault();
      event.returnValue = t('attempt.leaveWarning');
    }
  });
  questions.showFirst(created);
}

start();
