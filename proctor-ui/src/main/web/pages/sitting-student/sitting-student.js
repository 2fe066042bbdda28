/**
 * sitting-student.html?sitting=<id>: the student's side of an oral final attestation (6.15.6): where they stand
 * (the waiting room, the checks, the draw), the drawn ticket's questions, the preparation and answer timers on the
 * server's clock, the result once the chair has published it, and after the sitting an appeal within 48 hours
 * (6.15.4) with its state and the appeal commission's decision (6.15.5). The live socket says when anything
 * changes; the page then reads the sitting again.
 *
 * For tests: <main data-state data-status data-phase data-following>, #result-box[data-letter], #appeal-form, #appeal-late,
 * li[data-appeal][data-appeal-state], #appeal-error[data-error].
 */

import { ApiError, errorText } from '../../lib/api/client.js';
import { h, param, setState, showMessage } from '../../lib/dom.js';
import { formatDateTime, formatNumber, t, formatDay } from '../../lib/i18n.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import * as api from '../../lib/api/sittings.js';
import {
  appealState,
  appealWindow,
  coalescing,
  phaseRemaining,
  progressOf,
  timerText,
} from '../../lib/sitting/flow.js';
import { user } from '../../lib/session.js';
import { PageClock, followSitting } from '../../lib/sitting/live.js';
import { appealPath, pdfButton } from '../../lib/sitting/papers.js';
import { StudentRoom } from './room.js';
import { preparePostponement, renderPostponement } from './postponement.js';

const $ = (id) => document.getElementById(id);
const main = $('sitting-student');
const sittingId = param('sitting');
const LOW_TIME = 2 * 60 * 1000;

let sitting = null;
const clock = new PageClock();
const room = new StudentRoom({ sittingId, me: () => me(), reload: () => reload() });
const reloader = coalescing(async () => {
  try {
    await load();
    showMessage($('student-error'), '');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) sessionExpired();
    else showMessage($('student-error'), errorText(err));
  }
});

function failed(err) {
  if (err instanceof ApiError && err.status === 401) {
    sessionExpired();
    return;
  }
  $('student-loading').hidden = true;
  showMessage($('student-error'), errorText(err));
  setState(main, 'error');
}

async function start() {
  if (!startSignedInPage()) return;
  if (!sittingId) {
    failed(new Error(t('sitting.noId')));
    return;
  }
  $('appeal-form').addEventListener('submit', appeal);
  room.prepare();
  preparePostponement(sittingId, reload);
  try {
    await load();
  } catch (err) {
    failed(err);
    return;
  }
  $('student-loading').hidden = true;
  $('student-body').hidden = false;
  setState(main, 'ready');
  setInterval(tick, 250);
  followSitting({ sittingId, main, room, clock, reload });
}

async function load() {
  sitting = await api.getSitting(sittingId);
  clock.fromView(sitting);
  render();
}

function reload() {
  return reloader.run();
}

function me() {
  return user()?.id ?? sitting?.students?.[0];
}

function render() {
  const p = progressOf(sitting, me());
  const phase = p.phase?.phase ?? 'WAITING';
  main.dataset.status = p.status;
  main.dataset.phase = phase;
  $('student-heading').textContent = sitting.title ?? t('sittingStudent.heading');
  document.title = t('sitting.titleOf', { title: sitting.title ?? '' });
  $('student-facts').textContent = `${t(`sitting.kind.${sitting.kind}`)}, ${formatDay(sitting.date)}`;
  const video = $('video-link');
  video.hidden = !sitting.videoLink;
  if (sitting.videoLink) video.href = sitting.videoLink;
  // 6.15.1: a defence draws no ticket; 6.14: a removal says why
  const state = p.status === 'checked' && sitting.kind === 'thesis-defence' ? 'checked-defence' : p.status;
  $('student-state').textContent = t(`sittingStudent.state.${state}`, { reason: p.removal?.reason ?? '' });

  const running = phase === 'PREPARATION' || phase === 'ANSWER';
  $('phase-bar').hidden = !running;
  $('phase-name').textContent = t(`sitting.phase.${phase}`);

  const questions = p.questions ?? [];
  $('ticket-box').hidden = questions.length === 0 || Boolean(p.result);
  $('ticket-heading').textContent = t('sittingStudent.questions', { n: p.ticket });
  $('ticket-questions').replaceChildren(...questions.map((q) => h('li', { text: q })));

  const result = p.result;
  $('result-box').hidden = !result;
  if (result) {
    $('result-box').dataset.letter = result.letter;
    const fact = (term, value) => h('div', { class: 'fact' }, h('dt', { text: term }), h('dd', { text: value }));
    $('result-facts').replaceChildren(
      fact(t('sittingStudent.letter'), result.letter),
      fact(t('sittingStudent.points'), formatNumber(result.points, 1)),
      fact(t('sittingStudent.traditional'), t(`staff.traditional.${result.traditional}`)),
      p.publishedAt ? fact(t('sittingStudent.publishedAt'), formatDateTime(p.publishedAt)) : null,
    );
  }
  renderAppeals();
  room.render(sitting, p);
  renderPostponement(sitting, p);
  tick();
}

