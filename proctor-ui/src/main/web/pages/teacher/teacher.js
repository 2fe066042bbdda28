/**
 * teacher.html: the staff home. Teachers and admins see the question banks, a form for a new bank with its
 * passport (5.22), the exams and a form to schedule one (5.20); experts see the banks; proctors and
 * registrars see the exams, with links to the live progress, the proctoring dashboard and the results.
 */

import { h, param, setState } from '../../lib/dom.js';
import { dateTimeValue, localDateInputs, setDateValue } from '../../lib/date-input.js';
import { periodLabel, weekLabel } from '../../lib/calendar.js';
import { formatDateTime, t, timeZoneName, tn } from '../../lib/i18n.js';
import { isProctored } from '../../lib/proctoring/precheck-rules.js';
import { calendarAt, createExam, listExams } from '../../lib/api/exams.js';
import { createBank, listBanks } from '../../lib/api/banks.js';
import {
  $,
  busy,
  clearError,
  hasRole,
  kindName,
  labelColumns,
  localInputToIso,
  pageFailed,
  showError,
  showProblems,
  startStaffPage,
  toLocalInput,
} from '../../lib/staff.js';

const main = $('teacher');

/**
 * The regulation's limits per kind, as form hints only (openapi.yaml createExam; regulation.yaml is the
 * authority and the server answers exam-beyond-limits when a value is outside them).
 */
const LIMITS = {
  'intermediate-attestation': {
    rule: '5.20.3',
    minMinutes: 50,
    maxMinutes: 50,
    minutes: 50,
    maxQuestions: 30,
    questions: 30,
  },
  midterm: { rule: '5.20.2', minMinutes: 5, maxMinutes: 180, minutes: 50, maxQuestions: 60, questions: 30 },
  'current-control': { rule: '5.20.1', minMinutes: 1, maxMinutes: 240, minutes: 30, maxQuestions: 60, questions: 20 },
};

let banks = [];

async function start() {
  if (!startStaffPage()) return;
  localDateInputs(); // issue 15 (2): the window's dates in the page's language, not the browser's
  const seesBanks = hasRole('teacher', 'admin', 'expert', 'head'); // 5.19: the head approves banks
  const seesExams = hasRole('teacher', 'admin', 'proctor', 'registrar');
  if (!seesBanks) {
    main.querySelector('h1').textContent = t('staff.nav.exams');
    document.title = t('staff.home.examsTitle');
  } else if (!seesExams) {
    main.querySelector('h1').textContent = t('staff.banks.heading');
  }
  if (!seesBanks && !seesExams) {
    $('teacher-loading').hidden = true;
    $('teacher-norole').hidden = false;
    setState(main, 'ready');
    return;
  }
  try {
    const [bankList, examList] = await Promise.all([
      seesBanks ? listBanks() : Promise.resolve([]),
      seesExams ? listExams() : Promise.resolve([]),
    ]);
    banks = bankList;
    $('teacher-loading').hidden = true;
    if (seesBanks) renderBanks(bankList);
    if (seesExams) renderExams(examList);
    if (hasRole('teacher', 'admin')) {
      prepareBankForm();
      prepareExamForm(bankList);
    }
    setState(main, 'ready');
    if (param('bank') && hasRole('teacher', 'admin')) $('new-exam-heading').focus();
  } catch (err) {
    pageFailed(main, $('teacher-loading'), $('teacher-error'), err);
  }
}

