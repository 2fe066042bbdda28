// Issue 15 (3): the proctor's tiles in the order "needs a proctor now" (lib/proctoring/tile-order.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEEDS, compareByNeed, needOf, orderRows } from '../../main/web/lib/proctoring/tile-order.js';

const inTest = (name, more = {}) => ({
  name,
  studentId: name.toLowerCase(),
  status: 'in-progress',
  stage: 'answering',
  identityStatus: 'approved',
  risk: 0,
  missing: [],
  verdict: null,
  ...more,
});

test('each row falls in one group: stuck, flagged live, identity waiting, answering, not started, finished', () => {
  const cases = [
    [inTest('A', { stage: 'identity-missing', identityStatus: 'none' }), 'stuck'],
    [inTest('B', { stage: 'identity-rejected', identityStatus: 'rejected' }), 'stuck'],
    [inTest('C', { stage: 'no-snapshot' }), 'stuck'],
    [inTest('D', { missing: ['snapshots'] }), 'stuck'],
    [inTest('E', { missing: ['socket'], risk: 30 }), 'stuck'],
    [inTest('F', { risk: 2 }), 'flagged'],
    [inTest('G', { risk: 6, identityStatus: 'pending' }), 'flagged'],
    [inTest('H', { risk: 6, verdict: 'clean' }), 'answering'],
    [inTest('I', { identityStatus: 'pending' }), 'identity'],
    [inTest('J', { stage: 'identity-pending', identityStatus: 'pending' }), 'identity'],
    [inTest('K', { stage: 'identity-pending', identityStatus: 'approved' }), 'identity'],
    [inTest('L'), 'answering'],
    [{ name: 'M', status: 'not-started', stage: 'not-started', risk: 0 }, 'not-started'],
    [{ name: 'N' }, 'not-started'],
    [{ name: 'O', status: 'submitted', stage: 'finished', risk: 45 }, 'finished'],
    [{ name: 'P', status: 'timed-out', stage: 'finished', missing: ['snapshots'] }, 'finished'],
    [{ name: 'Q', status: 'terminated', stage: 'finished', risk: 15 }, 'finished'],
  ];
  for (const [row, need] of cases) assert.equal(needOf(row), need, row.name);
  assert.deepEqual(NEEDS, ['stuck', 'flagged', 'identity', 'answering', 'not-started', 'finished']);
});

test('a finished student with flags stays below a stuck one and below everyone still in the test', () => {
  const rows = [
    { name: 'Bolat', status: 'submitted', stage: 'finished', risk: 60 },
    inTest('Aigerim'),
    inTest('Dana', { stage: 'no-snapshot' }),
    { name: 'Erlan', status: 'not-started', risk: 0 },
  ];
  assert.deepEqual(
    orderRows(rows).map((r) => r.name),
    ['Dana', 'Aigerim', 'Erlan', 'Bolat'],
  );
});

test('the whole order: groups first, then higher risk, then by name with numbers in order', () => {
  const rows = [
    { name: 'Finished 1', status: 'submitted', risk: 0 },
    { name: 'Finished 2', status: 'terminated', risk: 40 },
    { name: 'Absent', status: 'not-started' },
    inTest('Student 10'),
    inTest('Student 2'),
    inTest('Waiting', { identityStatus: 'pending' }),
    inTest('Flagged low', { risk: 2 }),
    inTest('Flagged high', { risk: 21 }),
    inTest('Gap', { missing: ['camera-recording'], risk: 6 }),
    inTest('No photos', { stage: 'identity-missing', identityStatus: 'none' }),
  ];
  assert.deepEqual(
    orderRows(rows).map((r) => r.name),
    [
      'Gap',
      'No photos',
      'Flagged high',
      'Flagged low',
      'Waiting',
      'Student 2',
      'Student 10',
      'Absent',
      'Finished 2',
      'Finished 1',
    ],
  );
});

test('a live flag moves an answering student up to the flagged; evidence back moves a stuck one down', () => {
  const a = inTest('Arman');
  const b = inTest('Bekzat', { identityStatus: 'pending' });
  assert.ok(compareByNeed(b, a) < 0, 'identity waiting before answering');
  a.risk = 6;
  assert.ok(compareByNeed(a, b) < 0, 'flagged before identity waiting');
  b.missing = ['snapshots'];
  assert.ok(compareByNeed(b, a) < 0, 'an evidence gap before a flag');
  b.missing = [];
  assert.ok(compareByNeed(a, b) < 0);
  assert.equal(compareByNeed(inTest('Same'), inTest('Same')), 0);
});

test('the other orders: by risk (the former order: stuck first, then risk) and by name; an unknown order is the default', () => {
  const rows = [
    inTest('Cem', { risk: 3 }),
    { name: 'Asel', status: 'submitted', risk: 12 },
    inTest('Bota', { stage: 'no-snapshot' }),
  ];
  assert.deepEqual(
    orderRows(rows, 'risk').map((r) => r.name),
    ['Bota', 'Asel', 'Cem'],
  );
  assert.deepEqual(
    orderRows(rows, 'name').map((r) => r.name),
    ['Asel', 'Bota', 'Cem'],
  );
  assert.deepEqual(
    orderRows(rows, 'nonsense').map((r) => r.name),
    ['Bota', 'Cem', 'Asel'],
  );
  assert.deepEqual(
    rows.map((r) => r.name),
    ['Cem', 'Asel', 'Bota'],
    'the input is not sorted in place',
  );
});
