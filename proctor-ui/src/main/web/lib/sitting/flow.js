/**
 * The oral final attestation as the pages need it (6.15.2, 6.15.4, 6.15.6), pure: the next step and the steps the
 * reader may take, both as the engine's view says (never derived here), whom the console shows first, the time left on the server's clock, whether the 48 hours to
 * appeal still run, whether a score may be sent. The engine enforces every one of them; the pages use these only
 * to offer the right button. No DOM, no fetch: tested with Node (src/test/js/sitting.test.mjs).
 */
import { wallClock } from '../formats.js';

/** What the secretary confirms before the draw (6.15.6), in the engine's order (SittingSteps.ROOM_CHECKLIST). */
export const ROOM_CHECKLIST = ['desk-clear', 'room-alone', 'no-devices', 'camera-shows-room'];

/** The collegial choices after a technical failure (6.15.2). */
export const ACT_CHOICES = ['same-day', 'another-sitting', 'refuse'];

/** 6.15.4: an appeal is filed within 48 hours after the sitting. */
export const APPEAL_HOURS = 48;

/** The highest score a member gives (the engine's configured maximum is 100). */
export const MAX_SCORE = 100;

/** A student's progress, or the engine's starting one when nothing has happened yet. */
export function progressOf(sitting, studentId) {
  return sitting?.progress?.[studentId] ?? { status: 'waiting', next: 'admit', steps: [], scores: {}, scored: [] };
}

/** The commission's members (the chair is one), as the engine lists them. */
export function membersOf(sitting) {
  return sitting?.commission?.members ?? [];
}

/**
 * The next step for a student, in the order of 6.15.6, as the engine's view says it (issue 11: progress.next, from
 * the typed sitting; the page no longer derives the order): admit | identity | room | draw | start-preparation |
 * end-preparation | end-answer | score | confirm, or done | act (an act awaits the commission's decision) |
 * refused | postponed (6.15.3: no more steps in this sitting).
 */
export function nextStep(progress) {
  return progress?.next ?? 'admit';
}

const ACTIVE_LAST = new Set(['done', 'refused']);

/**
 * The student the console opens on: the first, in the sitting's order, who is under way (admitted and not
 * finished, no failure pending a new time); else the first still waiting; else the first with a pending act,
 * a new time or a postponement; else the last. null for a sitting without students.
 */
export function currentStudent(sitting) {
  const students = sitting?.students ?? [];
  const step = (id) => nextStep(progressOf(sitting, id));
  const status = (id) => progressOf(sitting, id).status;
  const later = (id) => status(id) === 'new-time' || status(id) === 'postponed'; // another day or time (6.15.2-6.15.3)
  return (
    students.find((id) => step(id) !== 'admit' && !ACTIVE_LAST.has(step(id)) && step(id) !== 'act' && !later(id)) ??
    students.find((id) => step(id) === 'admit' && !later(id)) ??
    students.find((id) => step(id) === 'act' || later(id)) ??
    students[students.length - 1] ??
    null
  );
}

/** Whether the engine's table lets the reader take step for this student now (the view's progress.steps). */
export function mayTake(progress, step) {
  return Array.isArray(progress?.steps) && progress.steps.includes(step);
}

/** Milliseconds left of the running phase on the server's clock (nowMs), or null when no phase runs. */
export function phaseRemaining(progress, nowMs) {
  const deadline = Date.parse(progress?.phase?.deadline ?? '');
  if (Number.isNaN(deadline)) return null;
  return Math.max(0, deadline - nowMs);
}

/** m:ss, or h:mm:ss from one hour; null (no phase running) is shown as --:--. */
export function timerText(ms) {
  if (ms === null || ms === undefined) return '--:--';
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * 6.15.4: where the student stands on appealing at nowMs: 'open' (the sitting is still running: not yet),
 * 'in-time' (closed, within 48 hours: with closesAt), 'late' (the 48 hours ran out).
 */
export function appealWindow(endedAt, nowMs) {
  const ended = Date.parse(endedAt ?? '');
  if (Number.isNaN(ended)) return { state: 'open', closesAt: null };
  const closesAt = ended + APPEAL_HOURS * 3600 * 1000;
  return { state: nowMs < closesAt ? 'in-time' : 'late', closesAt: new Date(closesAt).toISOString() };
}

/** What is wrong with a score typed by a member: null (fine), 'empty', 'whole' (not a whole number) or 'range'. */
export function scoreProblem(text) {
  const value = String(text ?? '').trim();
  if (value === '') return 'empty';
  if (!/^\d+$/.test(value)) return 'whole';
  const n = Number(value);
  return n >= 0 && n <= MAX_SCORE ? null : 'range';
}

/** The acts a member still has to vote on (no decision yet and no vote of theirs). */
export function actsAwaitingVote(sitting, memberId) {
  return (sitting?.acts ?? []).filter((a) => !a.decision && !(a.votes && memberId in a.votes));
}

/**
 * Runs task now; calls made while it runs lead to one more run after it, not one each (a burst of live changes
 * becomes at most two reads of the sitting). busy() says whether a run is under way.
 */
export function coalescing(task) {
  let running = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return { run, busy: () => running !== null };
}

/** Where an appeal stands (6.15.5): awaiting-meeting, awaiting-result (met), closed (decided). */
export function appealState(appeal) {
  if (appeal.decidedAt) return 'closed';
  if (appeal.meetingAt) return 'awaiting-result';
  return 'awaiting-meeting';
}

/** 6.15.6: YYYY-MM-DD of an instant in a time zone (the sitting's day is counted in the view's rules.timeZone). */
export function dayIn(instant, timeZone) {
  const w = wallClock(instant, timeZone); // issue 15 (1): no locale's digits or order, the zone's clock only
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
