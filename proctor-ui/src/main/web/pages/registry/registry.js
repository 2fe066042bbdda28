/**
 * registry.html (registrars, admins; teachers and proctors their exams; a sitting's commission its sittings): the
 * tests and sittings with their exports (GET /registry; CSV with commas, CSV with semicolons for a Kazakh or Russian
 * Excel, XLSX) and each test's grade sheet as PDF (5.33). Choosing a test shows its students with the admission
 * rating, the exam and the final rating (6.10), and which result of a retake counts (5.36-5.38), by group.
 * ?exam=<id> opens that test, ?sitting=<id> marks that sitting.
 *
 * Markup: tr[data-exam] in #registry-exams-body, tr[data-sitting] in #registry-sittings-body, tr[data-student] in
 * #registry-rows-body; #registry-detail[data-exam].
 *
 * Issue 15 (1): on a phone each table is a stack of cards, every cell with its column's name (labelColumns), the
 * file buttons of a row wrapped together; a test opened with ?exam= is scrolled to its heading, so the first screen
 * starts with the test's name rather than the middle of its table.
 */

import { examExport, gradeSheet, registryExam, registryIndex, sittingExport } from '../../lib/api/registry.js';
import { downloadBlob, h, param, setState } from '../../lib/dom.js';
import { formatDateTime, formatNumber, t, formatPercent, formatDay } from '../../lib/i18n.js';
import {
  $,
  busy,
  clearError,
  fill,
  kindName,
  labelColumns,
  pageFailed,
  showError,
  startStaffPage,
} from '../../lib/staff.js';

const main = $('registry');

/** The files of an export, in the order the buttons show them. */
export const FORMATS = [
  { code: 'csv', extension: 'csv', key: 'registry.file.csv' },
  { code: 'csv-semicolon', extension: 'csv', key: 'registry.file.csvSemicolon' },
  { code: 'xlsx', extension: 'xlsx', key: 'registry.file.xlsx' },
];

/** A number in the reader's language, or a dash for none. */
export function value(n) {
  return n === undefined || n === null ? '—' : formatNumber(n);
}

async function start() {
  if (!startStaffPage()) return;
  try {
    const index = await registryIndex();
    $('registry-loading').hidden = true;
    renderExams(index.exams ?? []);
    renderSittings(index.sittings ?? []);
    setState(main, 'ready');
    const wanted = param('exam');
    if (wanted && (index.exams ?? []).some((e) => e.id === wanted)) await openExam(wanted, null, { scroll: true });
  } catch (err) {
    pageFailed(main, $('registry-loading'), $('registry-error'), err);
  }
}

function fileButtons(file, name, extra = {}) {
  return FORMATS.map((f) =>
    h('button', {
      class: 'button button-quiet',
      type: 'button',
      'data-format': f.code,
      'aria-label': t('registry.file.for', { file: t(f.key), name }),
      text: t(f.key),
      on: {
        click: (event) =>
          download(event.currentTarget, () => file(f.code), `${extra.file ?? 'registry'}.${f.extension}`),
      },
    }),
  );
}

async function download(button, file, fileName, box = $('registry-error')) {
  clearError(box);
  try {
    const blob = await busy(button, t('staff.busy.loading'), file);
    downloadBlob(blob, fileName);
  } catch (err) {
    showError(box, err);
  }
}

function renderExams(exams) {
  $('registry-exams').hidden = false;
  $('registry-exams-none').hidden = exams.length > 0;
  fill(
    $('registry-exams-body'),
    ...exams.map((e) =>
      h(
        'tr',
        { 'data-exam': e.id },
        h(
          'th',
          { scope: 'row' },
          h('button', {
            class: 'button button-quiet registry-open',
            type: 'button',
            text: e.title,
            on: { click: () => openExam(e.id, null, { scroll: true }) },
          }),
          e.retakeOf ? h('span', { class: 'status muted', text: ` ${t('registry.retake')}` }) : null,
        ),
        h('td', { text: kindName(e.kind) }),
        h('td', { text: formatDateTime(e.opensAt) }),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'registry-files' },
            ...fileButtons((format) => examExport(e.id, format), e.title, {
              file: `registry-${e.id}`,
            }),
            h('button', {
              class: 'button button-quiet',
              type: 'button',
              'data-format': 'pdf',
              text: t('registry.file.sheet'),
              on: {
                click: (event) => download(event.currentTarget, () => gradeSheet(e.id), `grade-sheet-${e.id}.pdf`),
              },
            }),
          ),
        ),
      ),
    ),
  );
  labelColumns($('registry-exams-table'));
}

