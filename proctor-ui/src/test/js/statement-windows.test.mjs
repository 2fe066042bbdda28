// 5.35: the student's exams page opens the start button inside the personal window of an issued statement only.
import assert from 'node:assert/strict';
import test from 'node:test';
import { personalWindows, windowAt } from '../../main/web/lib/statement/windows.js';

const exam = { id: 'e1', opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-01T10:00:00Z' };
const issued = {
  examId: 'e1',
  status: 'issued',
  issued: { validFrom: '2026-12-05T12:00:00Z', validUntil: '2026-12-20T19:00:00Z' },
};

test('only issued statements give a window', () => {
  const windows = personalWindows([issued, { ...issued, examId: 'e2', status: 'approved', issued: null }]);
  assert.deepEqual([...windows.keys()], ['e1']);
  assert.equal(personalWindows([{ ...issued, status: 'expired' }]).size, 0);
});

test("inside the statement's window the button follows it, up to its end exactly", () => {
  const w = personalWindows([issued]).get('e1');
  const inside = windowAt(exam, w, Date.parse('2026-12-10T00:00:00Z'));
  assert.deepEqual(inside, { opens: Date.parse(w.from), closes: Date.parse(w.until), personal: true });
  assert.equal(windowAt(exam, w, Date.parse(w.until)).personal, false, 'at its end the exam’s own window again');
  assert.equal(windowAt(exam, w, Date.parse(w.until) - 1).personal, true);
  assert.equal(windowAt(exam, undefined, Date.parse('2026-12-10T00:00:00Z')).closes, Date.parse(exam.closesAt));
});
