// The Gradebook (LMS) column of exam.html (pages/exam/lti.js, issue 16, 3): the LMS's answer in the page's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { t } from '../../main/web/lib/i18n.js';
import { answerSummary } from '../../main/web/pages/exam/lti.js';
import kk from '../../main/web/lib/messages/staff.kk.js';

test("the LMS's HTTP status is named in the page's words", () => {
  assert.equal(answerSummary({ status: 503, body: 'locked' }), t('staff.lti.answered', { status: 503 }));
  assert.match(answerSummary({ status: 400, body: '[]' }), /400/);
  assert.match(kk['staff.lti.answered'], /\{status\}/);
});

test('no answer at all: a student the LMS does not know, or an LMS out of reach, said in words, never the code', () => {
  const unknown = answerSummary({ status: 0, body: 'no-platform-user' });
  assert.equal(unknown, t('staff.lti.noPlatformUser'));
  assert.doesNotMatch(unknown, /no-platform-user/);
  assert.equal(answerSummary({ status: 0, body: 'Connection refused' }), t('staff.lti.unreachable'));
  assert.match(kk['staff.lti.noPlatformUser'], /тіркелгісі жоқ/);
});
