/**
 * sitting.html?sitting=<id>: the commission's console for one sitting of the oral final attestation (6.15.6), one
 * page for every role (GET /sittings/{id} answers with `role`): the students in order with their status; for the
 * chosen student the technical secretary's steps (admit, identity, room checklist, preparation and answer on the
 * server's clock, the act of technical failure, 6.15.2), the chair's draw and confirmation, each member's own score
 * (the others' appear once all have scored: the API filters), the acts with the members' votes and the decision,
 * the appeals for the appeal commission's chair and deputy (6.15.4-6.15.5), and the draw's commitment, its draws
 * and, once closed, the seed. The live socket says when the sitting changes; the page reads it again.
 *
 * Issue 15 (5): the current student's next action sits beside the video (one grid, two columns at 1366×768, one
 * on a narrow screen); the phase label says what has happened (lib/sitting/console.js phaseLabel); a student whose
 * part ends while shown (the result confirmed, an act drawn up…) stays in view until "Next student"; the rare
 * actions sit folded below and ask first (rare.js).
 *
 * For tests: <main data-state data-role data-following>, li[data-student][data-status][data-step], #current[data-student]
 * [data-step][data-phase][data-label][data-held], #next-student[data-student], li[data-act][data-decision],
 * li[data-appeal][data-appeal-state], #seed[data-revealed].
 */

