/**
 * The commission's console, pure (issue 15, item 5): what has happened to the student shown (the phase label), which
 * student the console shows (it follows the sitting, but a result just confirmed stays in view until the reader moves
 * on), and the words of the confirm step before a rare action. No DOM, no fetch: tested with Node
 * (src/test/js/sitting-console.test.mjs). Every fact comes from the engine's view of the sitting (GET /sittings/{id}:
 * progress.<student>.status at the server's time, its phase clock, ticket, scored, result, standing); the page derives
 * no order of steps here, it only names what the view says.
 */

import { currentStudent, membersOf, progressOf } from './flow.js';

/**
 * The engine's status (StudentState codes) → what the label says has happened. Statuses after the answer share one
 * label with the count of members who scored; the result and the appeal share "confirmed".
 */
const LABEL_OF_STATUS = {
  waiting: 'not-admitted',
  admitted: 'admitted',
  identified: 'identified',
  checked: 'checked',
  drawn: 'drawn',
  preparation: 'preparing',
  answer: 'answering',
  answered: 'scoring',
  done: 'scoring',
  scored: 'scoring',
  graded: 'confirmed',
  appealed: 'appealed',
  'appeal-heard': 'appealed',
  'appeal-decided': 'appealed',
  'technical-failure': 'act',
  'new-time': 'new-time',
  refused: 'refused',
  postponed: 'postponed',
  removed: 'removed',
  unreadable: 'unreadable',
};

/**
 * The phase label of a student's progress as the view gives it: {code, params}; the page says it as
 * t(`sitting.label.${code}`, params). code is one of not-admitted, admitted, identified, checked, drawn, preparing,
 * answering, scoring (params n, total: the members who scored of all; all: every one has), confirmed (letter),
 * appealed, act, new-time, refused, postponed (letter, with the grade "I" or "F"), removed, unreadable. params.ticket
 * is the drawn ticket's number where there is one. sitting gives the commission's size.
 */
export function phaseLabel(progress, sitting) {
  const p = progress ?? { status: 'waiting' };
  let code = LABEL_OF_STATUS[p.status] ?? 'not-admitted';
  // the server's clock may have moved the phase on since the status was read (PhaseClock: 20 minutes, then 15)
  const clock = p.phase?.phase;
  if (code === 'preparing' && clock === 'ANSWER') code = 'answering';
  if ((code === 'preparing' || code === 'answering') && clock === 'DONE') code = 'scoring';
  const params = {};
  if (Number.isInteger(p.ticket)) params.ticket = p.ticket;
  if (code === 'scoring') {
    const total = membersOf(sitting).length;
    const n = (p.scored ?? []).length;
    Object.assign(params, { n, total, all: total > 0 && n >= total });
    if (params.all) code = 'scored-all';
  }
  if (code === 'confirmed' || code === 'appealed') params.letter = p.result?.letter ?? '—';
  if (code === 'postponed') params.letter = p.standing?.letter ?? 'I';
  if (code === 'drawn' && params.ticket === undefined) code = 'checked';
  return { code, params };
}

/** The message key of a phase label, with the drawn ticket's variant where the label names it. */
export function phaseLabelKey(label) {
  const withTicket = ['preparing', 'answering'].includes(label.code) && label.params.ticket !== undefined;
  return `sitting.label.${label.code}${withTicket ? '-ticket' : ''}`;
}

/**
 * Labels after which this student takes no more steps in the sitting for now: the console holds them in view. A
 * student given another time (new-time) is not among them: their steps go on (the draw again, or the preparation).
 */
const SETTLED = new Set(['confirmed', 'appealed', 'act', 'refused', 'postponed', 'removed']);

/** Whether the student's part in the sitting is over for now (a result, an act awaiting a decision, a postponement…). */
export function settled(progress, sitting) {
  return SETTLED.has(phaseLabel(progress, sitting).code);
}

/**
 * Which student the console shows after the sitting was read again. state: {chosen, byHand, held, unsettled}:
 * chosen: the student shown; byHand: the reader picked them in the list (kept while they are in the sitting);
 * held: the student's part ended while shown (kept until the reader presses "Next student", issue 15 item 5: the
 * confirmed result stays in view); unsettled: the student shown was still under way at the last reading. Otherwise the
 * console follows the student under way (flow.js currentStudent). Returns the new state.
 */
export function follow(state, sitting) {
  const students = sitting?.students ?? [];
  const { chosen } = state ?? {};
  const present = chosen != null && students.includes(chosen);
  const isSettled = present && settled(progressOf(sitting, chosen), sitting);
  if (present && (state.byHand || state.held)) return { ...state, unsettled: !isSettled };
  if (present && state.unsettled && isSettled) return { chosen, byHand: false, held: true, unsettled: false };
  const next = currentStudent(sitting);
  return {
    chosen: next,
    byHand: false,
    held: false,
    unsettled: next !== null && !settled(progressOf(sitting, next), sitting),
  };
}

/** The reader picked a student in the list. */
export function pick(studentId) {
  return { chosen: studentId, byHand: true, held: false, unsettled: false };
}

/**
 * The student "Next student" leads to from the one shown: the one under way, else the first after the shown one who
 * is not settled, else null (no one is left to examine in this sitting).
 */
export function nextStudent(sitting, shown) {
  const students = sitting?.students ?? [];
  const open = (id) => !settled(progressOf(sitting, id), sitting);
  const current = currentStudent(sitting);
  if (current && current !== shown && open(current)) return current;
  const at = students.indexOf(shown);
  const after = [...students.slice(at + 1), ...students.slice(0, Math.max(at, 0))];
  return after.find(open) ?? null;
}

/**
 * The rare actions that ask first (issue 15, item 5): the message keys of the dialog's question, its consequence and
 * its button. kind: act | remove | close | allow | refuse.
 */
export const RARE_ACTIONS = ['act', 'remove', 'close', 'allow', 'refuse'];

export function confirmWords(kind) {
  if (!RARE_ACTIONS.includes(kind)) throw new Error(`no confirm step for ${kind}`);
  return {
    title: `sitting.rare.${kind}.title`,
    body: `sitting.rare.${kind}.body`,
    ok: `sitting.rare.${kind}.ok`,
  };
}
