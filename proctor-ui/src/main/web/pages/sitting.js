/**
 * sitting.html?sitting=<id>: the commission's console for one sitting of the oral final attestation (6.15.6), one
 * page for every role (GET /sittings/{id} answers with `role`): the students in order with their status; for the
 * chosen student the technical secretary's steps (admit, identity, room checklist, preparation and answer on the
 * server's clock, the act of technical failure, 6.15.2), the chair's draw and confirmation, each member's own score
 * (the others' appear once all have scored: the API filters), the acts with the members' votes and the decision,
 * the appeals for the appeal commission's chair and deputy (6.15.4-6.15.5), and the draw's commitment, its draws
 * and, once closed, the seed. The live socket says when the sitting changes; the page reads it again.
 *
 * For tests: <main data-state data-role data-following>, li[data-student][data-status][data-step], #current[data-student]
 * [data-step][data-phase], li[data-act][data-decision], li[data-appeal][data-appeal-state], #seed[data-revealed].
 */

import { serverClock } from '../lib/clock.js';
import { h, param, setState } from '../lib/dom.js';
import { formatDateTime, formatNumber, formatTime, t } from '../lib/i18n.js';
import { connectLive } from '../lib/live.js';
import * as api from '../lib/sitting/api.js';
import {
  ACT_CHOICES, ROOM_CHECKLIST, coalescing, currentStudent, membersOf, nextStep, phaseRemaining, progressOf, scoreProblem,
  timerText,
} from '../lib/sitting/flow.js';
import { $, busy, clearError, fill, myId, pageFailed, showError, showProblems, startStaffPage } from './staff.js';
import { renderPostponements } from './sitting-postponements.js';

const main = $('sitting');
const sittingId = param('sitting');
const LOW_TIME = 2 * 60 * 1000;

let sitting = null;
let draws = null;
let clock = { offset: 0, now: () => Date.now() };
let chosen = param('student');
let pickedByHand = Boolean(chosen); // otherwise the console follows the student under way
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
  connectLive({
    onOpen: (send) => {
      send({ type: 'sitting', sittingId });
      reload(); // anything missed while disconnected
    },
    onMessage: (message) => {
      if (message.type === 'time' && message.serverTime) {
        const offset = Date.parse(message.serverTime) - Date.now();
        if (Math.abs(offset - clock.offset) > 1000) clock = { offset, now: () => Date.now() + offset };
      } else if (message.type === 'following-sitting') {
        main.dataset.following = 'true'; // changes from now on are heard
      } else if (message.type === 'sitting') {
        reload();
      }
    },
    onState: (state) => {
      const live = state === 'open' ? 'live' : state;
      $('live-state').dataset.live = live;
      $('live-text').textContent = t(`sitting.live.${state}`);
    },
  });
}

async function load() {
  const [fresh, freshDraws] = await Promise.all([api.getSitting(sittingId), api.sittingDraws(sittingId)]);
  sitting = fresh;
  draws = freshDraws;
  if (sitting.serverTime) clock = serverClock(sitting.serverTime, sitting.sentAt, sitting.receivedAt);
  render();
}

/** Reads the sitting again; changes arriving meanwhile lead to one more read, not one per change. */
function reload() {
  return reloader.run();
}

// The static controls: wired once, shown or hidden by render()

function prepare() {
  fill($('room-items'), ...ROOM_CHECKLIST.map((item) => h('div', { class: 'field check' },
    h('input', { type: 'checkbox', id: `room-${item}`, 'data-item': item }),
    h('label', { for: `room-${item}`, text: t(`sitting.room.${item}`) }))));
  step('admit', () => api.admit(sittingId, chosen));
  step('identity-confirm', () => api.confirmIdentity(sittingId, chosen));
  step('start-preparation', () => api.phase(sittingId, chosen, 'start-preparation'));
  step('end-preparation', () => api.phase(sittingId, chosen, 'end-preparation'));
  step('end-answer', () => api.phase(sittingId, chosen, 'end-answer', $('end-reason').value.trim()), () => { $('end-reason').value = ''; });
  step('draw', () => api.draw(sittingId, chosen, $('draw-word').value.trim()), () => { $('draw-word').value = ''; });
  step('confirm', () => api.confirm(sittingId, chosen));
  $('room-submit').addEventListener('click', () => {
    const checklist = Object.fromEntries(ROOM_CHECKLIST.map((item) => [item, $(`room-${item}`).checked]));
    if (!Object.values(checklist).every(Boolean)) {
      showProblems($('step-error'), t('sitting.room.incomplete'), []);
      $(`room-${ROOM_CHECKLIST.find((item) => !checklist[item])}`).focus();
      return;
    }
    act($('room-submit'), () => api.checkRoom(sittingId, chosen, checklist),
      () => ROOM_CHECKLIST.forEach((item) => { $(`room-${item}`).checked = false; }));
  });
  step('act-submit', () => api.drawUpAct(sittingId, chosen, $('act-description').value.trim()), () => { $('act-description').value = ''; });
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
  $('close-sitting').addEventListener('click', async () => {
    clearError($('close-error'));
    try {
      await busy($('close-sitting'), t('staff.busy.saving'), () => api.closeSitting(sittingId));
      await reload();
    } catch (err) {
      showError($('close-error'), err);
    }
  });
}

