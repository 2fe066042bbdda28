/**
 * exam.html?exam=<examId>: an exam's details, its roster (replaced from a CSV file, with the per-line
 * problems when the file is refused), the results table (5.33) with a CSV download for the registry (a
 * proctored exam's attempts link to their review), and links to the live progress and proctoring pages.
 */

import { weekLabel } from '../../lib/calendar.js';
import { h, param, setState } from '../../lib/dom.js';
import { localFileInputs } from '../../lib/file-input.js';
import { formatDateTime, formatNumber, t, tn, formatPercent } from '../../lib/i18n.js';
import { isProctored } from '../../lib/proctoring/precheck-rules.js';
import { examResults, examResultsCsv, getExam, uploadRoster } from '../../lib/api/exams.js';
import { getBank } from '../../lib/api/banks.js';
import { showExamProctors } from './proctors.js';
import { showExamStatistics } from './statistics.js';
import { addGradebookColumn, ltiOf, showCourseRoster } from './lti.js';
import {
  $,
  busy,
  clearError,
  downloadText,
  fact,
  hasRole,
  kindName,
  labelColumns,
  pageFailed,
  showError,
  showProblems,
  startStaffPage,
  statusBadge,
} from '../../lib/staff.js';
import { nameIn, person, personText, sharedNames } from '../../lib/people.js';

const main = $('exam');
const examId = param('exam');
let exam = null;

async function start() {
  if (!startStaffPage()) return;
  localFileInputs(main); // issue 15 (2): in the page's language, not the browser's
  if (!examId) {
    pageFailed(main, $('exam-loading'), $('exam-error'), new Error(t('staff.examPage.noExam')));
    return;
  }
  try {
    exam = await getExam(examId);
    // the bank's name is a nicety: proctors and registrars may not read banks
    const bank = hasRole('teacher', 'admin', 'expert') ? await getBank(exam.bankId).catch(() => null) : null;
    $('exam-loading').hidden = true;
    renderExam(exam, bank);
    renderRoster(exam.roster ?? [], exam.people);
    await showExamProctors(examId);
    $('exam-created').hidden = !param('created');
    $('exam-body').hidden = false;
    $('progress-link').href = `progress.html?exam=${encodeURIComponent(examId)}`;
    $('proctor-link').href = `proctor.html?exam=${encodeURIComponent(examId)}`;
    $('results-registry').href = `registry.html?exam=${encodeURIComponent(examId)}`; // issue 13 (5)
    $('proctor-link').hidden = !(proctored() && hasRole('proctor', 'teacher', 'admin'));
    $('roster-form').addEventListener('submit', onRoster);
    if ((exam.yourAccess ?? []).includes('results')) {
      // issue 10 (3): the server's rule, not the page's
      $('results-refresh').addEventListener('click', () =>
        busy($('results-refresh'), t('staff.busy.loading'), loadResults),
      );
      $('results-csv').addEventListener('click', onCsv);
      await loadResults();
    }
    // issue 12 (6): item statistics for whoever manages the exam (its teacher, admins)
    if ((exam.yourAccess ?? []).includes('manage')) await showExamStatistics(examId);
    // issue 16 (4): the roster from the LMS course, when the exam is opened from one
    if ((exam.yourAccess ?? []).includes('manage')) showCourseRoster(await ltiOf(examId), { examId, afterSync });
    setState(main, 'ready');
  } catch (err) {
    pageFailed(main, $('exam-loading'), $('exam-error'), err);
  }
}

