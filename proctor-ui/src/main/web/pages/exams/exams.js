/**
 * exams.html: the student's exams, their windows in the browser's time zone, and a way in. Each card says before the
 * start (issue 15, 6) whether the student is admitted (5.30), what proctoring will need (camera, microphone, the whole
 * screen, the ID card) and the time left, on the server's clock (lib/exam-card.js).
 *
 * For tests: li.exam-card[data-exam][data-admitted][data-proctored], [data-field=time] [data-ms], .exam-needs li
 * [data-need], .exam-refusal.
 */

import { ApiError } from '../../lib/api/client.js';
import { myExams } from '../../lib/api/attempts.js';
import { listStatements } from '../../lib/api/statements.js';
import { formatCountdown, formatDateTime, t, timeZoneName, tn, formatNumber } from '../../lib/i18n.js';
import { h, setState, showMessage } from '../../lib/dom.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import { user } from '../../lib/session.js';
import { personalWindows, windowAt } from '../../lib/statement/windows.js';
import { admissionLine, needKeys, serverOffset, timeLine } from '../../lib/exam-card.js';

const main = document.getElementById('exams');
const list = document.getElementById('exam-list');
const loading = document.getElementById('exams-loading');
const error = document.getElementById('exams-error');
const none = document.getElementById('exams-none');
const zone = document.getElementById('exams-zone');

/** A timer that re-renders when the next window opens or closes, so the buttons follow the clock. */
let refresh = null;
/** 5.35: examId → the personal window of the student's issued individual statement. */
let personal = new Map();
/** ms to add to this browser's clock for the server's (the list's serverTime). */
let offset = 0;

async function start() {
  if (!startSignedInPage()) return;
  if (!(user()?.roles ?? []).includes('student')) {
    loading.hidden = true;
    showMessage(none, t('exams.notStudent'));
    setState(main, 'ready');
    return;
  }
  try {
    const [exams, statements] = await Promise.all([
      myExams(),
      listStatements().catch(() => []), // the exams still show without the statements
    ]);
    personal = personalWindows(statements);
    offset = serverOffset(exams, Date.now());
    render(exams);
    setState(main, 'ready');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    loading.hidden = true;
    showMessage(error, err.message);
    setState(main, 'error');
  }
}

function render(exams) {
  loading.hidden = true;
  none.hidden = exams.length > 0;
  list.hidden = exams.length === 0;
  zone.hidden = exams.length === 0;
  zone.textContent = t('exams.timeZone', { zone: timeZoneName() });
  const now = Date.now() + offset;
  const focused = document.activeElement?.dataset?.exam; // re-rendering must not take the keyboard focus away
  list.replaceChildren(...exams.map((exam) => examItem(exam, now)));
  if (focused) list.querySelector(`button[data-exam="${CSS.escape(focused)}"]`)?.focus();
  scheduleRefresh(exams, now);
}

function statusOf(exam) {
  return exam.attempt?.status ?? 'not-started';
}

function examItem(exam, now) {
  const headingId = `exam-${exam.id}-title`;
  const status = statusOf(exam);
  const refusal = admissionLine(exam);
  const needs = needKeys(exam);
  return h(
    'li',
    {
      class: 'exam-card',
      'data-exam': exam.id,
      'data-admitted': String(!refusal),
      'data-proctored': String(needs.length > 0),
    },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('h2', { id: headingId, text: exam.title }),
      h(
        'dl',
        { class: 'facts' },
        fact(
          t('exams.window'),
          t('exams.windowRange', {
            from: formatDateTime(exam.opensAt),
            to: formatDateTime(exam.closesAt),
          }),
        ),
        fact(t('exams.duration'), tn('duration.minutes', exam.durationMinutes)),
        exam.questionCount ? fact(t('exams.questions'), String(exam.questionCount)) : null,
        fact(t('exams.status'), h('span', { class: `status status-${status}`, text: t(`status.${status}`) })),
        refusal ? null : timeFact(exam, now), // a refused student gets no "start now and you have…"
      ),
      needsBlock(needs),
      refusal ? refusalNotice(refusal) : action(exam, status, now),
    ),
  );
}

function fact(term, value, attrs = {}) {
  return h('div', { class: 'fact', ...attrs }, h('dt', { text: term }), h('dd', {}, value));
}