function renderBanks(list) {
  $('banks-none').hidden = list.length > 0;
  $('bank-table-wrap').hidden = list.length === 0;
  const sorted = [...list].sort((a, b) => (a.passport?.discipline ?? '').localeCompare(b.passport?.discipline ?? ''));
  $('bank-rows').replaceChildren(
    ...sorted.map((bank) => {
      const p = bank.passport ?? {};
      const mix = bank.byDifficulty ?? {};
      return h(
        'tr',
        { 'data-bank': bank.id },
        h(
          'th',
          { scope: 'row' },
          h('a', { href: `bank.html?bank=${encodeURIComponent(bank.id)}`, text: p.discipline || bank.id }),
        ),
        h('td', { text: p.programme ?? '' }),
        h('td', { text: p.language ?? '' }),
        h('td', { class: 'num', 'data-questions': bank.questionCount, text: String(bank.questionCount ?? 0) }),
        h('td', {
          text: t('staff.banks.mixValue', { easy: mix.easy ?? 0, medium: mix.medium ?? 0, hard: mix.hard ?? 0 }),
        }),
        h('td', { text: bank.ownerName ?? bank.owner ?? '' }), // issue 15 (2)
      );
    }),
  );
  labelColumns($('bank-table'));
}

function windowState(exam, now) {
  if (now < Date.parse(exam.opensAt)) return 'upcoming';
  if (now < Date.parse(exam.closesAt)) return 'open';
  return 'closed';
}

function renderExams(list) {
  $('exams-zone').textContent = t('staff.timeZone', { zone: timeZoneName() });
  $('exams-none').hidden = list.length > 0;
  $('exam-table-wrap').hidden = list.length === 0;
  const now = Date.now();
  const progress = hasRole('proctor', 'teacher', 'admin');
  const results = hasRole('teacher', 'admin', 'registrar');
  $('exam-rows').replaceChildren(
    ...list.map((exam) => {
      const state = windowState(exam, now);
      const examUrl = `exam.html?exam=${encodeURIComponent(exam.id)}`;
      return h(
        'tr',
        { 'data-exam': exam.id, 'data-window': state },
        h('th', { scope: 'row' }, h('a', { href: examUrl, text: exam.title })),
        h('td', { text: kindName(exam.kind) }),
        h(
          'td',
          { class: 'nowrap-md' },
          t('staff.range', { from: formatDateTime(exam.opensAt), to: formatDateTime(exam.closesAt) }),
          h('br'),
          h('span', { class: 'muted', 'data-field': 'calendar', text: calendarLabel(exam) }),
        ),
        h('td', { class: 'num', text: tn('duration.minutes', exam.durationMinutes) }),
        h('td', { class: 'num', text: String(exam.questionCount) }),
        h('td', {}, h('span', { class: `window window-${state}`, text: t(`staff.window.${state}`) })),
        h(
          'td',
          { class: 'links' },
          h('a', {
            href: examUrl,
            text: t(results ? 'staff.exams.details' : 'staff.exams.detailsOnly'),
            'aria-label': t(results ? 'staff.exams.detailsOf' : 'staff.exams.detailsOnlyOf', { title: exam.title }),
          }),
          progress
            ? h('a', {
                href: `progress.html?exam=${encodeURIComponent(exam.id)}`,
                text: t('staff.exams.progress'),
                'aria-label': t('staff.exams.progressOf', { title: exam.title }),
              })
            : null,
          progress && isProctored(exam.proctoring)
            ? h('a', {
                href: `proctor.html?exam=${encodeURIComponent(exam.id)}`,
                text: t('staff.exams.proctor'),
                'aria-label': t('staff.exams.proctorOf', { title: exam.title }),
              })
            : null,
        ),
      );
    }),
  );
  labelColumns($('exam-table'));
  fillRetakeChoices(list);
}

/** 5.16: the period and week of the academic calendar a window opens in, and whether it is a retake (5.36). */
function calendarLabel(exam) {
  const where = weekLabel(exam.calendar ?? {}); // issue 15 (5): "week 14, 2026-2027, autumn semester", not the key
  return exam.retakeOf ? `${where} · ${t('staff.calendar.retake')}` : where;
}

