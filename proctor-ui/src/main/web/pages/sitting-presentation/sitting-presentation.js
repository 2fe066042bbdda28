/**
 * sitting-presentation.html?sitting=<id>[&student=<id>]: the drawn ticket in large type with the phase and its
 * timer on the server's clock, for the chair or secretary to share on screen (6.15.6: "the ticket's questions are
 * shown in presentation mode"). It follows the sitting live and, unless a student is chosen, shows the one the
 * console would (lib/sitting/flow.js currentStudent). For tests: <main data-state data-phase data-student>.
 */

import { ApiError } from '../../lib/api/client.js';
import { h, param, setState, showMessage } from '../../lib/dom.js';
import { localise, t } from '../../lib/i18n.js';
import { sessionExpired } from '../../lib/page.js';
import { token } from '../../lib/session.js';
import * as api from '../../lib/api/sittings.js';
import { currentStudent, phaseRemaining, progressOf, timerText } from '../../lib/sitting/flow.js';
import { phaseLabel, phaseLabelKey } from '../../lib/sitting/console.js';
import { PageClock, followSitting } from '../../lib/sitting/live.js';
import { nameIn } from '../../lib/people.js';

const $ = (id) => document.getElementById(id);
const main = $('presentation');
const sittingId = param('sitting');
let pinned = param('student');
let sitting = null;
const clock = new PageClock();
let loading = null;

async function start() {
  localise();
  if (!token()) {
    window.location.replace('index.html');
    return;
  }
  if (!sittingId) return failed(new Error(t('sitting.noId')));
  $('presentation-student').addEventListener('change', (event) => {
    pinned = event.target.value || null;
    render();
  });
  try {
    await load();
  } catch (err) {
    return failed(err);
  }
  $('presentation-loading').hidden = true;
  $('presentation-body').hidden = false;
  setState(main, 'ready');
  setInterval(tick, 250);
  followSitting({ sittingId, main, clock, reload });
}

function failed(err) {
  if (err instanceof ApiError && err.status === 401) {
    sessionExpired();
    return;
  }
  $('presentation-loading').hidden = true;
  showMessage($('presentation-error'), err.message);
  setState(main, 'error');
}

async function load() {
  sitting = await api.getSitting(sittingId);
  clock.fromView(sitting);
  render();
}

function reload() {
  loading ??= load()
    .catch(() => {})
    .finally(() => {
      loading = null;
    });
  return loading;
}

function shown() {
  return pinned && (sitting.students ?? []).includes(pinned) ? pinned : currentStudent(sitting);
}

function render() {
  const student = shown();
  const select = $('presentation-student');
  select.replaceChildren(
    h('option', { value: '', text: '—' }),
    // issue 15 (2): students by name
    ...(sitting.students ?? []).map((id) =>
      h('option', { value: id, text: nameIn(sitting.people, id), selected: id === pinned }),
    ),
  );
  $('presentation-title').textContent = sitting.title ?? '';
  document.title = t('sitting.titleOf', { title: sitting.title ?? '' });
  const p = student ? progressOf(sitting, student) : {};
  const phase = p.phase?.phase ?? 'WAITING';
  main.dataset.phase = phase;
  main.dataset.student = student ?? '';
  $('presentation-student-name').textContent = student
    ? t('presentation.student', { student: nameIn(sitting.people, student) })
    : '';
  // issue 15 (5): the same words as the chair's console for what has happened to this student
  const label = student ? phaseLabel(p, sitting) : null;
  $('presentation-phase').textContent = label ? t(phaseLabelKey(label), label.params) : t(`sitting.phase.${phase}`);
  const questions = p.questions ?? [];
  // issue 15 (8): the page's one heading says the ticket, or before the draw that there is none yet (it was empty)
  const heading = $('presentation-heading');
  heading.textContent = questions.length ? t('sitting.ticket', { n: p.ticket }) : t('presentation.noTicket');
  heading.classList.toggle('presentation-none', questions.length === 0);
  $('presentation-questions').replaceChildren(...questions.map((q) => h('li', { text: q })));
  tick();
}

function tick() {
  if (!sitting) return;
  const student = shown();
  const left = student ? phaseRemaining(progressOf(sitting, student), clock.now()) : null;
  $('presentation-timer').textContent = timerText(left);
  $('presentation-timer').classList.toggle('timer-low', left !== null && left < 2 * 60 * 1000);
  if (left === 0) reload();
}

start();
