// Issue 10: the verify page's own code (proctor-ui lib/verify/checks.js) on what a real engine produced in this build.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { checkDraws, checkReceipt } from '../../../../proctor-ui/src/main/web/lib/verify/checks.js';

const dir = process.env.VERIFY_FIXTURES;
const skip = dir && existsSync(join(dir, 'receipt.json')) ? false : 'no fixtures: run kz.emtihan.audit.VerificationRecipesTest';
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));

test('the page accepts the engine\'s receipt, log and keys, and refuses a changed log', { skip }, async () => {
  const checks = await checkReceipt(read('receipt.json'), read('log.json'), read('keys.json'));
  assert.deepEqual(checks.filter((c) => c.ok !== true), []);
  const log = read('log.json');
  log.entries.pop();
  const broken = await checkReceipt(read('receipt.json'), log, read('keys.json'));
  assert.deepEqual(broken.filter((c) => c.ok !== true).map((c) => c.check), ['events', 'chain']);
});

test('the page recomputes the engine\'s draws', { skip }, async () => {
  const staff = await checkDraws(read('draws-staff.json'));
  assert.deepEqual(staff.filter((c) => c.ok !== true), []);
  const student = await checkDraws(read('draws-student.json'));
  assert.ok(student.every((c) => c.ok !== false));
  assert.ok(student.some((c) => c.check === 'draw' && c.ok === true), 'at least the student\'s own draw');
});
