/**
 * The questions of the student's test page (pages/attempt/attempt.js): which question is shown, and what happens when
 * the student answers, clears, marks or moves. The drawing is in its parts: the question shown with its options,
 * save line and mark (pages/attempt/question.js), the navigator and progress (pages/attempt/navigator.js), the
 * connection line (pages/attempt/connection.js); the decisions without the DOM in lib/attempt/question-state.js,
 * the marks for review (kept on this device only) in lib/attempt/marks.js.
 *
 * questionView(session) reads session.attempt, session.book and session.finishing when it draws, so a book
 * opened again (after the identity wait) is the one it uses.
 */

import { firstToShow, moves, navButton, progress } from '../../lib/attempt/question-state.js';
import { QuestionMarks } from '../../lib/attempt/marks.js';
import { renderConnection as drawConnection } from './connection.js';
import { buildNavigator, renderNavButton, renderProgress, showCurrent } from './navigator.js';
import * as shown from './question.js';

/** session: { attempt, book, finishing } as the page holds them. */
export function questionView(session) {
  let current = 0;
  let marks = new QuestionMarks(null, '');
  const questions = () => session.attempt.questions;
  const currentQuestion = () => questions()[current];

  /** The navigator, the buttons and the marks. */
  function prepare() {
    buildNavigator(questions(), { pick: (index) => show(index, true), step: (by) => show(current + by, true) });
    shown.onQuestionInput({ changed: answerChanged, clear, mark: toggleMark });
    marks = new QuestionMarks(globalThis.localStorage, session.attempt.id).load();
  }

  /** Every navigator button and the progress drawn once; then the first question to show. */
  function showFirst(created) {
    questions().forEach((question) => updateNavButton(question.id));
    renderProgress(progress(questions(), session.book));
    show(firstToShow(questions(), session.book, created), false);
  }

  /** Shows question index; moves focus to its heading when the student navigated. */
  function show(index, moveFocus) {
    const total = questions().length;
    if (!moves(index, total).valid) return;
    current = index;
    const question = currentQuestion();
    shown.renderStem(question, index, total);
    renderAnswer(question);
    shown.renderSaveState(session.book.status(question.id));
    shown.renderMark(marks.has(question.id));
    showCurrent(question.id, index, total);
    if (moveFocus) shown.focusHeading();
  }

  function renderAnswer(question) {
    shown.renderOptions(question, new Set(session.book.choices(question.id)), session.finishing);
  }

  function answerChanged() {
    if (session.finishing) return;
    const choices = shown.checkedChoices();
    session.book.set(currentQuestion().id, choices);
    shown.enableClear(choices.length > 0);
  }

  function clear() {
    const question = currentQuestion();
    session.book.set(question.id, []);
    renderAnswer(question);
    shown.focusFirstOption();
  }

  function toggleMark() {
    const id = currentQuestion().id;
    shown.renderMark(marks.toggle(id));
    updateNavButton(id);
  }

  /** The answer book's listener: questionId changed its answer or save state; null when only the connection did. */
  function onAnswerChanged(questionId) {
    renderConnection();
    if (questionId === null) return;
    updateNavButton(questionId);
    renderProgress(progress(questions(), session.book));
    if (currentQuestion()?.id === questionId) shown.renderSaveState(session.book.status(questionId));
  }

  function renderConnection() {
    drawConnection(session.book);
  }

  function updateNavButton(questionId) {
    const index = questions().findIndex((q) => q.id === questionId);
    renderNavButton(questionId, navButton(session.book, questionId, index, marks.has(questionId)));
  }

  /** The numbers (from 1) of the questions marked for review, for the confirmation. */
  function markedNumbers() {
    return marks.numbers(questions());
  }

  return { prepare, showFirst, onAnswerChanged, renderConnection, markedNumbers, lock: shown.lockOptions };
}