function renderAppeals() {
  const appeals = sitting.appeals ?? [];
  const window = appealWindow(sitting.endedAt, clock.now());
  $('appeal-box').hidden = window.state === 'open' && appeals.length === 0;
  $('appeal-form').hidden = !(window.state === 'in-time' && appeals.length === 0);
  if (window.closesAt)
    $('appeal-hint').textContent = t('sittingStudent.appealHint', { time: formatDateTime(window.closesAt) });
  const refused = $('appeal-error').dataset.error === 'appeal-late';
  $('appeal-late').hidden = !(window.state === 'late' && appeals.length === 0) || refused;
  if (window.closesAt)
    $('appeal-late').textContent = t('sittingStudent.appealLate', { time: formatDateTime(window.closesAt) });
  $('my-appeals').replaceChildren(
    ...appeals.map((a) => {
      const state = appealState(a);
      const decided =
        a.decision === 'changed'
          ? t('sitting.appeal.decided.changed', { before: a.gradeBefore ?? '—', after: a.gradeAfter ?? '—' })
          : t('sitting.appeal.decided.kept', { letter: a.gradeAfter ?? '—' });
      return h(
        'li',
        { class: 'act', 'data-appeal': a.id, 'data-appeal-state': state },
        h('p', { class: 'act-title', text: t('sittingStudent.appealFiled', { time: formatDateTime(a.filedAt) }) }),
        h('p', { class: 'act-description', text: a.reason }),
        h('p', {
          class: state === 'closed' ? 'notice notice-ok' : 'notice',
          text: t(`sitting.appeal.state.${state}`, { decision: decided }),
        }),
        a.comment ? h('p', { class: 'muted', text: a.comment }) : null,
        state === 'closed'
          ? h(
              'p',
              { class: 'actions' },
              pdfButton(t('sitting.pdf.appeal'), appealPath(sittingId, a.id), `${sittingId}-${a.id}.pdf`, (err) =>
                showMessage($('student-error'), errorText(err)),
              ),
            )
          : null,
      );
    }),
  );
}

async function appeal(event) {
  event.preventDefault();
  const box = $('appeal-error');
  const reason = $('appeal-reason');
  box.hidden = true;
  delete box.dataset.error;
  if (!reason.value.trim()) {
    reason.setAttribute('aria-invalid', 'true');
    showMessage(box, t('sittingStudent.appealNeedReason'));
    box.dataset.error = 'form';
    reason.focus();
    return;
  }
  reason.removeAttribute('aria-invalid');
  const button = $('appeal-submit');
  button.disabled = true;
  try {
    await api.fileAppeal(sittingId, reason.value.trim());
    await reload();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    const late = err instanceof ApiError && err.code === 'appeal-late';
    if (late) await reload(); // the sitting's end as stored now: the form gives way to this message
    showMessage(
      box,
      late
        ? t('sittingStudent.appealLate', { time: formatDateTime(appealWindow(sitting.endedAt, 0).closesAt) })
        : errorText(err),
    );
    box.dataset.error = err instanceof ApiError ? err.code : 'client';
    if (late) $('appeal-late').hidden = true; // said once, in the error box
  } finally {
    button.disabled = false;
  }
}

function tick() {
  if (!sitting) return;
  const p = progressOf(sitting, me());
  const left = phaseRemaining(p, clock.now());
  $('phase-timer').textContent = timerText(left);
  $('timer-box').classList.toggle('timer-low', left !== null && left < LOW_TIME);
  if (left === 0 && !reloader.busy()) reload();
}

start();