/** The time left: to the opening, to the close with what a start now gets, or in the attempt under way. */
function timeFact(exam, now) {
  const line = timeLine(exam, now);
  if (!line) return null;
  const params = {
    time: line.at ? formatDateTime(line.at) : formatCountdown(line.ms),
    duration: line.minutes === undefined ? '' : tn('duration.minutes', line.minutes),
  };
  return fact(t('exams.timeLeft'), t(line.key, params), {
    'data-field': 'time',
    'data-key': line.key,
    'data-ms': line.ms === undefined ? null : String(line.ms),
  });
}

/** What proctoring will need, so the student can have it ready; an unproctored exam says it needs none. */
function needsBlock(needs) {
  const heading = h('strong', { text: `${t('exams.proctoring')}: ` });
  if (needs.length === 0)
    return h('div', { class: 'exam-needs-block', 'data-field': 'needs' }, heading, t('exams.notProctored'));
  return h(
    'div',
    { class: 'exam-needs-block', 'data-field': 'needs' },
    heading,
    `${t('exams.needsLead')} `,
    h(
      'ul',
      { class: 'exam-needs' },
      ...needs.map((key) => h('li', { 'data-need': key.slice('exams.need.'.length), text: t(key) })),
    ),
  );
}

/** 5.30: not admitted. Said on the card, before the rules page; the server refuses the start all the same. */
function refusalNotice({ key, params }) {
  return h('p', {
    class: 'notice notice-error exam-refusal',
    'data-rule': params.rule,
    text: t(key, {
      ...params,
      rating: params.rating === null || params.rating === undefined ? '—' : formatNumber(params.rating),
      minimum: formatNumber(params.minimum),
    }),
  });
}

function action(exam, status, now) {
  if (status !== 'not-started' && status !== 'in-progress') {
    return h(
      'p',
      { class: 'actions' },
      h('a', {
        class: 'button',
        href: `result.html?attempt=${encodeURIComponent(exam.attempt.id)}`,
        text: t('exams.receipt'),
      }),
    );
  }
  const { opens, closes, personal: own } = windowAt(exam, personal.get(exam.id), now);
  const open = now >= opens && now < closes;
  const verb = status === 'in-progress' ? t('exams.resume') : t('exams.start');
  let text = verb;
  if (now < opens)
    text =
      opens - now < 24 * 3600 * 1000
        ? t('exams.opensIn', { time: formatCountdown(opens - now) })
        : t('exams.opensAt', { time: formatDateTime(exam.opensAt) });
  else if (now >= closes) text = t('exams.closed', { time: formatDateTime(exam.closesAt) });
  const hint = own // 5.35: the start follows the individual statement's window
    ? h('span', {
        class: 'small statement-window',
        text: t('statement.startHint', { until: formatDateTime(new Date(closes).toISOString()) }),
      })
    : null;
  const button = h('button', {
    class: open ? 'button button-primary' : 'button',
    type: 'button',
    'data-exam': exam.id,
    disabled: !open,
    text,
    'aria-label': open ? t('exams.startLabel', { action: verb, title: exam.title }) : null,
    // 5.40, 6.13: a first start goes through the rules page; a resume goes straight back to the test
    on: {
      click: () =>
        window.location.assign(
          `${status === 'in-progress' ? 'attempt' : 'rules'}.html?exam=${encodeURIComponent(exam.id)}`,
        ),
    },
  });
  return h('p', { class: 'actions' }, button, hint);
}

function scheduleRefresh(exams, now) {
  clearTimeout(refresh);
  const upcoming = exams
    .flatMap((e) => [e.opensAt, e.closesAt, e.window?.opensAt, e.window?.closesAt, e.attempt?.deadline])
    .filter(Boolean)
    .map(Date.parse)
    .filter((at) => at > now);
  if (upcoming.length === 0) return;
  const next = Math.min(...upcoming);
  // while an exam opens within the day, tick every second so the countdown to opening moves
  const wait = next - now < 24 * 3600 * 1000 && next > now ? 1000 : next - now + 500;
  if (wait < 2 ** 31 - 1) refresh = setTimeout(() => render(exams), wait);
}

start();
