// Unit tests of the oral final attestation's page rules (lib/sitting/flow.js): the next step, whom the console
// opens on, the timer on the server's clock, the 48 hours to appeal (6.15.4) and a member's score.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  coalescing,
  actsAwaitingVote,
  appealWindow,
  currentStudent,
  mayTake,
  nextStep,
  phaseRemaining,
  scoreProblem,
  timerText,
} from '../../main/web/lib/sitting/flow.js';

test("the next step and the steps the reader may take are the engine's, never derived by the page", () => {
  assert.equal(nextStep({ status: 'drawn', next: 'start-preparation' }), 'start-preparation');
  assert.equal(nextStep({ status: 'new-time', next: 'draw' }), 'draw');
  assert.equal(nextStep(undefined), 'admit', 'a student nothing has happened to yet');
  assert.equal(mayTake({ steps: ['score'] }, 'score'), true);
  assert.equal(mayTake({ steps: [] }, 'act'), false, 'the engine says no: the page does not offer it');
  assert.equal(mayTake({}, 'act'), false, 'no list: nothing is offered');
});

test('the console opens on the student under way, else the next waiting one', () => {
  const commission = { members: ['c1', 'm1'] };
  const base = { students: ['a', 'b', 'c'], commission };
  const done = { status: 'graded', next: 'done' };
  const postponed = { status: 'postponed', next: 'postponed' };
  assert.equal(currentStudent({ ...base, progress: {} }), 'a');
  assert.equal(
    currentStudent({ ...base, progress: { a: done, b: { status: 'admitted', next: 'identity' } } }),
    'b',
    'admitted and not finished',
  );
  assert.equal(currentStudent({ ...base, progress: { a: done } }), 'b');
  assert.equal(currentStudent({ ...base, progress: { a: { status: 'technical-failure', next: 'act' } } }), 'b');
  assert.equal(
    currentStudent({ ...base, progress: { a: postponed } }),
    'b',
    '6.15.3: a postponed student sits another day',
  );
  assert.equal(
    currentStudent({ ...base, progress: { a: postponed, b: done, c: done } }),
    'a',
    'but is still found once everyone else is done',
  );
  assert.equal(currentStudent({ ...base, students: [] }), null);
});

test('the timer counts to the deadline on the server clock and never below zero', () => {
  const p = { phase: { phase: 'PREPARATION', deadline: '2026-12-01T09:20:00Z' } };
  assert.equal(phaseRemaining(p, Date.parse('2026-12-01T09:18:30Z')), 90_000);
  assert.equal(phaseRemaining(p, Date.parse('2026-12-01T09:21:00Z')), 0);
  assert.equal(phaseRemaining({ phase: { phase: 'DONE' } }, 0), null);
  assert.equal(timerText(90_000), '1:30');
  assert.equal(timerText(20 * 60_000), '20:00');
  assert.equal(timerText(1), '0:01');
  assert.equal(timerText(3_600_000), '1:00:00');
  assert.equal(timerText(null), '--:--');
});

test('6.15.4: an appeal only after the sitting, within 48 hours', () => {
  assert.equal(appealWindow(undefined, 0).state, 'open');
  const ended = '2026-12-01T12:00:00Z';
  assert.deepEqual(appealWindow(ended, Date.parse('2026-12-03T11:59:59Z')), {
    state: 'in-time',
    closesAt: '2026-12-03T12:00:00.000Z',
  });
  assert.equal(appealWindow(ended, Date.parse('2026-12-03T12:00:00Z')).state, 'late');
});

test('a score is a whole number from 0 to 100', () => {
  assert.equal(scoreProblem('85'), null);
  assert.equal(scoreProblem(' 0 '), null);
  assert.equal(scoreProblem('100'), null);
  assert.equal(scoreProblem(''), 'empty');
  assert.equal(scoreProblem('8.5'), 'whole');
  assert.equal(scoreProblem('-1'), 'whole');
  assert.equal(scoreProblem('101'), 'range');
});

test('a member still votes on undecided acts they have not voted on', () => {
  const sitting = {
    acts: [
      { id: 'act-1', votes: { m1: 'SAME_DAY' }, decision: null },
      { id: 'act-2', votes: {}, decision: { choice: 'REFUSE' } },
    ],
  };
  assert.deepEqual(
    actsAwaitingVote(sitting, 'm2').map((a) => a.id),
    ['act-1'],
  );
  assert.deepEqual(actsAwaitingVote(sitting, 'm1'), []);
});

test('a burst of reload requests during a read makes one more read, not one each', async () => {
  let reads = 0;
  let release;
  const gate = () =>
    new Promise((resolve) => {
      release = resolve;
    });
  const reloader = coalescing(async () => {
    reads += 1;
    await gate();
  });
  const first = reloader.run();
  assert.equal(reloader.busy(), true);
  reloader.run();
  reloader.run();
  reloader.run();
  release();
  await new Promise((resolve) => setTimeout(resolve, 0));
  release();
  await first;
  assert.equal(reads, 2, 'three requests during the first read: one more read');
  assert.equal(reloader.busy(), false);
  reloader.run();
  release();
  assert.equal(reads, 3);
});