function step(id, call, after = () => {}) {
  $(id).addEventListener('click', () => act($(id), call, after));
}

/** Runs one step for the chosen student: errors under the step, a spoken "saved", then the sitting again. */
async function act(button, call, after = () => {}) {
  clearError($('step-error'));
  try {
    await busy(button, t('staff.busy.saving'), call);
    after();
    $('step-done').textContent = t('sitting.saved');
    await reload();
  } catch (err) {
    showError($('step-error'), err);
  }
}

// Rendering: everything from the sitting as last read

function render() {
  const role = sitting.role ?? 'none';
  main.dataset.role = role;
  const title = sitting.title ?? '';
  $('sitting-heading').textContent = title;
  document.title = t('sitting.titleOf', { title });
  $('sitting-facts').textContent = t('sitting.facts', {
    kind: t(`sitting.kind.${sitting.kind}`), date: sitting.date, role: t(`sitting.role.${role}`),
  });
  const video = $('video-link');
  video.hidden = !sitting.videoLink;
  if (sitting.videoLink) video.href = sitting.videoLink;
  $('presentation-link').href = `sitting-presentation.html?sitting=${encodeURIComponent(sittingId)}`;
  const closed = $('sitting-closed');
  closed.hidden = !sitting.endedAt;
  if (sitting.endedAt) closed.textContent = t('sitting.closed', { time: formatDateTime(sitting.endedAt) });

  const students = sitting.students ?? [];
  if (!pickedByHand || !students.includes(chosen)) chosen = currentStudent(sitting);
  const count = membersOf(sitting).length;
  fill($('students'), ...students.map((id, i) => {
    const p = progressOf(sitting, id);
    return h('li', { 'data-student': id, 'data-status': p.status, 'data-step': nextStep(p, count) },
      h('button', {
        type: 'button', class: 'student-pick', 'aria-current': id === chosen ? 'true' : null,
        on: { click: () => choose(id) },
      }, h('span', { class: 'student-name', text: t('sitting.studentItem', { n: i + 1, student: id }) }),
      h('span', { class: `sitting-status status-${p.status}`, text: t(`sitting.status.${p.status}`) })));
  }));
  renderCurrent(role, count);
  renderActs(role, count);
  renderAppeals(role);
  renderDraws(role);
  renderPostponements(sitting, { sittingId, reload });
  tick();
}

