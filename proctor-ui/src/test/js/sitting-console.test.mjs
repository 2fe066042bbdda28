// issue 15 (5): the commission's console, pure (lib/sitting/console.js): the phase label says what has happened to
// the student shown, in every phase of 6.15.6 and beside it (6.15.2-6.15.3, 6.14); the console holds a result just
// confirmed until the reader moves on; the rare actions ask first, in the page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RARE_ACTIONS,
  confirmWords,
  follow,
  nextStudent,
  phaseLabel,
  phaseLabelKey,
  pick,
  settled,
} from '../../main/web/lib/sitting/console.js';
import en from '../../main/web/lib/messages/sitting.en.js';
import kk from '../../main/web/lib/messages/sitting.kk.js';
import ru from '../../main/web/lib/messages/sitting.ru.js';

const sitting = { commission: { members: ['c1', 'm1', 'm2'] }, students: ['a', 'b', 'c'], progress: {} };
const label = (progress) => phaseLabel(progress, sitting);

test('issue 15 (5): the label says what has happened, phase by phase (6.15.6)', () => {
  assert.deepEqual(label({ status: 'waiting', next: 'admit' }), { code: 'not-admitted', params: {} });
  assert.deepEqual(label(undefined), { code: 'not-admitted', params: {} }, 'nothing has happened yet');
  assert.equal(label({ status: 'admitted', next: 'identity' }).code, 'admitted');
  assert.equal(
    label({ status: 'identified', next: 'room', phase: { phase: 'WAITING' } }).code,
    'identified',
    'an admitted, identified student is not "not started"',
  );
  assert.equal(label({ status: 'checked', next: 'draw' }).code, 'checked');
  assert.deepEqual(label({ status: 'drawn', ticket: 7, next: 'start-preparation' }), {
    code: 'drawn',
    params: { ticket: 7 },
  });
  assert.deepEqual(label({ status: 'preparation', ticket: 7, phase: { phase: 'PREPARATION' } }), {
    code: 'preparing',
    params: { ticket: 7 },
  });
  assert.deepEqual(label({ status: 'answer', ticket: 7, phase: { phase: 'ANSWER' } }), {
    code: 'answering',
    params: { ticket: 7 },
  });
});

test('issue 15 (5): the server clock moves the label on by itself (20 minutes, then the answer)', () => {
  assert.equal(label({ status: 'preparation', phase: { phase: 'ANSWER' } }).code, 'answering');
  assert.equal(label({ status: 'answer', phase: { phase: 'DONE' }, scored: [] }).code, 'scoring');
});

test('issue 15 (5): scored by k of n members, then all, then confirmed with the letter', () => {
  assert.deepEqual(label({ status: 'answered', ticket: 2, scored: [] }), {
    code: 'scoring',
    params: { ticket: 2, n: 0, total: 3, all: false },
  });
  assert.deepEqual(label({ status: 'scored', ticket: 2, scored: ['m1'] }).params, {
    ticket: 2,
    n: 1,
    total: 3,
    all: false,
  });
  assert.deepEqual(label({ status: 'scored', ticket: 2, scored: ['c1', 'm1', 'm2'] }), {
    code: 'scored-all',
    params: { ticket: 2, n: 3, total: 3, all: true },
  });
  assert.deepEqual(label({ status: 'graded', ticket: 2, result: { letter: 'B+', points: 86.7 } }), {
    code: 'confirmed',
    params: { ticket: 2, letter: 'B+' },
  });
  assert.equal(label({ status: 'appealed', result: { letter: 'B+' } }).code, 'appealed');
  assert.equal(label({ status: 'appeal-decided', result: { letter: 'A-' } }).params.letter, 'A-');
});

test('issue 15 (5): the act of failure, its decisions, the postponement and the removal (6.15.2-6.15.3, 6.14)', () => {
  assert.equal(label({ status: 'technical-failure', next: 'act' }).code, 'act');
  assert.equal(label({ status: 'new-time', next: 'draw' }).code, 'new-time');
  assert.equal(label({ status: 'refused', next: 'refused' }).code, 'refused');
  assert.deepEqual(label({ status: 'postponed', standing: { letter: 'I' } }), {
    code: 'postponed',
    params: { letter: 'I' },
  });
  assert.equal(label({ status: 'postponed', standing: { letter: 'F' } }).params.letter, 'F', 'the deadline passed');
  assert.equal(label({ status: 'removed', next: 'removed' }).code, 'removed');
  assert.equal(label({ status: 'unreadable' }).code, 'unreadable');
  assert.equal(label({ status: 'something-new' }).code, 'not-admitted', 'an unknown status claims nothing');
});

