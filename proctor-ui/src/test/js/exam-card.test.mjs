// The student's exam card before the start (issue 15, 6): admission (5.30), what proctoring needs, the time left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admissionLine, needKeys, serverOffset, timeLine } from '../../main/web/lib/exam-card.js';

const at = (hhmm) => Date.parse(`2026-12-07T${hhmm}:00Z`);
const exam = (extra = {}) => ({
  opensAt: '2026-12-07T09:00:00Z',
  closesAt: '2026-12-07T12:00:00Z',
  durationMinutes: 50,
  attempt: null,
  ...extra,
});

test('a student below the minimum rating is told so on the card, with the numbers and the clause', () => {
  assert.deepEqual(admissionLine({ admission: { admitted: false, rule: '5.30', rating: 42, minimum: 50 } }), {
    key: 'exams.notAdmitted',
    params: { rating: 42, minimum: 50, rule: '5.30' },
  });
  assert.equal(admissionLine({ admission: { admitted: true, rule: '5.30', rating: 80, minimum: 50 } }), null);
  assert.equal(admissionLine({}), null, 'an older server says nothing: no refusal is invented');
});

test('the card lists what proctoring needs, and nothing for an exam without it', () => {
  assert.deepEqual(needKeys({ requirements: ['camera', 'microphone', 'whole-screen', 'id-card'] }), [
    'exams.need.camera',
    'exams.need.microphone',
    'exams.need.whole-screen',
    'exams.need.id-card',
  ]);
  assert.deepEqual(needKeys({ requirements: [] }), []);
});

test('the time left counts to the opening, then to the close with what a start now gets', () => {
  assert.deepEqual(timeLine(exam(), at('08:30')), { key: 'exams.untilOpens', ms: 30 * 60000 });
  assert.deepEqual(timeLine(exam(), at('09:10')), { key: 'exams.untilCloses', ms: 170 * 60000, minutes: 50 });
  assert.equal(timeLine(exam(), at('11:40')).minutes, 20, 'the close cuts the duration (5.20.3)');
  const withExtra = exam({
    window: { opensAt: '2026-12-07T09:00:00Z', closesAt: '2026-12-07T12:00:00Z', minutesIfStarted: 65 },
  });
  assert.equal(timeLine(withExtra, at('09:10')).minutes, 65, "the server's minutes carry the student's extra time");
  assert.deepEqual(timeLine(exam(), at('12:00')), { key: 'exams.windowClosed', at: '2026-12-07T12:00:00Z' });
  assert.equal(timeLine(exam(), at('08:30') - 2 * 24 * 3600000).key, 'exams.opensOn', 'days ahead: the date');
});

test("an individual statement's window from the server is the one counted (5.35)", () => {
  const own = exam({ window: { opensAt: '2026-12-08T09:00:00Z', closesAt: '2026-12-08T11:00:00Z', personal: true } });
  assert.equal(timeLine(own, at('13:00')).key, 'exams.untilOpens');
  assert.equal(timeLine(own, at('13:00')).ms, 20 * 3600000);
});

test('an attempt under way counts to its deadline; a finished one has no time line', () => {
  const running = exam({ attempt: { id: 'a1', status: 'in-progress', deadline: '2026-12-07T10:00:00Z' } });
  assert.deepEqual(timeLine(running, at('09:45')), { key: 'exams.leftInAttempt', ms: 15 * 60000 });
  assert.equal(timeLine(exam({ attempt: { id: 'a1', status: 'in-progress' } }), at('09:45')), null, 'held: no clock');
  assert.equal(timeLine(exam({ attempt: { id: 'a1', status: 'submitted' } }), at('09:45')), null);
});

test("the card's clock is the server's", () => {
  assert.equal(serverOffset([{ serverTime: '2026-12-07T09:00:05Z' }], at('09:00')), 5000);
  assert.equal(serverOffset([], at('09:00')), 0);
});