function choose(id) {
  chosen = id;
  pickedByHand = true;
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
  const next = nextStep(p, count);
  const phaseName = p.phase?.phase ?? 'WAITING';
  const isOpen = !sitting.endedAt;
  Object.assign(current.dataset, { student: chosen, step: next, phase: phaseName, status: p.status });
  $('current-heading').textContent = t('sitting.current', { student: chosen });
  $('current-status').textContent = t(`sitting.status.${p.status}`);
  $('current-status').className = `sitting-status status-${p.status}`;
  $('phase-name').textContent = t(`sitting.phase.${phaseName}`);
  $('step-hint').textContent = t(`sitting.next.${next}`);

  const secretary = role === 'secretary' && isOpen;
  $('secretary-steps').hidden = !secretary;
  $('admit').hidden = next !== 'admit';
  $('identity-confirm').hidden = next !== 'identity';
  $('room-form').hidden = next !== 'room';
  $('start-preparation').hidden = next !== 'start-preparation';
  $('end-preparation').hidden = next !== 'end-preparation';
  $('end-answer-box').hidden = next !== 'end-answer';
  $('chair-draw').hidden = !(role === 'chair' && isOpen && next === 'draw');

  const questions = p.questions ?? [];
  $('ticket-box').hidden = questions.length === 0;
  $('ticket-heading').textContent = t('sitting.ticket', { n: p.ticket });
  fill($('ticket-questions'), ...questions.map((q) => h('li', { text: q })));

  const member = role === 'chair' || role === 'member';
  const scoring = next === 'score' || next === 'confirm' || next === 'done';
  $('scoring').hidden = !scoring;
  const scored = p.scored ?? [];
  $('scored-count').textContent = t('sitting.scoredCount', { n: scored.length, total: count });
  const mine = p.scores?.[myId()];
  const hasScored = scored.includes(myId());
  $('score-form').hidden = !(member && isOpen && !p.result && !hasScored);
  $('my-score').hidden = !(member && hasScored && mine !== undefined);
  if (mine !== undefined) $('my-score').textContent = t('sitting.myScore', { points: mine });
  const visible = Object.entries(p.scores ?? {});
  const allVisible = visible.length > 0 && visible.length >= count;
  $('scores-table').hidden = !allVisible;
  $('score-hidden').hidden = allVisible || !member;
  fill($('scores-body'), ...visible.sort(([a], [b]) => a.localeCompare(b)).map(([who, points]) =>
    h('tr', { 'data-member': who }, h('th', { scope: 'row', text: who }), h('td', { class: 'num', text: formatNumber(points) }))));
  $('confirm').hidden = !(role === 'chair' && isOpen && next === 'confirm');
  $('result').hidden = !p.result;
  if (p.result) {
    $('result').textContent = t('sitting.result', {
      letter: p.result.letter, points: formatNumber(p.result.points, 1), traditional: t(`staff.traditional.${p.result.traditional}`),
    });
  }
  $('act-box').hidden = !(secretary && p.admittedAt && !['done', 'refused', 'act'].includes(next));
}

function renderActs(role, count) {
  const acts = sitting.acts ?? [];
  $('acts-section').hidden = !['secretary', 'chair', 'member', 'none'].includes(role) && acts.length === 0;
  $('acts-none').hidden = acts.length > 0;
  const voter = (role === 'chair' || role === 'member') && !sitting.endedAt;
  fill($('acts'), ...acts.map((a) => {
    const votes = a.votes ?? {};
    const myVote = votes[myId()];
    const decision = a.decision;
    return h('li', { class: 'act', 'data-act': a.id, 'data-student': a.studentId, 'data-decision': decision ? decision.choice : '' },
      h('p', { class: 'act-title', text: t('sitting.act.item', {
        act: a.id, student: a.studentId, time: formatDateTime(a.at), stage: t(`sitting.phase.${a.stage}`),
      }) }),
      h('p', { class: 'act-description', text: a.description }),
      h('p', { class: 'muted small', text: t('sitting.act.sentTo', { members: (a.sentTo ?? []).join(', ') }) }),
      decision
        ? h('p', { class: 'notice notice-ok act-decision' },
          `${t('sitting.act.decision', { choice: t(`sitting.act.choice.${decision.choice}`) })} ${decision.choice === 'REFUSE' ? '' : t(`sitting.act.ticket.${decision.ticket}`)}`)
        : h('p', { text: t('sitting.act.votes', { n: Object.keys(votes).length, total: count }) }),
      myVote ? h('p', { class: 'act-my-vote', text: t('sitting.act.myVote', { choice: t(`sitting.act.choice.${myVote}`) }) }) : null,
      voter && !decision && !myVote
        ? h('p', { class: 'actions' }, ...ACT_CHOICES.map((choice) => h('button', {
          type: 'button', class: 'button', 'data-choice': choice, text: t(`sitting.act.choice.${choice}`),
          on: { click: (event) => castVote(event.currentTarget, a.id, choice) },
        })))
        : null);
  }));
}

async function castVote(button, actId, choice) {
  clearError($('vote-error'));
  try {
    await busy(button, t('staff.busy.saving'), () => api.vote(sittingId, actId, choice));
    await reload();
  } catch (err) {
    showError($('vote-error'), err);
  }
}

function appealState(a) {
  if (a.decidedAt) return 'closed';
  if (a.meetingAt) return 'awaiting-result';
  return 'awaiting-meeting';
}