test('issue 15 (5): every label has words in kk, ru and en with the same placeholders', () => {
  const progresses = [
    { status: 'waiting' },
    { status: 'admitted' },
    { status: 'identified' },
    { status: 'checked' },
    { status: 'drawn', ticket: 1 },
    { status: 'preparation', ticket: 1 },
    { status: 'preparation' },
    { status: 'answer', ticket: 1 },
    { status: 'answer' },
    { status: 'scored', scored: ['m1'] },
    { status: 'scored', scored: ['c1', 'm1', 'm2'] },
    { status: 'graded', result: { letter: 'A' } },
    { status: 'appealed', result: { letter: 'A' } },
    { status: 'technical-failure' },
    { status: 'new-time' },
    { status: 'refused' },
    { status: 'postponed', standing: { letter: 'I' } },
    { status: 'removed' },
    { status: 'unreadable' },
  ];
  for (const p of progresses) {
    const l = label(p);
    const key = phaseLabelKey(l);
    for (const [lang, words] of [
      ['kk', kk],
      ['ru', ru],
      ['en', en],
    ]) {
      assert.equal(typeof words[key], 'string', `${lang}: ${key}`);
      for (const name of words[key].match(/\{(\w+)\}/g) ?? [])
        assert.ok(name.slice(1, -1) in l.params, `${lang}: ${key} needs ${name}`);
    }
  }
  assert.equal(phaseLabelKey(label({ status: 'preparation', ticket: 4 })), 'sitting.label.preparing-ticket');
  assert.equal(phaseLabelKey(label({ status: 'preparation' })), 'sitting.label.preparing', 'a defence has no ticket');
});

test('issue 15 (5): the confirmed result stays in view until "Next student"', () => {
  const under = { status: 'scored', next: 'confirm', scored: ['c1', 'm1', 'm2'] };
  const graded = { status: 'graded', next: 'done', result: { letter: 'B+' } };
  let s = follow(undefined, { ...sitting, progress: { a: under } });
  assert.deepEqual(s, { chosen: 'a', byHand: false, held: false, unsettled: true }, 'opens on the student under way');
  const after = { ...sitting, progress: { a: graded } };
  s = follow(s, after);
  assert.equal(s.chosen, 'a', 'the chair confirmed: the result stays');
  assert.equal(s.held, true);
  s = follow(s, { ...after, progress: { a: graded, b: { status: 'admitted', next: 'identity' } } });
  assert.equal(s.chosen, 'a', 'still held while the secretary admits the next one');
  assert.equal(nextStudent(after, 'a'), 'b');
  s = follow({ chosen: null }, after);
  assert.equal(s.chosen, 'b', '"Next student": the console follows again');
  assert.equal(s.held, false);
});

test('issue 15 (5): a fresh console skips finished students; a student picked by hand stays', () => {
  const graded = { status: 'graded', next: 'done', result: { letter: 'B' } };
  const finished = { ...sitting, progress: { a: graded } };
  assert.equal(follow(undefined, finished).chosen, 'b', 'a result read on opening is not held');
  const byHand = follow(pick('a'), { ...finished, progress: { a: graded, b: { status: 'admitted' } } });
  assert.equal(byHand.chosen, 'a');
  assert.equal(byHand.byHand, true);
  assert.equal(follow(pick('gone'), finished).chosen, 'b', 'a student no longer in the sitting is not kept');
});

test('issue 15 (5): an act drawn up while shown is held too; settled students are skipped by "Next student"', () => {
  let s = follow(undefined, { ...sitting, progress: { a: { status: 'admitted', next: 'identity' } } });
  const act = { ...sitting, progress: { a: { status: 'technical-failure', next: 'act' } } };
  s = follow(s, act);
  assert.equal(s.chosen, 'a');
  assert.equal(s.held, true);
  assert.equal(settled(act.progress.a, act), true);
  const all = {
    ...sitting,
    progress: { a: { status: 'graded' }, b: { status: 'postponed' }, c: { status: 'removed' } },
  };
  assert.equal(nextStudent(all, 'a'), null, 'no one is left');
  const some = { ...sitting, progress: { a: { status: 'graded' }, b: { status: 'postponed' } } };
  assert.equal(nextStudent(some, 'a'), 'c');
  const later = { ...all, progress: { ...all.progress, b: { status: 'new-time', next: 'draw' } } };
  assert.equal(nextStudent(later, 'a'), 'b', 'another time given: the student is examined again');
  assert.equal(settled(later.progress.b, later), false);
});

test('issue 15 (5): each rare action asks first, in kk, ru and en', () => {
  assert.deepEqual(RARE_ACTIONS, ['act', 'remove', 'close', 'allow', 'refuse']);
  for (const kind of RARE_ACTIONS) {
    const words = confirmWords(kind);
    for (const key of Object.values(words))
      for (const [lang, m] of [
        ['kk', kk],
        ['ru', ru],
        ['en', en],
      ])
        assert.equal(typeof m[key], 'string', `${lang}: ${key}`);
  }
  assert.throws(() => confirmWords('confirm'), /no confirm step/, 'the usual steps do not ask');
});