function renderExam(e, bank) {
  $('exam-heading').textContent = e.title;
  document.title = t('staff.examPage.titleOf', { title: e.title });
  const p = e.proctoring ?? {};
  const on = ['camera', 'screen', 'identity'].filter((k) => p[k]).map((k) => t(`staff.proctoring.${k}`));
  const bankLabel = bank?.passport?.discipline
    ? t('staff.examPage.bankOf', { discipline: bank.passport.discipline, id: e.bankId })
    : e.bankId;
  $('exam-facts').replaceChildren(
    fact(t('staff.exam.kind'), kindName(e.kind), { 'data-field': 'kind', 'data-value': e.kind }),
    fact(
      t('staff.newExam.bank'),
      hasRole('teacher', 'admin', 'expert')
        ? h('a', { href: `bank.html?bank=${encodeURIComponent(e.bankId)}`, text: bankLabel })
        : bankLabel,
      { 'data-field': 'bank' },
    ),
    fact(t('staff.exam.opensAt'), formatDateTime(e.opensAt), { 'data-field': 'opensAt', 'data-value': e.opensAt }),
    fact(t('staff.exam.closesAt'), formatDateTime(e.closesAt), { 'data-field': 'closesAt', 'data-value': e.closesAt }),
    // 5.16: the academic calendar's period and week of the window
    fact(t('staff.calendar.heading'), weekLabel(e.calendar), { 'data-field': 'calendar' }),
    // 5.36-5.38: the chain of retakes
    ...(e.retakeOf
      ? [
          fact(
            t('staff.calendar.retakeOf'),
            h('a', { href: `exam.html?exam=${encodeURIComponent(e.retakeOf)}`, text: e.retakeOf }),
            { 'data-field': 'retakeOf' },
          ),
        ]
      : []),
    ...((e.retakes ?? []).length > 0 && !e.retakeOf
      ? [
          fact(
            t('staff.calendar.retakes'),
            h(
              'span',
              {},
              ...e.retakes.flatMap((id, i) => [
                i > 0 ? ', ' : '',
                h('a', { href: `exam.html?exam=${encodeURIComponent(id)}`, text: id }),
              ]),
            ),
            { 'data-field': 'retakes' },
          ),
        ]
      : []),
    fact(t('staff.exam.duration'), tn('duration.minutes', e.durationMinutes), {
      'data-field': 'durationMinutes',
      'data-value': e.durationMinutes,
    }),
    fact(t('staff.exam.questions'), String(e.questionCount), {
      'data-field': 'questionCount',
      'data-value': e.questionCount,
    }),
    fact(t('staff.proctoring.heading'), on.length > 0 ? on.join(', ') : t('staff.proctoring.none'), {
      'data-field': 'proctoring',
    }),
    fact(t('staff.banks.owner'), nameIn(e.people, e.owner), { 'data-field': 'owner' }),
  );
}

/** issue 15 (2): the roster by name (people: id → name from GET /exams/{id}); ids only where two share a name. */
function renderRoster(roster, people) {
  const count = $('roster-count');
  count.dataset.students = String(roster.length);
  count.textContent = roster.length > 0 ? tn('staff.roster.count', roster.length) : t('staff.roster.empty');
  $('roster-details').hidden = roster.length === 0;
  const persons = roster.map((id) => ({ id, name: nameIn(people, id) }));
  const shared = sharedNames(persons);
  $('roster-list').replaceChildren(
    ...persons.sort(byName).map((p) => h('li', { 'data-student': p.id }, person(p, shared.has(p.name)))),
  );
}

async function onRoster(event) {
  event.preventDefault();
  const error = $('roster-error');
  const done = $('roster-result');
  clearError(error);
  done.hidden = true;
  const input = $('roster-file');
  input.removeAttribute('aria-invalid');
  const file = input.files[0];
  if (!file) {
    input.setAttribute('aria-invalid', 'true');
    showProblems(error, t('staff.roster.noFile'), []);
    input.focus();
    return;
  }
  try {
    const result = await busy($('roster-submit'), t('staff.busy.uploading'), () => uploadRoster(examId, file));
    done.dataset.students = String(result.students);
    done.textContent = tn('staff.roster.stored', result.students);
    done.hidden = false;
    input.value = '';
    exam = await getExam(examId);
    renderRoster(exam.roster ?? [], exam.people);
    await showExamProctors(examId);
    if (hasRole('teacher', 'admin', 'registrar')) await loadResults();
  } catch (err) {
    showError(error, err, {
      summary: err.code === 'invalid-roster' ? t('staff.roster.refused', { file: file.name }) : null,
    });
  }
}