import { h, param, setState } from '../../lib/dom.js';
import { formatDateTime, formatNumber, formatTime, t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import {
  ROOM_CHECKLIST,
  coalescing,
  mayTake,
  membersOf,
  nextStep,
  phaseRemaining,
  progressOf,
  scoreProblem,
  timerText,
} from '../../lib/sitting/flow.js';
import { follow, nextStudent, phaseLabel, phaseLabelKey, pick, settled } from '../../lib/sitting/console.js';
import { renderActs } from './acts.js';
import { renderAppeals } from './appeals.js';
import { lmsOf, renderGradebook } from './lms.js';
import { prepareClose, renderDraws } from './draws.js';
import { PageClock, followSitting } from '../../lib/sitting/live.js';
import { protocolPath, wirePdf } from '../../lib/sitting/papers.js';
import { ChecksView } from './checks.js';
import { RoomView, renderRoom } from '../../lib/sitting/room-view.js';
import {
  $,
  busy,
  clearError,
  fill,
  myId,
  pageFailed,
  showError,
  showProblems,
  startStaffPage,
} from '../../lib/staff.js';
import { renderPostponements } from './postponements.js';
import { renderInterventions, wireInterventions } from './interventions.js';
import { askFirst, renderRare } from './rare.js';

const main = $('sitting');
const sittingId = param('sitting');
const LOW_TIME = 2 * 60 * 1000;

let sitting = null;
let draws = null;
let lms = null; // issue 16 (3): the grades on their way to the LMS, when a link of it opens the sitting
const clock = new PageClock();
let chosen = param('student');
// whom the console shows: picked by hand, held after their part ended, else the student under way (console.js follow)
let shown = chosen ? pick(chosen) : { chosen: null };
let ticketFold = ''; // the student and whether their answer is over, when the ticket was last opened or folded
const room = new RoomView({
  roomId: sittingId,
  nameOf: (info) => t('room.member', { name: info.name ?? nameOf(info.userId), role: t(`sitting.role.${info.role}`) }),
});
const checks = new ChecksView({ sittingId, room, act });
room.onRender = () => {
  if (sitting && chosen && showsPhotos(sitting.role)) {
    checks.render(
      chosen,
      progressOf(sitting, chosen),
      nextStep(progressOf(sitting, chosen)),
      sitting.role !== 'secretary',
    );
  }
};

/** Who sees the check photos on the console: the secretary takes them; the chair and members see them (issue 15, 2). */
function showsPhotos(role) {
  return ['secretary', 'chair', 'member'].includes(role) && !sitting?.endedAt;
}
const reloader = coalescing(async () => {
  try {
    await load();
    clearError($('sitting-error'));
  } catch (err) {
    showError($('sitting-error'), err);
  }
});

async function start() {
  if (!startStaffPage()) return;
  if (!sittingId) {
    pageFailed(main, $('sitting-loading'), $('sitting-error'), new Error(t('sitting.noId')));
    return;
  }
  prepare();
  try {
    await load();
  } catch (err) {
    pageFailed(main, $('sitting-loading'), $('sitting-error'), err);
    return;
  }
  $('sitting-loading').hidden = true;
  $('sitting-body').hidden = false;
  setState(main, 'ready');
  setInterval(tick, 250);
  followSitting({
    sittingId,
    main,
    room,
    clock,
    reload,
    onState: (state) => {
      const live = state === 'open' ? 'live' : state;
      $('live-state').dataset.live = live;
      $('live-text').textContent = t(`sitting.live.${state}`);
    },
  });
}

async function load() {
  const [fresh, freshDraws, freshLms] = await Promise.all([
    api.getSitting(sittingId),
    api.sittingDraws(sittingId),
    lmsOf(sittingId),
  ]);
  sitting = fresh;
  draws = freshDraws;
  lms = freshLms;
  clock.fromView(sitting);
  render();
}

/** Reads the sitting again; changes arriving meanwhile lead to one more read, not one per change. */
function reload() {
  return reloader.run();
}

/** A person's name as the sitting's view gives it (people), else their user id. */
function nameOf(id) {
  return sitting?.people?.[id] ?? id ?? '';
}

// The static controls: wired once, shown or hidden by render()

function prepare() {
  fill(
    $('room-items'),
    ...ROOM_CHECKLIST.map((item) =>
      h(
        'div',
        { class: 'field check' },
        h('input', { type: 'checkbox', id: `room-${item}`, 'data-item': item }),
        h('label', { for: `room-${item}`, text: t(`sitting.room.${item}`) }),
      ),
    ),
  );
  step('admit', () => api.admit(sittingId, chosen));
  checks.prepare();
  wirePdf(
    $('protocol-pdf'),
    () => protocolPath(sittingId),
    () => `${sittingId}-protocol.pdf`,
    (err) => showError($('sitting-error'), err),
  );
  $('room-join').addEventListener('click', async () => {
    await room.join();
    renderRoom(sitting, room, nameOf);
  });
  $('room-leave').addEventListener('click', () => {
    room.leave();
    renderRoom(sitting, room, nameOf);
  });
  step('identity-confirm', () => api.confirmIdentity(sittingId, chosen));
  step('start-preparation', () => api.phase(sittingId, chosen, 'start-preparation'));
  step('end-preparation', () => api.phase(sittingId, chosen, 'end-preparation'));
  step(
    'end-answer',
    () => api.phase(sittingId, chosen, 'end-answer', $('end-reason').value.trim()),
    () => {
      $('end-reason').value = '';
    },
  );
  step(
    'draw',
    () => api.draw(sittingId, chosen, $('draw-word').value.trim()),
    () => {
      $('draw-word').value = '';
    },
  );
  step('confirm', () => api.confirm(sittingId, chosen));
  $('room-submit').addEventListener('click', () => {
    const checklist = Object.fromEntries(ROOM_CHECKLIST.map((item) => [item, $(`room-${item}`).checked]));
    if (!Object.values(checklist).every(Boolean)) {
      showProblems($('step-error'), t('sitting.room.incomplete'), []);
      $(`room-${ROOM_CHECKLIST.find((item) => !checklist[item])}`).focus();
      return;
    }
    act(
      $('room-submit'),
      () => api.checkRoom(sittingId, chosen, checklist),
      () =>
        ROOM_CHECKLIST.forEach((item) => {
          $(`room-${item}`).checked = false;
        }),
    );
  });
  // issue 15 (5): a rare action asks first
  $('act-submit').addEventListener('click', async () => {
    const description = $('act-description').value.trim();
    if (!description) {
      showProblems($('step-error'), t('sitting.act.needDescription'), []);
      $('act-description').focus();
      return;
    }
    if (!(await askFirst('act', { student: nameOf(chosen) }))) return;
    await act(
      $('act-submit'),
      () => api.drawUpAct(sittingId, chosen, description),
      () => {
        $('act-description').value = '';
      },
    );
  });
  $('next-student').addEventListener('click', () => {
    shown = { chosen: null };
    clearError($('step-error'));
    render();
    $('current-heading').focus();
  });
  $('score-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('score-input');
    const problem = scoreProblem(input.value);
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      showProblems($('step-error'), t(`sitting.scoreProblem.${problem}`), []);
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    await act($('score-submit'), () => api.score(sittingId, chosen, Number(input.value.trim())));
  });
  prepareClose(sittingId, reload, askFirst);
  wireInterventions({ sittingId, chosen: () => chosen, nameOf, reload, askFirst });
}

function step(id, call, after = () => {}) {
  $(id).addEventListener('click', () => act($(id), call, after));
}

/** Runs one step for the chosen student: errors under the step, a spoken "saved", then the sitting again. */
async function act(button, call, after = () => {}) {
  clearError($('step-error'));
  // busy() disables the button, which drops the focus; a form sent with Enter in its field counts too
  const focused = document.activeElement === button || Boolean(button.form?.contains(document.activeElement));
  try {
    await busy(button, t('staff.busy.saving'), call);
    after();
    $('step-done').textContent = t('sitting.saved');
    await reload();
  } catch (err) {
    showError($('step-error'), err);
  }
  if (focused) refocus(button);
}

/** Whether a keyboard user can land on el now: in the page, shown, not disabled. */
function reachable(el) {
  return Boolean(el?.isConnected) && !el.disabled && el.getClientRects().length > 0 && !el.closest('[hidden]');
}