/** 5.16, 5.20: the period and week of the academic calendar the chosen window opens in, as the server counts them. */
async function showCalendarWeek() {
  const hint = $('exam-calendar-hint');
  const at = localInputToIso(dateTimeValue($('exam-opens')));
  if (!hint || !at) return;
  try {
    const c = await calendarAt(at);
    if (localInputToIso(dateTimeValue($('exam-opens'))) !== at) return;
    hint.textContent = c.period
      ? t(c.teaching ? 'staff.calendar.opensIn' : 'staff.calendar.opensInSession', {
          week: c.week,
          period: periodLabel(c),
        })
      : t('staff.calendar.vacation');
  } catch {
    hint.textContent = '';
  }
}

/** The exams a new one may retake: intermediate attestations (5.36-5.38). */
function fillRetakeChoices(list) {
  const select = $('exam-retake');
  if (!select) return;
  select.replaceChildren(
    h('option', { value: '', text: t('staff.newExam.noRetake') }),
    ...list
      .filter((exam) => exam.kind === 'intermediate-attestation')
      .map((exam) =>
        h('option', {
          value: exam.id,
          text: t('staff.newExam.retakeOption', { title: exam.title, date: formatDateTime(exam.closesAt) }),
        }),
      ),
  );
}

// New bank (5.22)

function lines(text) {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function prepareBankForm() {
  $('bank-languages').replaceChildren(
    ...['staff.language.kk', 'staff.language.ru', 'staff.language.en'].map((key) => h('option', { value: t(key) })),
  );
  const form = $('new-bank-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $('new-bank-error');
    clearError(error);
    const fields = {
      discipline: $('bank-discipline'),
      programme: $('bank-programme'),
      language: $('bank-language'),
      compilers: $('bank-compilers'),
    };
    const missing = Object.entries(fields).filter(([, input]) => !input.value.trim());
    for (const input of Object.values(fields)) input.removeAttribute('aria-invalid');
    if (missing.length > 0) {
      for (const [, input] of missing) input.setAttribute('aria-invalid', 'true');
      showProblems(
        error,
        t('staff.newBank.missing'),
        missing.map(([field]) => ({ field, message: t('staff.form.required') })),
      );
      missing[0][1].focus();
      return;
    }
    const passport = {
      discipline: fields.discipline.value.trim(),
      programme: fields.programme.value.trim(),
      language: fields.language.value.trim(),
      compilers: lines(fields.compilers.value),
      references: lines($('bank-references').value),
    };
    try {
      const { id } = await busy($('new-bank-submit'), t('staff.busy.saving'), () => createBank(passport));
      window.location.assign(`bank.html?bank=${encodeURIComponent(id)}&created=1`);
    } catch (err) {
      if (!showError(error, err)) error.scrollIntoView({ block: 'nearest' });
    }
  });
}

// New exam (5.20)

function prepareExamForm(bankList) {
  const select = $('exam-bank');
  const wanted = param('bank');
  select.replaceChildren(
    h('option', { value: '', text: t('staff.newExam.chooseBank') }),
    ...bankList.map((bank) =>
      h('option', {
        value: bank.id,
        selected: bank.id === wanted,
        text: t('staff.newExam.bankOption', {
          discipline: bank.passport?.discipline ?? bank.id,
          n: bank.questionCount ?? 0,
        }),
      }),
    ),
  );
  const opens = new Date();
  opens.setSeconds(0, 0);
  const closes = new Date(opens.getTime() + 2 * 3600 * 1000);
  setDateValue($('exam-opens'), toLocalInput(opens));
  setDateValue($('exam-closes'), toLocalInput(closes));
  $('exam-zone-hint').textContent = t('staff.newExam.zoneHint', { zone: timeZoneName() });
  const kind = $('exam-kind');
  kind.addEventListener('change', () => applyKind(kind.value, true));
  applyKind(kind.value, true);
  $('new-exam-form').addEventListener('submit', onCreateExam);
  $('exam-opens').addEventListener('change', showCalendarWeek);
  showCalendarWeek();
}

