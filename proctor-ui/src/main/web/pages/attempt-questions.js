/**
 * The questions of the student's test page (pages/attempt.js): one question at a time with its options, the
 * save state of its answer, Previous / Next / Clear, marking a question for review (kept on this device only),
 * the navigator with one button per question, the progress line, and the connection line that says when the
 * page is offline and how many answers wait on this device.
 *
 * questionView(session) reads session.attempt, session.book and session.finishing when it draws, so a book
 * opened again (after the identity wait) is the one it uses.
 *
 * For tests: <main data-connection data-pending>, #save-state[data-save], #nav-list button[data-question]
 * (classes answered, not-saved, marked; aria-current on the shown one).
 */

import { h } from '../lib/dom.js';
import { formatTime, t } from '../lib/i18n.js';
import { richText } from '../lib/richtext.js';

const $ = (id) => document.getElementById(id);
const main = $('attempt');
const ui = {
  connection: $('connection'),
  heading: $('question-heading'),
  saveState: $('save-state'),
  text: $('question-text'),
  hint: $('question-hint'),
  options: $('options'),
  prev: $('prev'),
  next: $('next'),
  clear: $('clear'),
  mark: $('mark'),
  progress: $('progress'),
  barProgress: $('bar-progress'),
  navList: $('nav-list'),
};
const LETTERS = 'ABCDEFGHIJ';

/** session: { attempt, book, finishing } as the page holds them. */
export function questionView(session) {
  let current = 0;
  /** Questions the student marked to look at again; only on this device (the server does not need them). */
  let marked = new Set();

  /** The navigator, the buttons and the marks; then every navigator button and the progress drawn once. */
  function prepare() {
    const { attempt } = session;
    ui.navList.replaceChildren(
      ...attempt.questions.map((question, index) =>
        h(
          'li',
          {},
          h('button', {
            type: 'button',
            class: 'nav-button',
            'data-question': question.id,
            text: String(index + 1),
            on: { click: () => show(index, true) },
          }),
        ),
      ),
    );
    ui.prev.addEventListener('click', () => show(current - 1, true));
    ui.next.addEventListener('click', () => show(current + 1, true));
    ui.clear.addEventListener('click', () => {
      const question = session.attempt.questions[current];
      session.book.set(question.id, []);
      renderOptions(question);
      ui.options.querySelector('input')?.focus();
    });
    ui.options.addEventListener('change', onOptionChanged);
    marked = loadMarks();
    ui.mark.addEventListener('click', () => {
      const id = session.attempt.questions[current].id;
      if (marked.has(id)) marked.delete(id);
      else marked.add(id);
      saveMarks();
      renderMark(id);
      updateNavButton(id);
    });
  }

  /** A resumed attempt opens at its first unanswered question, a new one at the first. */
  function showFirst(created) {
    const { attempt, book } = session;
    attempt.questions.forEach((question) => updateNavButton(question.id));
    updateProgress();
    const firstOpen = attempt.questions.findIndex((q) => !book.answered(q.id));
    show(created || firstOpen < 0 ? 0 : firstOpen, false);
  }

  /** Shows question index; moves focus to its heading when the student navigated. */
  function show(index, moveFocus) {
    const { attempt } = session;
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
    const chosen = new Set(session.book.choices(question.id));
    const type = question.multiple ? 'checkbox' : 'radio';
    ui.options.replaceChildren(
      ...question.options.map((option, i) =>
        h(
          'label',
          { class: 'option' },
          h('input', {
            type,
            name: `answer-${question.id}`,
            value: option.id,
            checked: chosen.has(option.id),
            disabled: session.finishing,
          }),
          h('span', { class: 'option-letter', text: LETTERS[i] ?? String(i + 1) }),
          h('span', { class: 'option-text' }, richText(option.text)),
        ),
      ),
    );
    ui.clear.disabled = session.finishing || chosen.size === 0;
  }

  function onOptionChanged() {
    if (session.finishing) return;
    const question = session.attempt.questions[current];
    const choices = [...ui.options.querySelectorAll('input:checked')].map((input) => input.value);
    session.book.set(question.id, choices);
    ui.clear.disabled = choices.length === 0;
  }

  function renderMark(questionId) {
    const on = marked.has(questionId);
    ui.mark.setAttribute('aria-pressed', String(on));
    ui.mark.textContent = on ? t('attempt.unmark') : t('attempt.mark');
  }

  function loadMarks() {
    try {
      return new Set(JSON.parse(localStorage.getItem(`emtihan.marked.${session.attempt.id}`) ?? '[]'));
    } catch {
      return new Set();
    }
  }

  function saveMarks() {
    try {
      localStorage.setItem(`emtihan.marked.${session.attempt.id}`, JSON.stringify([...marked]));
    } catch {
      // not kept across a reload; the marks still work on this page
    }
  }

  /** The answer book's listener: questionId changed its answer or save state; null when only the connection did. */
  function onAnswerChanged(questionId) {
    renderConnection();
    if (questionId === null) return;
    updateNavButton(questionId);
    updateProgress();
    if (session.attempt.questions[current]?.id === questionId) renderSaveState(questionId);
  }

  /** Says clearly when the page is offline and how many answers wait on this device (data-* for tests). */
  function renderConnection() {
    const { book } = session;
    const offline = book.offline || !navigator.onLine;
    const pending = book.pending;
    main.dataset.connection = offline ? 'offline' : 'online';
    main.dataset.pending = String(pending);
    ui.connection.classList.toggle('connection-offline', offline);
    ui.connection.textContent = offline
      ? t('attempt.offline', { n: pending })
      : pending > 0
        ? t('attempt.pending', { n: pending })
        : '';
  }

  function renderSaveState(questionId) {
    const { state, savedAt, message } = session.book.status(questionId);
    ui.saveState.dataset.save = state;
    switch (state) {
      case 'saving':
        ui.saveState.textContent = t('attempt.save.saving');
        break;
      case 'saved':
        ui.saveState.textContent = t('attempt.save.saved', { time: formatTime(savedAt) });
        break;
      case 'error':
        ui.saveState.textContent = t('attempt.save.error');
        break;
      case 'rejected':
        ui.saveState.textContent = t('attempt.save.rejected', { message });
        break;
      default:
        ui.saveState.textContent = t('attempt.save.idle');
    }
  }

  function updateNavButton(questionId) {
    const { attempt, book } = session;
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
    const { attempt, book } = session;
    const answered = attempt.questions.filter((q) => book.answered(q.id)).length;
    ui.progress.textContent = t('attempt.progress', { answered, total: attempt.questions.length });
    ui.barProgress.textContent = ui.progress.textContent;
  }

  /** The numbers (from 1) of the questions marked for review, for the confirmation. */
  function markedNumbers() {
    return session.attempt.questions.map((q, i) => (marked.has(q.id) ? i + 1 : null)).filter(Boolean);
  }

  /** After the end: no option can be changed any more. */
  function lock() {
    for (const input of ui.options.querySelectorAll('input')) input.disabled = true;
    ui.clear.disabled = true;
  }

  return { prepare, showFirst, onAnswerChanged, renderConnection, markedNumbers, lock };
}
