// Unit tests of the student's own proctoring review (lib/proctoring/my-review.js): the order the flags are
// listed in, what a failed fetch means, and that every flag kind has words in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../main/web/lib/api/client.js';
import { failureState, kindWords, orderedFlags } from '../../main/web/lib/proctoring/my-review.js';
import { KIND_SEVERITY } from '../../main/web/lib/proctoring/dashboard.js';
import en from '../../main/web/lib/messages/en.js';
import kk from '../../main/web/lib/messages/kk.js';
import ru from '../../main/web/lib/messages/ru.js';

test('flags are listed in the order they were raised, whatever order the server sent', () => {
  const flags = orderedFlags([
    { id: 'f3', kind: 'tab-hidden', at: '2026-12-01T09:12:00Z', severity: 'medium' },
    { id: 'f1', kind: 'no-face', at: '2026-12-01T09:03:10.5Z', severity: 'low', insufficientEvidence: true },
    { id: 'f2', kind: 'multiple-faces', at: '2026-12-01T09:03:10.6Z', severity: 'high' },
  ]);
  assert.deepEqual(
    flags.map((f) => f.id),
    ['f1', 'f2', 'f3'],
  );
  assert.equal(flags[0].insufficientEvidence, true, 'the rest of a flag is kept');
});

test("flags raised at the same instant keep the server's numbering, f2 before f10", () => {
  const at = '2026-12-01T09:00:00Z';
  assert.deepEqual(
    orderedFlags([
      { id: 'f10', at },
      { id: 'f2', at },
      { id: 'f9', at },
    ]).map((f) => f.id),
    ['f2', 'f9', 'f10'],
  );
});

test('a flag without a readable instant goes last; the input is left as it was', () => {
  const input = [
    { id: 'f2', at: null },
    { id: 'f1', at: '2026-12-01T09:00:00Z' },
    { id: 'f3', at: 'yesterday' },
  ];
  const copy = structuredClone(input);
  assert.deepEqual(
    orderedFlags(input).map((f) => f.id),
    ['f1', 'f2', 'f3'],
  );
  assert.deepEqual(input, copy);
});

test('a severity the page does not know is shown as medium; anything but a list of flags is no flags', () => {
  const flags = orderedFlags([
    { id: 'f1', at: '2026-12-01T09:00:00Z' },
    { id: 'f2', at: '2026-12-01T09:00:01Z', severity: 'extreme' },
    { id: 'f3', at: '2026-12-01T09:00:02Z', severity: 'low' },
    null,
  ]);
  assert.deepEqual(
    flags.map((f) => f.severity),
    ['medium', 'medium', 'low'],
  );
  assert.deepEqual(orderedFlags(undefined), []);
  assert.deepEqual(orderedFlags({ f1: {} }), []);
});

test('only 403 not-reviewed means "not reviewed yet"; every other failure is an error', () => {
  assert.equal(
    failureState(new ApiError(403, 'not-reviewed', 'the flags of your attempt are shown once it is reviewed')),
    'not-reviewed',
  );
  assert.equal(failureState(new ApiError(403, 'forbidden', 'not yours')), 'error');
  assert.equal(failureState(new ApiError(404, 'not-found', 'no such attempt')), 'error');
  assert.equal(failureState(new ApiError(0, 'network', 'offline')), 'error');
  assert.equal(failureState(new TypeError('boom')), 'error');
});

test('every flag kind of docs/proctoring.md has words; an unknown kind is shown as the engine names it', () => {
  for (const kind of Object.keys(KIND_SEVERITY)) assert.notEqual(kindWords(kind), kind, kind);
  assert.equal(kindWords('eyes-closed'), 'eyes-closed');
});

test("the review's words exist in Kazakh, Russian and English alike", () => {
  const keys = (table) =>
    Object.keys(table)
      .filter((k) => k.startsWith('myReview.'))
      .sort();
  assert.ok(keys(en).length > 0);
  assert.deepEqual(keys(kk), keys(en));
  assert.deepEqual(keys(ru), keys(en));
  for (const kind of Object.keys(KIND_SEVERITY)) assert.ok(`myReview.flag.${kind}` in en, kind);
  for (const table of [en, kk, ru]) {
    for (const key of ['myReview.evidenceAlt', 'myReview.evidenceTitle']) {
      assert.match(table[key], /\{time\}/, key);
      assert.match(table[key], /\{what\}/, key);
    }
    assert.match(table['myReview.reviewedAt'], /\{time\}/);
    assert.match(table['myReview.appeal'], /6\.15\.4/);
  }
});
