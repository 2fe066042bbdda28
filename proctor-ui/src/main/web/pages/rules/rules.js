/**
 * rules.html?exam=<examId>: what the student agrees to before the clock starts: academic integrity (5.40),
 * online etiquette (6.13-6.14), the references the passport allows (5.22), what a proctored exam records
 * (5.17.2), and what happens if the connection drops. Starting is only possible after ticking the
 * agreement; a proctored exam goes through the pre-check (precheck.html) first.
 */

import { ApiError } from '../../lib/api/client.js';
import { myExams } from '../../lib/api/attempts.js';
import { h, param, setState, showMessage } from '../../lib/dom.js';
import { formatDateTime, t, tn, formatNumber } from '../../lib/i18n.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import { isProctored } from '../../lib/proctoring/precheck-rules.js';
import { admissionLine } from '../../lib/exam-card.js';

const $ = (id) => document.getElementById(id);
const main = $('rules');

async function start() {
  if (!startSignedInPage()) return;
  const examId = param('exam');
  try {
    const exam = (await myExams()).find((e) => e.id === examId);
    $('rules-loading').hidden = true;
    if (!exam) {
      showMessage($('rules-error'), t('rules.noExam'));
      setState(main, 'error');
      return;
    }
    const refusal = admissionLine(exam); // issue 15 (6), 5.30: the card said so; a link here says it again
    if (refusal) {
      const { rating, minimum, rule } = refusal.params;
      showMessage(
        $('rules-error'),
        t(refusal.key, { rule, rating: formatNumber(rating ?? 0), minimum: formatNumber(minimum) }),
      );
      setState(main, 'error');
      return;
    }
    render(exam);
    setState(main, 'ready');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    $('rules-loading').hidden = true;
    showMessage($('rules-error'), err.message);
    setState(main, 'error');
  }
}

function render(exam) {
  $('rules-exam').textContent = exam.title;
  $('rules-facts').replaceChildren(
    fact(
      t('exams.window'),
      t('exams.windowRange', { from: formatDateTime(exam.opensAt), to: formatDateTime(exam.closesAt) }),
    ),
    fact(t('exams.duration'), tn('duration.minutes', exam.durationMinutes)),
    fact(t('exams.questions'), String(exam.questionCount)),
    fact(t('rules.attempts'), t('rules.oneAttempt')),
  );
  const references = exam.references ?? [];
  $('rules-reference-list').replaceChildren(
    ...(references.length > 0
      ? references.map((r) => h('li', { text: r }))
      : [h('li', { text: t('rules.noReferences') })]),
  );
  const proctored = isProctored(exam.proctoring);
  const p = exam.proctoring ?? {};
  $('rules-proctoring-section').hidden = !proctored;
  $('rules-proctoring-list').replaceChildren(
    ...[
      p.camera ? 'rules.proctoringCamera' : null,
      p.screen ? 'rules.proctoringScreen' : null,
      p.identity ? 'rules.proctoringIdentity' : null,
      proctored ? 'rules.proctoringEvents' : null,
    ]
      .filter(Boolean)
      .map((key) => h('li', { text: t(key) })),
  );
  const agree = $('rules-agree');
  const go = $('rules-start');
  agree.addEventListener('change', () => {
    go.disabled = !agree.checked;
  });
  $('rules-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!agree.checked) return;
    // a proctored exam first checks the browser, camera, screen and connection, then goes on to the test
    window.location.assign(`${proctored ? 'precheck' : 'attempt'}.html?exam=${encodeURIComponent(exam.id)}`);
  });
  $('rules-body').hidden = false;
}

function fact(term, value) {
  return h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', { text: value }));
}

start();