/** Shows the kind's limits and, when asked, puts its defaults into the form. */
function applyKind(kind, setDefaults) {
  const limit = LIMITS[kind];
  const duration = $('exam-duration');
  const questions = $('exam-questions');
  duration.min = String(limit.minMinutes);
  duration.max = String(limit.maxMinutes);
  questions.max = String(limit.maxQuestions);
  if (setDefaults) {
    duration.value = String(limit.minutes);
    questions.value = String(limit.questions);
  }
  $('exam-kind-hint').textContent = t(`staff.newExam.limits.${kind}`, {
    rule: limit.rule,
    min: limit.minMinutes,
    max: limit.maxMinutes,
    questions: limit.maxQuestions,
  });
}

/** The form's own check against the limits; the server checks again and has the last word. */
function formProblems(body, limit) {
  const problems = [];
  const invalid = [];
  if (!body.bankId) {
    problems.push({ field: 'bankId', message: t('staff.newExam.needBank') });
    invalid.push('exam-bank');
  }
  if (!body.title) {
    problems.push({ field: 'title', message: t('staff.newExam.needTitle') });
    invalid.push('exam-title');
  }
  if (!body.opensAt || !body.closesAt) {
    problems.push({ field: 'opensAt', message: t('staff.newExam.needWindow') });
    invalid.push(body.opensAt ? 'exam-closes' : 'exam-opens');
  } else if (Date.parse(body.closesAt) <= Date.parse(body.opensAt)) {
    problems.push({ field: 'closesAt', message: t('staff.newExam.closesBeforeOpens') });
    invalid.push('exam-closes');
  }
  const minutes = body.durationMinutes;
  if (!Number.isInteger(minutes) || minutes < limit.minMinutes || minutes > limit.maxMinutes) {
    problems.push({
      rule: limit.rule,
      message:
        limit.minMinutes === limit.maxMinutes
          ? t('staff.newExam.durationExactly', { n: limit.minMinutes })
          : t('staff.newExam.durationBetween', { min: limit.minMinutes, max: limit.maxMinutes }),
    });
    invalid.push('exam-duration');
  }
  const count = body.questionCount;
  if (!Number.isInteger(count) || count < 1 || count > limit.maxQuestions) {
    problems.push({ rule: limit.rule, message: t('staff.newExam.questionsAtMost', { n: limit.maxQuestions }) });
    invalid.push('exam-questions');
  }
  return { problems, invalid };
}

async function onCreateExam(event) {
  event.preventDefault();
  const error = $('new-exam-error');
  clearError(error);
  const kind = $('exam-kind').value;
  const body = {
    bankId: $('exam-bank').value,
    title: $('exam-title').value.trim(),
    kind,
    opensAt: localInputToIso(dateTimeValue($('exam-opens'))),
    closesAt: localInputToIso(dateTimeValue($('exam-closes'))),
    durationMinutes: $('exam-duration').value === '' ? null : Number($('exam-duration').value),
    questionCount: $('exam-questions').value === '' ? null : Number($('exam-questions').value),
    retakeOf: $('exam-retake')?.value || undefined,
    proctoring: {
      camera: $('exam-camera').checked,
      screen: $('exam-screen').checked,
      identity: $('exam-identity').checked,
    },
  };
  for (const id of ['exam-bank', 'exam-title', 'exam-opens', 'exam-closes', 'exam-duration', 'exam-questions']) {
    $(id).removeAttribute('aria-invalid');
  }
  const { problems, invalid } = formProblems(body, LIMITS[kind]);
  if (problems.length > 0) {
    for (const id of invalid) $(id).setAttribute('aria-invalid', 'true');
    showProblems(error, t('staff.newExam.fix'), problems);
    $(invalid[0]).focus();
    return;
  }
  try {
    const { id } = await busy($('new-exam-submit'), t('staff.busy.saving'), () => createExam(body));
    window.location.assign(`exam.html?exam=${encodeURIComponent(id)}&created=1`);
  } catch (err) {
    const leaving = showError(error, err, {
      summary: err.code === 'exam-beyond-limits' ? t('staff.newExam.beyondLimits') : null,
    });
    if (!leaving) error.scrollIntoView({ block: 'nearest' });
  }
}

start();
