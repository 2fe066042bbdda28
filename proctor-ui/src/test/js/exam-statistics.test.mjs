// Item statistics on exam.html (pages/exam/statistics.js, issue 12, 6): numbers in the reader's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setLanguage } from '../../main/web/lib/i18n.js';
import { number, percent } from '../../main/web/pages/exam/statistics.js';

test('percents and numbers take the decimal comma in Kazakh and Russian, the point in English', () => {
  setLanguage('kk');
  assert.equal(percent(47.14), '47,14%'); // issue 15 (1): CLDR's percent of each language
  assert.equal(number(2.75), '2,75');
  setLanguage('ru');
  assert.equal(percent(47.14), '47,14\u00a0%');
  setLanguage('en');
  assert.equal(percent(47.14), '47.14%');
  assert.equal(number(2.5), '2.5');
});

test('a statistic Moodle leaves undefined (too few attempts, no variance) shows as a dash, not as 0', () => {
  setLanguage('en');
  assert.equal(percent(null), '—');
  assert.equal(number(undefined), '—');
  assert.equal(percent(0), '0%');
});
