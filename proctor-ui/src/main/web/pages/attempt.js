/**
 * attempt.html?exam=<examId>: starts or resumes the attempt, shows one question at a time, saves every
 * change at once, counts down to the deadline on the server's clock, and submits (on request, or by
 * itself when time is up). A proctored exam (attempt.proctoring) first goes through the steps of
 * lib/proctoring/student.js (camera and screen, identity, full screen), which also records, takes
 * snapshots and reports events until the end; a proctor may stop the attempt (6.14).
 */

import { ApiError, saveAnswer, startAttempt, submitAttempt } from '../lib/api.js';
import { AnswerBook } from '../lib/answers.js';
import { countdown, serverClock } from '../lib/clock.js';
import { connectLive } from '../lib/live.js';
import { h, param, setState } from '../lib/dom.js';
import { formatCountdown, formatList, formatTime, t } from '../lib/i18n.js';
import { sessionExpired, startSignedInPage } from '../lib/page.js';
import { richText } from '../lib/richtext.js';
import { keepResult } from '../lib/session.js';
import { ProctoredAttempt } from '../lib/proctoring/student.js';

const $ = (id) => document.getElementById(id);
const main = $('attempt');
const ui = {
  loading: $('attempt-loading'),
  problem: $('attempt-problem'),
  problemText: $('attempt-problem-text'),
  body: $('attempt-body'),
  questions: $('attempt-questions'),
  uploadWait: $('upload-wait'),
  uploadWaitText: $('upload-wait-text'),
  uploadSkip: $('upload-skip'),
  noticeBack: $('attempt-notice-back'),
  title: $('exam-title'),
  timerBox: $('timer-box'),
  timer: $('timer'),
  announcer: $('time-announcer'),
  notice: $('attempt-notice'),
  noticeText: $('attempt-notice-text'),
  retry: $('submit-retry'),
  connection: $('connection'),
  timeWarning: $('time-warning'),
  heading: $('question-heading'),
  saveState: $('save-state'),
  answer: $('answer'),
  text: $('question-text'),
  hint: $('question-hint'),
  options: $('options'),
  prev: $('prev'),
  next: $('next'),
  clear: $('clear'),
  mark: $('mark'),
  confirmMarked: $('confirm-marked'),
  progress: $('progress'),
  barProgress: $('bar-progress'),
  navList: $('nav-list'),
  submitOpen: $('submit-open'),
  confirm: $('confirm'),
  confirmSummary: $('confirm-summary'),
  confirmPending: $('confirm-pending'),
  confirmCancel: $('confirm-cancel'),
  confirmSubmit: $('confirm-submit'),
};

/** Minutes left at which the time is announced to screen readers. */
const ANNOUNCE_AT_MINUTES = [10, 5, 1];
const LOW_TIME_MS = 5 * 60 * 1000;
const SUBMIT_TRIES = 5;

let attempt = null;
let book = null;
let current = 0;
let stopCountdown = () => {};
let clock = { offset: 0, now() { return Date.now() + this.offset; } };
let live = null;
/** The proctoring of a proctored exam (lib/proctoring/student.js), else null. */
let proctoring = null;
let terminated = false;
/** Questions the student marked to look at again; only on this device (the server does not need them). */
let marked = new Set();
let finishing = false;
const announced = new Set();