function renderSittings(sittings) {
  $('registry-sittings').hidden = false;
  $('registry-sittings-none').hidden = sittings.length > 0;
  const marked = param('sitting');
  fill(
    $('registry-sittings-body'),
    ...sittings.map((s) =>
      h(
        'tr',
        { 'data-sitting': s.id, class: s.id === marked ? 'row-marked' : null },
        h('th', { scope: 'row', text: s.title }),
        h('td', { text: formatDay(s.date) }),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'registry-files' },
            ...fileButtons((format) => sittingExport(s.id, format), s.title, {
              file: `registry-${s.id}`,
            }),
          ),
        ),
      ),
    ),
  );
  labelColumns($('registry-sittings-table'));
}

/**
 * Shows a test's students (of one group, or all). With scroll, the test's heading is brought to the top of the
 * window (issue 15, 1: not the middle of the tests' table), and focused without a second scroll.
 */
async function openExam(examId, group, { scroll = false } = {}) {
  const box = $('registry-detail-error');
  clearError(box);
  let exam;
  try {
    exam = await registryExam(examId, group);
  } catch (err) {
    showError(box, err);
    return;
  }
  const detail = $('registry-detail');
  detail.hidden = false;
  detail.dataset.exam = examId;
  $('registry-detail-heading').textContent = exam.title;
  $('registry-detail-facts').textContent = [exam.discipline, exam.programme, kindName(exam.kind), exam.teacher]
    .filter(Boolean)
    .join(' · ');
  const select = $('registry-group');
  fill(
    select,
    h('option', { value: '', text: t('registry.group.all') }),
    ...exam.groups.map((g) => h('option', { value: g, text: g, selected: g === group ? 'selected' : null })),
  );
  select.onchange = () => openExam(examId, select.value || null);
  fill(
    $('registry-detail-files'),
    ...fileButtons((format) => examExport(examId, format, group), exam.title, {
      file: `registry-${examId}`,
    }),
    h('button', {
      class: 'button button-primary',
      type: 'button',
      text: group ? t('registry.file.sheetOf', { group }) : t('registry.file.sheet'),
      on: {
        click: (event) =>
          download(event.currentTarget, () => gradeSheet(examId, group), `grade-sheet-${examId}.pdf`, box),
      },
    }),
  );
  $('registry-rows').querySelector('th:last-child').hidden = !exam.retakes;
  fill($('registry-rows-body'), ...exam.rows.map((r) => row(r, exam.retakes)));
  labelColumns($('registry-rows'));
  const heading = $('registry-detail-heading');
  if (scroll) heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: scroll });
}

function row(r, retakes) {
  const final = r.final;
  return h(
    'tr',
    { 'data-student': r.studentId },
    h('th', { scope: 'row', text: r.name }),
    h('td', { text: r.group || '—' }),
    h('td', { text: r.midterms.length ? r.midterms.map(value).join(' · ') : '—' }),
    h('td', { text: value(r.admissionRating) }),
    h('td', {
      text: r.letter
        ? `${r.percent === undefined || r.percent === null ? '—' : formatPercent(r.percent, 2)} · ${r.letter}`
        : t(`registry.status.${r.status}`),
    }),
    h('td', { text: value(final?.rating) }),
    h('td', {
      text: final ? `${final.letter} · ${value(final.gpa)} · ${t(`registry.traditional.${final.traditional}`)}` : '—',
    }),
    retakes ? h('td', { text: r.counts ? t('registry.counts.this') : (r.countingExam ?? '—') }) : null,
  );
}

start();