/**
 * Issue 15 (8): a step taken with the keyboard leaves the focus where the work goes on: on the same button if it is
 * still there (a refusal), else on the next action of the current student (the next step's button or field, "Next
 * student"), else on the student's heading. Never on the page's start, which would send a keyboard user back
 * through the header and the video room.
 */
function refocus(button) {
  if (reachable(button)) {
    button.focus();
    return;
  }
  const next = [
    ...$('current').querySelectorAll(
      '#next-student, .step-actions .button-primary, #room-form input[type=checkbox], #end-reason, #draw-word, ' +
        '#score-input, #confirm',
    ),
  ].find(reachable);
  (next ?? $('current-heading')).focus();
}

// Rendering: everything from the sitting as last read

function render() {
  // issue 15 (8): a re-render (the live socket, another member's step) must not take the focus away
  const before = document.activeElement;
  const pickedBefore = before?.closest?.('#students li')?.dataset.student;
  renderAll();
  if (pickedBefore && !before.isConnected) {
    document.querySelector(`#students li[data-student="${CSS.escape(pickedBefore)}"] button`)?.focus();
  } else if (before && before !== document.body && $('current').contains(before) && !reachable(before)) {
    refocus(before);
  }
}

function renderAll() {
  const role = sitting.role ?? 'none';
  main.dataset.role = role;
  const title = sitting.title ?? '';
  $('sitting-heading').textContent = title;
  document.title = t('sitting.titleOf', { title });
  $('sitting-facts').textContent = t('sitting.facts', {
    kind: t(`sitting.kind.${sitting.kind}`),
    date: sitting.date,
    role: t(`sitting.role.${role}`),
  });
  const video = $('video-link');
  video.hidden = !sitting.videoLink;
  if (sitting.videoLink) video.href = sitting.videoLink;
  $('presentation-link').href = `sitting-presentation.html?sitting=${encodeURIComponent(sittingId)}`;
  $('protocol-pdf').hidden = !['secretary', 'chair', 'member', 'none'].includes(role); // the commission's paper
  $('registry-link').href = `registry.html?sitting=${encodeURIComponent(sittingId)}`; // issue 13 (5)
  $('registry-link').hidden = !['secretary', 'chair', 'member', 'none'].includes(role);
  const closed = $('sitting-closed');
  closed.hidden = !sitting.endedAt;
  if (sitting.endedAt) closed.textContent = t('sitting.closed', { time: formatDateTime(sitting.endedAt) });

  const students = sitting.students ?? [];
  shown = follow(shown, sitting);
  chosen = shown.chosen;
  const count = membersOf(sitting).length;
  fill(
    $('students'),
    ...students.map((id, i) => {
      const p = progressOf(sitting, id);
      return h(
        'li',
        { 'data-student': id, 'data-status': p.status, 'data-step': nextStep(p) },
        h(
          'button',
          {
            type: 'button',
            class: 'student-pick',
            'aria-current': id === chosen ? 'true' : null,
            on: { click: () => choose(id) },
          },
          h('span', { class: 'student-name', text: t('sitting.studentItem', { n: i + 1, student: nameOf(id) }) }),
          h('span', { class: `sitting-status status-${p.status}`, text: t(`sitting.status.${p.status}`) }),
        ),
      );
    }),
  );
  renderRoom(sitting, room, nameOf);
  renderCurrent(role, count);
  const context = { sittingId, nameOf, reload };
  renderActs(sitting, role, count, context);
  renderAppeals(sitting, role, context);
  renderGradebook(sitting, lms, { ...context, mayResend: ['chair', 'secretary', 'none'].includes(role) });
  renderDraws(sitting, draws, role, nameOf);
  renderPostponements(sitting, { sittingId, reload, askFirst });
  renderInterventions(sitting, role, chosen, nameOf);
  renderRare(sitting, role);
  tick();
}

function choose(id) {
  shown = pick(id);
  clearError($('step-error'));
  render();
  $('current-heading').focus();
}