async function start() {
  if (!startSignedInPage()) return;
  const examId = param('exam');
  if (!examId) {
    fail(t('attempt.noExam'));
    return;
  }
  try {
    const sentAt = Date.now();
    const started = await startAttempt(examId);
    const measured = serverClock(started.attempt.serverTime, sentAt, Date.now());
    clock.offset = measured.offset;
    attempt = started.attempt;
    book = openBook();
    showFrame();
    runCountdown();
    live = followAttempt(clock);
    if (attempt.proctoring) {
      setState(main, 'proctoring');
      proctoring = new ProctoredAttempt({ attempt, clock, live, layout: ui.questions, onUnauthorized: sessionExpired });
      const ready = await proctoring.prepare();
      if (finishing) return;
      if (ready !== attempt) {
        // fetched again after the identity wait: now with the questions, and the wait added to the deadline
        const moved = ready.deadline !== attempt.deadline;
        book.close();
        attempt = ready;
        book = openBook();
        if (moved) runCountdown();
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
  return new AnswerBook({
    answers: attempt.answers,
    seqs: attempt.seqs,
    save: (questionId, choices, seq) => saveAnswer(attempt.id, questionId, choices, seq),
    storage: window.localStorage,
    storageKey: `emtihan.answers.${attempt.id}`,
    listener: onAnswerChanged,
    onClosed: () => finish('closed'),
    onUnauthorized: sessionExpired,
  });
}

/** Counts down to attempt.deadline (again, when an identity wait moved it). */
function runCountdown() {
  stopCountdown();
  stopCountdown = countdown(attempt.deadline, clock, showRemaining, () => finish('time'));
}

/**
 * The live socket (API.md): the server's time every few seconds keeps the countdown on the server's clock,
 * and attempt-closed (submitted elsewhere, timed out, stopped by a proctor) ends the page at once. It also
 * tells the proctor's progress page that this student is connected. For a proctored exam it brings the
 * proctor's messages, the identity decision, the deadline moved by an identity wait, and live-view signals.
 */
function followAttempt(clock) {
  return connectLive({
    onOpen: (send) => send({ type: 'attempt', attemptId: attempt.id }),
    onMessage: (message) => {
      if (message.type === 'time') {
        const offset = Date.parse(message.serverTime) - Date.now();
        if (Math.abs(offset - clock.offset) > 1000) clock.offset = offset; // ignore network jitter under a second
      } else if (message.type === 'attempt-closed' && (message.attemptId ?? attempt.id) === attempt.id) {
        if (message.status === 'terminated') stopped(message.reason);
        else finish('closed');
      } else if (message.type === 'deadline' && message.deadline && !finishing) {
        attempt.deadline = message.deadline;
        runCountdown();
      } else {
        proctoring?.onMessage(message);
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
  ui.loading.hidden = true;
  ui.title.textContent = attempt.title ?? '';
  document.title = `${attempt.title ?? ''} — ${t('app.name')}`;
  ui.submitOpen.hidden = Boolean(attempt.proctoring);
  ui.body.hidden = false;
}

/** Builds the page; a resumed attempt opens at its first unanswered question. */
function buildPage(created) {
  ui.submitOpen.hidden = false;
  ui.navList.replaceChildren(...attempt.questions.map((question, index) => h('li', {},
    h('button', {
      type: 'button',
      class: 'nav-button',
      'data-question': question.id,
      text: String(index + 1),
      on: { click: () => show(index, true) },
    }))));
  ui.prev.addEventListener('click', () => show(current - 1, true));
  ui.next.addEventListener('click', () => show(current + 1, true));
  ui.clear.addEventListener('click', () => {
    const question = attempt.questions[current];
    book.set(question.id, []);
    renderOptions(question);
    ui.options.querySelector('input')?.focus();
  });
  ui.options.addEventListener('change', onOptionChanged);
  marked = loadMarks();
  ui.mark.addEventListener('click', () => {
    const id = attempt.questions[current].id;
    if (marked.has(id)) marked.delete(id);
    else marked.add(id);
    saveMarks();
    renderMark(id);
    updateNavButton(id);
  });
  ui.submitOpen.addEventListener('click', openConfirm);
  ui.confirmCancel.addEventListener('click', () => ui.confirm.close());
  ui.confirmSubmit.addEventListener('click', () => {
    ui.confirm.close();
    finish('student');
  });
  ui.retry.addEventListener('click', () => finish('student', true));
  window.addEventListener('online', () => {
    renderConnection();
    book.retryNow();
  });
  window.addEventListener('offline', renderConnection);
  window.addEventListener('beforeunload', (event) => {
    if (!finishing && (book.unsaved || proctoring?.queue.pending > 0)) {
      event.preventDefault();
      event.returnValue = t('attempt.leaveWarning');
    }
  });
  attempt.questions.forEach((question) => updateNavButton(question.id));
  updateProgress();
  const firstOpen = attempt.questions.findIndex((q) => !book.answered(q.id));
  show(created || firstOpen < 0 ? 0 : firstOpen, false);
}

/** Shows question index; moves focus to its heading when the student navigated. */
function show(index, moveFocus) {
  if (index < 0 || index >= attempt.questions.length) return;
  current = index;
  const question = attempt.questions[index];
  ui.heading.textContent = t('attempt.questionOf', { n: index + 1, total: attempt.questions.length });
  ui.text.replaceChildren(richText(question.text));
  ui.hint.textContent = question.multiple ? t('attempt.chooseMany') : t('attempt.chooseOne');
  renderOptions(question);
  renderSaveState(question.id);
  renderMark(question.id);
  ui.prev.disabled = index === 0;
  ui.next.disabled = index === attempt.questions.length - 1;
  for (const button of ui.navList.querySelectorAll('button')) {
    if (button.dataset.question === question.id) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  }
  if (moveFocus) ui.heading.focus();
}

/** Options are sanitised HTML like the question text (the engine cleans both); rendered through the same allow-list. */
function renderOptions(question) {
  const chosen = new Set(book.choices(question.id));
  const type = question.multiple ? 'checkbox' : 'radio';
  const letters = 'ABCDEFGHIJ';
  ui.options.replaceChildren(...question.options.map((option, i) => h('label', { class: 'option' },
    h('input', {
      type,
      name: `answer-${question.id}`,
      value: option.id,
      checked: chosen.has(option.id),
      disabled: finishing,
    }),
    h('span', { class: 'option-letter', text: letters[i] ?? String(i + 1) }),
    h('span', { class: 'option-text' }, richText(option.text)))));
  ui.clear.disabled = finishing || chosen.size === 0;
}

function onOptionChanged() {
  if (finishing) return;
  const question = attempt.questions[current];
  const choices = [...ui.options.querySelectorAll('input:checked')].map((input) => input.value);
  book.set(question.id, choices);
  ui.clear.disabled = choices.length === 0;
}

function renderMark(questionId) {
  const on = marked.has(questionId);
  ui.mark.setAttribute('aria-pressed', String(on));
  ui.mark.textContent = on ? t('attempt.unmark') : t('attempt.mark');
}

function loadMarks() {
  try {
    return new Set(JSON.parse(localStorage.getItem(`emtihan.marked.${attempt.id}`) ?? '[]'));
  } catch {
    return new Set();
  }
}

function saveMarks() {
  try {
    localStorage.setItem(`emtihan.marked.${attempt.id}`, JSON.stringify([...marked]));
  } catch {
    // not kept across a reload; the marks still work on this page
  }
}

function onAnswerChanged(questionId) {
  renderConnection();
  if (questionId === null) return;
  updateNavButton(questionId);
  updateProgress();
  if (attempt.questions[current]?.id === questionId) renderSaveState(questionId);
}

/** Says clearly when the page is offline and how many answers wait on this device (data-* for tests). */
function renderConnection() {
  const offline = book.offline || !navigator.onLine;
  const pending = book.pending;
  main.dataset.connection = offline ? 'offline' : 'online';
  main.dataset.pending = String(pending);
  ui.connection.classList.toggle('connection-offline', offline);
  ui.connection.textContent = offline ? t('attempt.offline', { n: pending }) : pending > 0 ? t('attempt.pending', { n: pending }) : '';
}

function renderSaveState(questionId) {
  const { state, savedAt, message } = book.status(questionId);
  ui.saveState.dataset.save = state;
  switch (state) {
    case 'saving': ui.saveState.textContent = t('attempt.save.saving'); break;
    case 'saved': ui.saveState.textContent = t('attempt.save.saved', { time: formatTime(savedAt) }); break;
    case 'error': ui.saveState.textContent = t('attempt.save.error'); break;
    case 'rejected': ui.saveState.textContent = t('attempt.save.rejected', { message }); break;
    default: ui.saveState.textContent = t('attempt.save.idle');
  }
}

function updateNavButton(questionId) {
  const index = attempt.questions.findIndex((q) => q.id === questionId);
  const button = ui.navList.querySelector(`button[data-question="${CSS.escape(questionId)}"]`);
  if (!button) return;
  const answered = book.answered(questionId);
  const { state } = book.status(questionId);
  const notSaved = state === 'error' || state === 'rejected';
  button.classList.toggle('answered', answered);
  button.classList.toggle('not-saved', notSaved);
  button.classList.toggle('marked', marked.has(questionId));
  const key = notSaved ? 'attempt.navNotSaved' : answered ? 'attempt.navAnswered' : 'attempt.navUnanswered';
  const label = t(key, { n: index + 1 });
  button.setAttribute('aria-label', marked.has(questionId) ? `${label} ${t('attempt.navMarked')}` : label);
}

function updateProgress() {
  const answered = attempt.questions.filter((q) => book.answered(q.id)).length;
  ui.progress.textContent = t('attempt.progress', { answered, total: attempt.questions.length });
  ui.barProgress.textContent = ui.progress.textContent;
}

function showRemaining(ms) {
  ui.timer.textContent = formatCountdown(ms);
  ui.timerBox.classList.toggle('timer-low', ms <= LOW_TIME_MS);
  const minutes = Math.ceil(ms / 60000);
  for (const mark of ANNOUNCE_AT_MINUTES) {
    if (minutes === mark && !announced.has(mark) && ms > 0) {
      announced.add(mark);
      ui.announcer.textContent = mark === 1 ? t('attempt.timeAnnounceOne') : t('attempt.timeAnnounce', { n: mark });
    }
  }
  // visible warnings at 10 and 1 minute (issue 3), kept until the next one
  const warning = minutes <= 1 && ms > 0 ? 'attempt.warn1' : minutes <= 10 && ms > 0 ? 'attempt.warn10' : null;
  if (warning && ui.timeWarning.dataset.key !== warning) {
    ui.timeWarning.dataset.key = warning;
    ui.timeWarning.textContent = t(warning);
    ui.timeWarning.hidden = false;
  }
}

function openConfirm() {
  const unanswered = attempt.questions.map((q, i) => (book.answered(q.id) ? null : i + 1)).filter(Boolean);
  const total = attempt.questions.length;
  ui.confirmSummary.textContent = unanswered.length === 0
    ? t('attempt.confirmAllAnswered', { total })
    : t('attempt.confirmUnanswered', { count: unanswered.length, total, list: formatList(unanswered) });
  const marks = attempt.questions.map((q, i) => (marked.has(q.id) ? i + 1 : null)).filter(Boolean);
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
  if (finishing && !again) return;
  finishing = true;
  stopCountdown();
  const recordingStopped = proctoring?.stopRecording();
  for (const step of main.querySelectorAll('.panel-step')) step.hidden = true;
  book.close();
  lockAnswers();
  ui.retry.hidden = true;
  const noticeKey = why === 'time' ? 'attempt.timeUp' : why === 'closed' ? 'attempt.closed' : 'attempt.submitting';
  ui.notice.classList.remove('notice-error');
  ui.noticeText.textContent = t(noticeKey);
  ui.notice.hidden = false;
  for (let tries = 1; ; tries += 1) {
    try {
      const result = await submitAttempt(attempt.id, book.copy());
      // closed only now: a socket that closes while the attempt runs is a "disconnected" flag for the proctor
      live?.close();
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
  finishing = true;
  stopCountdown();
  book.close();
  lockAnswers();
  for (const step of main.querySelectorAll('.panel-step')) step.hidden = true;
  ui.questions.hidden = true;
  ui.retry.hidden = true;
  ui.notice.classList.add('notice-error');
  ui.noticeText.textContent = t('attempt.terminated', { reason: reason || t('attempt.terminatedNoReason') });
  ui.notice.hidden = false;
  setState(main, 'terminated');
  await proctoring?.stopRecording();
  await sendRestOfRecording();
  live?.close();
  ui.noticeBack.hidden = false;
}

/** After the end: waits (showing how much is left) until the last chunks of the recording are uploaded. */
async function sendRestOfRecording() {
  if (!proctoring) return;
  const skip = new Promise((resolve) => ui.uploadSkip.addEventListener('click', resolve, { once: true }));
  await proctoring.flush({
    deadline: attempt.deadline,
    giveUp: skip,
    onProgress: (pending) => {
      ui.uploadWait.hidden = pending === 0;
      ui.uploadWaitText.textContent = t('proctoring.uploadsLeft', { n: pending });
    },
  });
  ui.uploadWait.hidden = true;
}

function lockAnswers() {
  for (const input of ui.options.querySelectorAll('input')) input.disabled = true;
  ui.clear.disabled = true;
  ui.submitOpen.disabled = true;
}

start();
