// The student's question page without the DOM (issue 11, 7): what it shows for an answer's state, the navigator,
// the connection, the progress, where it opens, which way it moves, and the marks for review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  connectionLine,
  deliveredAfterOutage,
  firstToShow,
  moves,
  navButton,
  optionLetter,
  progress,
  saveLine,
} from '../../main/web/lib/attempt/question-state.js';
import { QuestionMarks } from '../../main/web/lib/attempt/marks.js';

/** An answer book as the page reads it: answered ids, statuses by id, offline and pending. */
function book({ answered = [], statuses = {}, offline = false, pending = 0 } = {}) {
  return {
    offline,
    pending,
    answered: (id) => answered.includes(id),
    status: (id) => statuses[id] ?? { state: 'idle' },
  };
}

const questions = [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }];

test('options are lettered A to J, then numbered', () => {
  assert.deepEqual([0, 1, 9].map(optionLetter), ['A', 'B', 'J']);
  assert.equal(optionLetter(10), '11');
});

test('the save line says each state, the saved time as the page formats it, and why a save was refused', () => {
  const format = (at) => `at ${at}`;
  assert.deepEqual(saveLine({ state: 'saving' }, format), { state: 'saving', key: 'attempt.save.saving', params: {} });
  assert.deepEqual(saveLine({ state: 'saved', savedAt: 't1' }, format).params, { time: 'at t1' });
  assert.equal(saveLine({ state: 'error' }, format).key, 'attempt.save.error');
  assert.deepEqual(saveLine({ state: 'rejected', message: 'closed' }, format).params, { message: 'closed' });
  assert.equal(saveLine({ state: 'idle' }, format).key, 'attempt.save.idle');
  assert.equal(saveLine({ state: 'anything else' }, format).key, 'attempt.save.idle');
});

test('a navigator button says answered, not saved (failed or refused) or unanswered, numbered from 1', () => {
  const b = book({ answered: ['q1', 'q2'], statuses: { q2: { state: 'error' }, q3: { state: 'rejected' } } });
  assert.deepEqual(navButton(b, 'q1', 0, false), {
    answered: true,
    notSaved: false,
    marked: false,
    labelKey: 'attempt.navAnswered',
    n: 1,
  });
  assert.equal(navButton(b, 'q2', 1, true).labelKey, 'attempt.navNotSaved', 'a failed save wins over answered');
  assert.equal(navButton(b, 'q2', 1, true).marked, true);
  assert.equal(navButton(b, 'q3', 2, false).notSaved, true);
  assert.equal(navButton(book(), 'q3', 2, false).labelKey, 'attempt.navUnanswered');
});

test('the connection line says offline (the book or the browser) with the answers waiting, else only what waits', () => {
  assert.deepEqual(connectionLine(book({ offline: true, pending: 2 }), true), {
    offline: true,
    pending: 2,
    key: 'attempt.offline',
    params: { n: 2 },
  });
  assert.equal(connectionLine(book(), false).key, 'attempt.offline', 'the browser says it is offline');
  assert.equal(connectionLine(book({ pending: 1 }), true).key, 'attempt.pending');
  assert.equal(connectionLine(book(), true).key, null, 'online with nothing waiting: nothing to say');
});

test('after an outage the line says all answers were delivered once the queue empties, and only then', () => {
  // issue 15 (6)
  let state = deliveredAfterOutage(connectionLine(book({ offline: true, pending: 3 }), true), false, true);
  assert.deepEqual(state, { behind: true, delivered: false });
  state = deliveredAfterOutage(connectionLine(book({ pending: 1 }), true), state.behind, false);
  assert.deepEqual(state, { behind: true, delivered: false }, 'back online, one still on its way');
  state = deliveredAfterOutage(connectionLine(book(), true), state.behind, false);
  assert.deepEqual(state, { behind: false, delivered: true }, 'the queue is empty: say so');
  state = deliveredAfterOutage(connectionLine(book(), true), state.behind, false);
  assert.equal(state.delivered, false, 'said once');
  const inFlight = deliveredAfterOutage(connectionLine(book({ pending: 1 }), true), false, false);
  const saved = deliveredAfterOutage(connectionLine(book(), true), inFlight.behind, false);
  assert.equal(saved.delivered, false, 'an ordinary save is no outage');
  const failed = deliveredAfterOutage(connectionLine(book({ pending: 1 }), true), false, true);
  assert.equal(
    deliveredAfterOutage(connectionLine(book(), true), failed.behind, false).delivered,
    true,
    'a 503 is one',
  );
});

test('progress counts the answered questions', () => {
  assert.deepEqual(progress(questions, book({ answered: ['q3'] })), { answered: 1, total: 3 });
});

test('a resumed attempt opens at its first unanswered question; a new or fully answered one at the first', () => {
  assert.equal(firstToShow(questions, book({ answered: ['q1'] }), false), 1);
  assert.equal(firstToShow(questions, book({ answered: ['q1'] }), true), 0);
  assert.equal(firstToShow(questions, book({ answered: ['q1', 'q2', 'q3'] }), false), 0);
});

test('Previous and Next lead only to questions that exist', () => {
  assert.deepEqual(moves(0, 3), { valid: true, previous: false, next: true });
  assert.deepEqual(moves(2, 3), { valid: true, previous: true, next: false });
  assert.equal(moves(3, 3).valid, false);
  assert.equal(moves(-1, 3).valid, false);
});

/** A storage like localStorage, that can be told to fail. */
function storage({ failing = false, kept = {} } = {}) {
  return {
    kept,
    getItem: (key) => kept[key] ?? null,
    setItem: (key, value) => {
      if (failing) throw new Error('quota');
      kept[key] = value;
    },
  };
}

test('marks are kept per attempt and come back after a reload, numbered in the attempt order', () => {
  const s = storage();
  const marks = new QuestionMarks(s, 'a1').load();
  assert.equal(marks.toggle('q3'), true);
  assert.equal(marks.toggle('q1'), true);
  assert.deepEqual(new QuestionMarks(s, 'a1').load().numbers(questions), [1, 3]);
  assert.deepEqual(new QuestionMarks(s, 'a2').load().numbers(questions), [], 'another attempt has its own');
  assert.equal(marks.toggle('q1'), false, 'a second click unmarks');
  assert.deepEqual(new QuestionMarks(s, 'a1').load().numbers(questions), [3]);
});

test('marks work on the page when storage fails or holds something unreadable', () => {
  const marks = new QuestionMarks(storage({ failing: true, kept: { 'emtihan.marked.a1': '{not json' } }), 'a1').load();
  assert.deepEqual(marks.numbers(questions), []);
  assert.equal(marks.toggle('q2'), true);
  assert.equal(marks.has('q2'), true);
  assert.deepEqual(new QuestionMarks(null, 'a1').load().numbers(questions), [], 'no storage at all');
});