function renderCurrent(role, count) {
  const current = $('current');
  if (!chosen) {
    current.hidden = true;
    return;
  }
  current.hidden = false;
  const p = progressOf(sitting, chosen);
  const next = nextStep(p);
  const phaseName = p.phase?.phase ?? 'WAITING';
  const isOpen = !sitting.endedAt;
  const label = phaseLabel(p, sitting); // issue 15 (5): what has happened, not the clock's "not started"
  Object.assign(current.dataset, {
    student: chosen,
    step: next,
    phase: phaseName,
    status: p.status,
    label: label.code,
    held: String(shown.held),
  });
  $('current-heading').textContent = t('sitting.current', { student: nameOf(chosen) });
  $('current-status').textContent = t(`sitting.status.${p.status}`);
  $('current-status').className = `sitting-status status-${p.status}`;
  $('phase-name').textContent = t(phaseLabelKey(label), label.params);
  $('phase-name').dataset.label = label.code;
  renderNext(p);
  const defence = sitting.kind === 'thesis-defence' && next === 'start-preparation'; // 6.15.1: no ticket
  $('step-hint').textContent = t(defence ? 'sitting.next.start-preparation-defence' : `sitting.next.${next}`);

  const secretary = role === 'secretary' && isOpen;
  $('secretary-steps').hidden = !secretary;
  // each button as the engine says: the step due (progress.next) that the reader may take now (progress.steps)
  const offer = (step) => next === step && mayTake(p, step);
  $('admit').hidden = !offer('admit');
  $('identity-confirm').hidden = !offer('identity');
  $('room-form').hidden = !offer('room');
  $('start-preparation').hidden = !offer('start-preparation');
  $('end-preparation').hidden = !offer('end-preparation');
  $('end-answer-box').hidden = !offer('end-answer');
  $('chair-draw').hidden = !(role === 'chair' && isOpen && offer('draw'));
  if (showsPhotos(role)) checks.render(chosen, p, next, !secretary);
  else $('identity-photos').hidden = true;

  const questions = p.questions ?? [];
  $('ticket-box').hidden = questions.length === 0;
  $('ticket-heading').textContent = t('sitting.ticket', { n: p.ticket });
  // the ticket stays open while it is answered, folded once the answer is over (the scores and the result in view)
  const over = ['scoring', 'scored-all', 'confirmed', 'appealed'].includes(label.code);
  const fold = `${chosen}|${over}`;
  if (ticketFold !== fold) {
    ticketFold = fold;
    $('ticket-box').open = !over;
  }
  fill($('ticket-questions'), ...questions.map((q) => h('li', { text: q })));

  const member = role === 'chair' || role === 'member';
  const scoring = next === 'score' || next === 'confirm' || next === 'done';
  $('scoring').hidden = !scoring;
  const scored = p.scored ?? [];
  $('scored-count').textContent = t('sitting.scoredCount', { n: scored.length, total: count });
  const mine = p.scores?.[myId()];
  const hasScored = scored.includes(myId());
  $('score-form').hidden = !(member && isOpen && !hasScored && mayTake(p, 'score'));
  $('my-score').hidden = !(member && hasScored && mine !== undefined);
  if (mine !== undefined) $('my-score').textContent = t('sitting.myScore', { points: mine });
  const visible = Object.entries(p.scores ?? {});
  const allVisible = visible.length > 0 && visible.length >= count;
  $('scores-table').hidden = !allVisible;
  $('score-hidden').hidden = allVisible || !member;
  fill(
    $('scores-body'),
    ...visible
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([who, points]) =>
        h(
          'tr',
          { 'data-member': who },
          h('th', { scope: 'row', text: nameOf(who) }),
          h('td', { class: 'num', text: formatNumber(points) }),
        ),
      ),
  );
  $('confirm').hidden = !(role === 'chair' && isOpen && offer('confirm'));
  $('result').hidden = !p.result;
  if (p.result) {
    $('result').textContent = t('sitting.result', {
      letter: p.result.letter,
      points: formatNumber(p.result.points, 1),
      traditional: t(`staff.traditional.${p.result.traditional}`),
    });
  }
  $('act-box').hidden = !(secretary && mayTake(p, 'act'));
}

/** Once the shown student's part is over: the note that it stays, and "Next student" (or that no one is left). */
function renderNext(p) {
  const over = settled(p, sitting);
  const next = over ? nextStudent(sitting, chosen) : null;
  $('held').hidden = !over || Boolean(sitting.endedAt);
  $('held-note').hidden = !shown.held || !next;
  const button = $('next-student');
  button.hidden = !next;
  button.dataset.student = next ?? '';
  if (next) button.textContent = t('sitting.nextStudent', { student: nameOf(next) });
  $('no-next').hidden = Boolean(next);
  $('to-acts').hidden = phaseLabel(p, sitting).code !== 'act'; // the members vote in the acts below
}

/** The timer of the chosen student's phase and the server clock; at a deadline the sitting is read again. */
function tick() {
  if (!sitting) return;
  const now = clock.now();
  $('server-clock').textContent = t('sitting.serverClock', { time: formatTime(new Date(now)) });
  const p = chosen ? progressOf(sitting, chosen) : null;
  const left = p ? phaseRemaining(p, now) : null;
  $('phase-timer').textContent = timerText(left);
  $('timer-box').hidden = left === null; // no phase runs: no empty --:-- beside the label
  $('timer-box').classList.toggle('timer-low', left !== null && left < LOW_TIME);
  if (left === 0 && !reloader.busy()) reload(); // the phase ended by itself on the server
}

start();