function renderAppeals(role) {
  const appeals = sitting.appeals ?? [];
  const handler = role === 'appeal-chair' || role === 'appeal-deputy';
  $('appeals-section').hidden = !handler && appeals.length === 0;
  $('appeals-none').hidden = appeals.length > 0;
  fill($('appeals'), ...appeals.map((a) => {
    const state = appealState(a);
    const decided = a.decision === 'changed'
      ? t('sitting.appeal.decided.changed', { before: a.gradeBefore ?? '—', after: a.gradeAfter ?? '—' })
      : t('sitting.appeal.decided.kept', { letter: a.gradeAfter ?? '—' });
    return h('li', { class: 'act', 'data-appeal': a.id, 'data-appeal-state': state },
      h('p', { class: 'act-title', text: t('sitting.appeal.item', { student: a.studentId, time: formatDateTime(a.filedAt) }) }),
      h('p', { class: 'act-description', text: a.reason }),
      h('p', { class: state === 'closed' ? 'notice notice-ok' : '', text: t(`sitting.appeal.state.${state}`, { decision: decided }) }),
      handler && state === 'awaiting-meeting'
        ? h('p', { class: 'actions' }, h('button', {
          type: 'button', class: 'button', 'data-action': 'meeting', text: t('sitting.appeal.meeting'),
          on: { click: (event) => appealCall(event.currentTarget, () => api.appealMeeting(sittingId, a.id)) },
        }))
        : null,
      handler && state === 'awaiting-result' ? decisionForm(a) : null);
  }));
}

function decisionForm(a) {
  const id = (name) => `appeal-${a.id}-${name}`;
  const letter = h('input', { id: id('letter'), type: 'text', maxlength: '3', autocomplete: 'off' });
  const comment = h('textarea', { id: id('comment'), rows: '2', maxlength: '2000' });
  const radio = (value) => h('div', { class: 'check' },
    h('input', { type: 'radio', name: id('decision'), id: id(value), value, checked: value === 'kept' }),
    h('label', { for: id(value), text: t(`sitting.appeal.${value}`) }));
  const form = h('form', { class: 'form', novalidate: true, 'data-appeal-form': a.id },
    h('fieldset', { class: 'checks' }, h('legend', { text: t('sitting.appeal.decision') }), radio('kept'), radio('changed')),
    h('div', { class: 'field' }, h('label', { for: id('letter'), text: t('sitting.appeal.letter') }), letter),
    h('div', { class: 'field' }, h('label', { for: id('comment'), text: t('sitting.appeal.comment') }), comment),
    h('p', { class: 'actions' }, h('button', { type: 'submit', class: 'button button-primary', text: t('sitting.appeal.decide') })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision = form.querySelector(`input[name="${id('decision')}"]:checked`)?.value ?? 'kept';
    appealCall(form.querySelector('button[type=submit]'),
      () => api.appealDecision(sittingId, a.id, decision, letter.value.trim(), comment.value.trim()));
  });
  return form;
}

async function appealCall(button, call) {
  clearError($('appeal-error'));
  try {
    await busy(button, t('staff.busy.saving'), call);
    await reload();
  } catch (err) {
    showError($('appeal-error'), err);
  }
}

function renderDraws(role) {
  $('draws-section').hidden = false;
  $('commitment').textContent = draws?.commitment ?? sitting.commitment ?? '';
  const seed = $('seed');
  seed.textContent = draws?.seed ?? t('sitting.seedHidden');
  seed.dataset.revealed = draws?.seed ? 'true' : 'false';
  const list = draws?.draws ?? sitting.draws ?? [];
  $('draws-none').hidden = list.length > 0;
  $('draws-table').hidden = list.length === 0;
  fill($('draws-body'), ...list.map((d) => h('tr', { 'data-draw': d.drawNumber },
    h('td', { class: 'num', text: String(d.drawNumber) }), h('td', { text: d.studentId }), h('td', { text: d.word || '—' }),
    h('td', { class: 'num', text: String(d.ticket) }), h('td', { text: formatDateTime(d.at) }))));
  $('close-box').hidden = !((role === 'secretary' || role === 'chair') && !sitting.endedAt);
}

/** The timer of the chosen student's phase and the server clock; at a deadline the sitting is read again. */
function tick() {
  if (!sitting) return;
  const now = clock.now();
  $('server-clock').textContent = t('sitting.serverClock', { time: formatTime(new Date(now)) });
  const p = chosen ? progressOf(sitting, chosen) : null;
  const left = p ? phaseRemaining(p, now) : null;
  $('phase-timer').textContent = timerText(left);
  $('timer-box').classList.toggle('timer-low', left !== null && left < LOW_TIME);
  if (left === 0 && !reloader.busy()) reload(); // the phase ended by itself on the server
}

start();
