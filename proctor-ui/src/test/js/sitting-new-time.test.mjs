// 6.15.2: the new time of a decided act, as the console's field gives it and as the engine takes it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatIn,
  givesNewTime,
  localValue,
  mayRecordNewTime,
  newTimeProblem,
  withOffset,
} from '../../main/web/lib/sitting/new-time.js';

const decided = (choice) => ({ id: 'act-1', decision: { choice, ticket: 'KEEP' } });

test('only a decision for the same day or another sitting gives a new time', () => {
  assert.equal(givesNewTime(decided('SAME_DAY')), true);
  assert.equal(givesNewTime(decided('ANOTHER_SITTING')), true);
  assert.equal(givesNewTime(decided('REFUSE')), false);
  assert.equal(givesNewTime({ id: 'act-1', decision: null }), false, 'not before every member has voted');
});

test('the secretary or the chair records it, no member, student or stranger', () => {
  for (const role of ['secretary', 'chair']) assert.equal(mayRecordNewTime(role, decided('SAME_DAY')), true, role);
  for (const role of ['member', 'student', 'none', undefined])
    assert.equal(mayRecordNewTime(role, decided('SAME_DAY')), false, String(role));
  assert.equal(mayRecordNewTime('chair', decided('REFUSE')), false);
});

test("the field is read in the sitting's zone, not the browser's", () => {
  assert.equal(withOffset('2026-06-10T15:30', 'Asia/Almaty'), '2026-06-10T15:30:00+05:00');
  assert.equal(withOffset('2026-06-10T15:30', 'UTC'), '2026-06-10T15:30:00+00:00');
  assert.equal(withOffset('2026-01-10T09:00', 'America/New_York'), '2026-01-10T09:00:00-05:00');
  assert.equal(withOffset('2026-07-10T09:00', 'America/New_York'), '2026-07-10T09:00:00-04:00', 'summer time');
  assert.equal(withOffset('2026-06-10T15:30', 'Asia/Kolkata'), '2026-06-10T15:30:00+05:30');
});

test('an empty or malformed field gives nothing to send', () => {
  for (const bad of ['', null, undefined, '2026-06-10', '10.06.2026 15:30', '2026-06-10T15:30:00+05:00'])
    assert.equal(withOffset(bad, 'Asia/Almaty'), null, String(bad));
});

test('a recorded time goes back into the field in the same zone', () => {
  assert.equal(localValue('2026-06-10T10:30:00Z', 'Asia/Almaty'), '2026-06-10T15:30');
  assert.equal(localValue(withOffset('2026-06-10T23:45', 'Asia/Almaty'), 'Asia/Almaty'), '2026-06-10T23:45');
  assert.equal(localValue(undefined, 'Asia/Almaty'), '');
});

test("the recorded time is shown in the sitting's zone, whatever the browser's", () => {
  assert.equal(formatIn('2026-06-10T10:30:00Z', 'Asia/Almaty', 'en-GB'), '10 Jun 2026, 15:30 (UTC+5)');
  assert.equal(formatIn('2026-06-10T10:30:00Z', 'Asia/Almaty', 'kk-KZ'), '2026\u202fж. 10 мау., 15:30 (UTC+5)');
});

test("the engine's refusal of the field is its own sentence; other refusals are not", () => {
  const problem = 'the decision gives another time the same day: it must fall on 2026-06-10 (6.15.2).';
  const refused = { code: 'bad-field', body: { args: { field: 'newTime', problem } } };
  assert.equal(newTimeProblem(refused), problem);
  assert.equal(newTimeProblem({ code: 'already', body: { args: {} } }), null, '409 before the vote: shown as it is');
  assert.equal(newTimeProblem({ code: 'bad-field', body: { args: { field: 'reason', problem } } }), null);
  assert.equal(newTimeProblem(new Error('offline')), null);
});
