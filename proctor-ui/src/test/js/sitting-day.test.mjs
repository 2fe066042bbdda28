// 6.15.6: the sitting's day as the console counts it: the view's server time in the sitting's zone (lib/sitting/flow.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayIn } from '../../main/web/lib/sitting/flow.js';

test('the day of an instant in the sitting zone', () => {
  assert.equal(dayIn('2026-12-06T18:59:59Z', 'Asia/Almaty'), '2026-12-06');
  assert.equal(dayIn('2026-12-06T19:00:00Z', 'Asia/Almaty'), '2026-12-07', 'midnight in Almaty, UTC+5');
  assert.equal(dayIn('2026-12-06T19:00:00Z', 'UTC'), '2026-12-06');
});
