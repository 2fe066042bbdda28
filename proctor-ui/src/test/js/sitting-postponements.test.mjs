// Unit tests of postponement and the grade "I" in the pages (lib/sitting/postponements.js, 6.15.2-6.15.3): which scans
// are sent, the scan as base64, where an application stands, when a student may apply and what their standing says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_SCAN_BYTES,
  bytesToBase64,
  decisionRequest,
  isPostponed,
  kilobytes,
  postponementState,
  postponementsOf,
  scanFilename,
  scanProblem,
  scanType,
  standingOf,
} from '../../main/web/lib/sitting/postponements.js';

test('PDF, JPEG and PNG are sent with their type; an untyped file is known by its ending; others are refused', () => {
  assert.equal(scanType({ name: 'note.pdf', type: 'application/pdf', size: 10 }), 'application/pdf');
  assert.equal(scanType({ name: 'scan.JPG', type: 'image/jpeg', size: 10 }), 'image/jpeg');
  assert.equal(scanType({ name: 'scan.png', type: 'IMAGE/PNG', size: 10 }), 'image/png');
  assert.equal(scanType({ name: 'scan.JPEG', type: '', size: 10 }), 'image/jpeg');
  assert.equal(
    scanType({ name: 'note.pdf', type: 'text/plain', size: 10 }),
    null,
    'a stated type wins over the ending',
  );
  assert.equal(scanType({ name: 'note.docx', type: '', size: 10 }), null);
  assert.equal(scanType({ name: 'photo.heic', type: 'image/heic', size: 10 }), null);
  assert.equal(scanType(undefined), null);
});

test('a scan is refused in the page when missing, of another kind, empty or over 700 KB', () => {
  assert.equal(MAX_SCAN_BYTES, 700 * 1024, 'the engine keeps at most 700 KB (SittingPostponements)');
  assert.equal(scanProblem(undefined), 'missing');
  assert.equal(scanProblem({ name: 'a.txt', type: 'text/plain', size: 5 }), 'type');
  assert.equal(scanProblem({ name: 'a.pdf', type: 'application/pdf', size: 0 }), 'empty');
  assert.equal(
    scanProblem({ name: 'a.pdf', type: 'application/pdf', size: MAX_SCAN_BYTES }),
    null,
    '700 KB exactly is kept',
  );
  assert.equal(scanProblem({ name: 'a.pdf', type: 'application/pdf', size: MAX_SCAN_BYTES + 1 }), 'size');
  assert.equal(
    scanProblem({ name: 'big.txt', type: 'text/plain', size: MAX_SCAN_BYTES + 1 }),
    'type',
    'the kind is said first',
  );
  assert.equal(kilobytes(MAX_SCAN_BYTES), 700);
  assert.equal(kilobytes(MAX_SCAN_BYTES + 1), 701);
});

test('bytes become the same base64 as the engine decodes, also for a scan larger than one piece', () => {
  assert.equal(
    bytesToBase64(new TextEncoder().encode('%PDF-1.4 certificate')),
    Buffer.from('%PDF-1.4 certificate').toString('base64'),
  );
  assert.equal(bytesToBase64(new Uint8Array([0, 255, 128, 1]).buffer), 'AP+AAQ==');
  const large = new Uint8Array(MAX_SCAN_BYTES);
  for (let i = 0; i < large.length; i += 1) large[i] = (i * 31) % 256;
  assert.equal(bytesToBase64(large), Buffer.from(large).toString('base64'));
  assert.equal(bytesToBase64(new Uint8Array(0)), '');
});

test('an application awaits the chair until allowed or refused', () => {
  assert.equal(postponementState({ id: 'pp-1' }), 'awaiting');
  assert.equal(postponementState({ id: 'pp-1', allowed: true }), 'allowed');
  assert.equal(postponementState({ id: 'pp-1', allowed: false, decisionReason: 'no proof' }), 'refused');
});

test('the standing: "I" until the deadline, "F" after it, the letter once graded in time', () => {
  const deadline = '2027-07-10T19:00:00Z';
  assert.equal(standingOf({ status: 'waiting' }), null);
  assert.deepEqual(
    standingOf({ standing: { letter: 'I', status: 'incomplete', deadline }, incomplete: { deadline } }),
    { state: 'incomplete', letter: 'I', deadline },
  );
  assert.deepEqual(standingOf({ standing: { letter: 'F', status: 'failed', deadline } }), {
    state: 'failed',
    letter: 'F',
    deadline,
  });
  assert.deepEqual(standingOf({ standing: { letter: 'B+', status: 'graded', deadline } }), {
    state: 'graded',
    letter: 'B+',
    deadline,
  });
  assert.deepEqual(
    standingOf({ standing: { letter: 'F' }, incomplete: { deadline } }),
    { state: 'failed', letter: 'F', deadline },
    'by the letter when the status word is missing',
  );
  assert.deepEqual(
    standingOf({ incomplete: { deadline } }),
    { state: 'incomplete', letter: 'I', deadline },
    'an "I" recorded without a standing still shows',
  );
});

test("the console picks out postponed students, one student's applications, and names a saved scan", () => {
  assert.equal(isPostponed({ status: 'postponed' }), true);
  assert.equal(
    isPostponed({ status: 'admitted', incomplete: { deadline: 'x' } }),
    false,
    'admitted again on the new day',
  );
  const sitting = {
    postponements: [
      { id: 'pp-1', studentId: 'st1' },
      { id: 'pp-2', studentId: 'st2' },
      { id: 'pp-3', studentId: 'st1' },
    ],
  };
  assert.deepEqual(
    postponementsOf(sitting, 'st1').map((p) => p.id),
    ['pp-1', 'pp-3'],
  );
  assert.deepEqual(postponementsOf({}, 'st1'), []);
  assert.equal(
    scanFilename('s-7', { id: 'pp-1', studentId: 'st1', documentType: 'application/pdf' }),
    's-7-st1-pp-1.pdf',
  );
  assert.equal(
    scanFilename('s 7/x', { id: 'pp-2', studentId: 'a:b', documentType: 'image/png' }),
    's_7_x-a_b-pp-2.png',
  );
  assert.equal(scanFilename('s', { id: 'pp-3', studentId: 'c', documentType: 'image/jpeg' }), 's-c-pp-3.jpg');
});

test("the chair's decision carries the deadline day only when allowed and only when one is chosen (6.15.2-6.15.3)", () => {
  const path = '/sittings/s-7/postponements/pp-1/decision';
  assert.deepEqual(
    decisionRequest('s-7', 'pp-1', true, '', ''),
    { path, body: { allowed: true } },
    'none: the configured deadline',
  );
  assert.deepEqual(decisionRequest('s-7', 'pp-1', true, ' ok ', '2027-03-01'), {
    path,
    body: { allowed: true, reason: 'ok', deadline: '2027-03-01' },
  });
  assert.deepEqual(
    decisionRequest('s-7', 'pp-1', false, 'no proof', '2027-03-01'),
    { path, body: { allowed: false, reason: 'no proof' } },
    'a refusal sets no day (the engine refuses one: bad-field)',
  );
  assert.deepEqual(decisionRequest('s-7', 'pp-1', true, undefined, undefined), { path, body: { allowed: true } });
  assert.equal(decisionRequest('s 7/x', 'pp/2', true).path, '/sittings/s%207%2Fx/postponements/pp%2F2/decision');
});
