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

const at = '2026-12-01T09:00:00Z';
const ready = { admittedAt: at, identity: { by: 'sec1' }, room: { by: 'sec1' } };

test('the steps follow the recorded facts in the order of 6.15.6', () => {
  assert.equal(nextStep({ status: 'waiting' }, 3), 'admit');
  assert.equal(nextStep({ admittedAt: at }, 3), 'identity');
  assert.equal(nextStep({ admittedAt: at, identity: {} }, 3), 'room');
  assert.equal(nextStep(ready, 3), 'draw');
  assert.equal(nextStep({ ...ready, ticket: 2, phase: { phase: 'WAITING' } }, 3), 'start-preparation');
  assert.equal(nextStep({ ...ready, ticket: 2, phase: { phase: 'PREPARATION' } }, 3), 'end-preparation');
  assert.equal(nextStep({ ...ready, ticket: 2, phase: { phase: 'ANSWER' } }, 3), 'end-answer');
  assert.equal(nextStep({ ...ready, ticket: 2, phase: { phase: 'DONE' }, scored: ['m1'] }, 3), 'score');
  assert.equal(nextStep({ ...ready, ticket: 2, phase: { phase: 'DONE' }, scored: ['c1', 'm1', 'm2'] }, 3), 'confirm');
  assert.equal(nextStep({ ...ready, ticket: 2, result: { letter: 'B+' } }, 3), 'done');
});

test('a failure waits for the decision; a new time resumes at the draw, or at the preparation with the ticket kept', () => {
  assert.equal(nextStep({ ...ready, ticket: 2, status: 'technical-failure' }, 3), 'act');
  assert.equal(nextStep({ ...ready, status: 'new-time' }, 3), 'draw');
  assert.equal(nextStep({ ...ready, ticket: 4, status: 'new-time' }, 3), 'start-preparation');
  assert.equal(nextStep({ ...ready, status: 'refused' }, 3), 'refused');
});

test("a postponed student has no next step here; the engine's list of steps decides what the page offers", () => {
  assert.equal(nextStep({ status: 'postponed' }, 3), 'postponed');
  assert.equal(nextStep({ ...ready, status: 'postponed' }, 3), 'postponed');
  assert.equal(mayTake({ steps: ['score'] }, 'score', false), true);
  assert.equal(mayTake({ steps: [] }, 'act', true), false, 'the engine says no: the page does not offer it');
  assert.equal(mayTake({}, 'act', true), true, "no list: the page's own guess");
});

test('the console opens on the student under way, else the next waiting one', () => {
  const commission = { members: ['c1', 'm1'] };
  const base = { students: ['a', 'b', 'c'], commission };
  assert.equal(currentStudent({ ...base, progress: {} }), 'a');
  assert.equal(
    currentStudent({ ...base, progress: { a: { ...ready, ticket: 1, result: {} }, b: { admittedAt: at } } }),
    'b',
  );
  assert.equal(currentStudent({ ...base, progress: { a: { ...ready, ticket: 1, result: {} } } }), 'b');
  assert.equal(currentStudent({ ...base, progress: { a: { ...ready, status: 'technical-failure' } } }), 'b');
  assert.equal(
    currentStudent({ ...base, progress: { a: { status: 'postponed' } } }),
    'b',
    '6.15.3: a postponed student sits another day',
  );
  assert.equal(
    currentStudent({ ...base, progress: { a: { status: 'postponed' }, b: { result: {} }, c: { result: {} } } }),
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