/** issue 16 (4): after the roster was filled from the course, the page shows the new roster and results. */
async function afterSync() {
  exam = await getExam(examId);
  renderRoster(exam.roster ?? [], exam.people);
  if ((exam.yourAccess ?? []).includes('results')) await loadResults();
}

// Results (5.33)

async function loadResults() {
  const error = $('results-error');
  clearError(error);
  try {
    renderResults(await examResults(examId));
    // issue 16 (3): each student's grade on its way to the LMS gradebook
    const mayResend = (exam.yourAccess ?? []).includes('manage');
    addGradebookColumn(await ltiOf(examId), { examId, mayResend, reload: loadResults });
  } catch (err) {
    showError(error, err);
  }
}

function number(value, digits = 2) {
  return value === undefined || value === null ? '' : formatNumber(value, digits);
}

function renderResults(rows) {
  const byStatus = {};
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
  const summary = $('results-summary');
  summary.textContent =
    rows.length === 0
      ? t('staff.results.none')
      : t('staff.results.summary', {
          total: rows.length,
          finished: (byStatus.submitted ?? 0) + (byStatus['timed-out'] ?? 0),
          inProgress: byStatus['in-progress'] ?? 0,
          notStarted: byStatus['not-started'] ?? 0,
        });
  const shared = sharedNames(rows.map(student));
  $('results-rows').replaceChildren(
    ...[...rows]
      .sort((a, b) => byName(student(a), student(b)))
      .map((row) =>
        h(
          'tr',
          {
            'data-student': row.studentId,
            'data-status': row.status,
          },
          h('th', { scope: 'row' }, person(student(row), shared.has(student(row).name))),
          h('td', { 'data-field': 'status' }, statusBadge(row.status)),
          h('td', { class: 'num', 'data-field': 'points', 'data-value': row.points, text: number(row.points) }),
          h('td', {
            class: 'num',
            'data-field': 'percent',
            'data-value': row.percent,
            text: row.percent === undefined ? '' : formatPercent(row.percent, 1),
          }),
          h('td', { 'data-field': 'letter', text: row.letter ?? '' }),
          h('td', { class: 'num', 'data-field': 'gpa', 'data-value': row.gpa, text: number(row.gpa) }),
          h('td', { 'data-field': 'traditional', text: row.traditional ? traditional(row.traditional) : '' }),
          h('td', { 'data-field': 'attempt', class: 'mono' }, attemptCell(row)),
        ),
      ),
  );
  labelColumns($('results-table'));
}

/** A results row's student as {id, name} (issue 15, 2: the API names them; the id stands in for a missing name). */
function student(row) {
  return { id: row.studentId, name: row.name || row.studentId };
}

function byName(a, b) {
  return a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id.localeCompare(b.id);
}

/** A proctored exam's attempts link to their review (recordings, flags, verdict). */
function attemptCell(row) {
  if (!row.attemptId) return '—';
  if (!proctored() || !hasRole('proctor', 'teacher', 'admin')) return row.attemptId;
  return h('a', {
    href: `review.html?attempt=${encodeURIComponent(row.attemptId)}`,
    text: row.attemptId,
    'aria-label': t('staff.results.reviewOf', { student: personText(student(row)) }),
  });
}

function proctored() {
  return isProctored(exam?.proctoring);
}

function traditional(word) {
  const key = `staff.traditional.${word}`;
  const text = t(key);
  return text === key ? word : text;
}

async function onCsv() {
  const error = $('results-error');
  clearError(error);
  try {
    const csv = await busy($('results-csv'), t('staff.busy.loading'), () => examResultsCsv(examId));
    const stamp = new Date().toISOString().slice(0, 10);
    downloadText(csv, `results-${examId}-${stamp}.csv`, 'text/csv;charset=utf-8');
  } catch (err) {
    showError(error, err);
  }
}

start();
