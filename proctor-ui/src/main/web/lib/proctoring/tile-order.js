/**
 * Issue 15 (3): the order of the proctor's tiles, as a pure function of the rows (pages/proctor-tiles.js draws
 * them). The default order is "needs a proctor now": what a proctor must act on comes first and what is over comes
 * last, whatever its risk, so that a student who finished with flags never sits above one who is stuck:
 *
 *   1. stuck: still in the test but held before the questions without usable identity photos (missing or
 *      rejected), served without a camera snapshot yet, or with evidence missing now (snapshots, recordings or
 *      the page's connection stopped: the engine's evidence-missing flag);
 *   2. flagged live: in the test with flags (risk above 0) and no reviewer's verdict yet;
 *   3. identity waiting: in the test with identity photos the proctor has not decided on;
 *   4. answering: in the test, nothing to do;
 *   5. not started;
 *   6. finished (submitted, timed out, terminated).
 *
 * Within a group, higher risk first, then by name (numbers in names in numeric order). The two other orders a
 * proctor can choose are the former one (stuck before their questions, then by risk: lib/proctoring/dashboard.js
 * compareRows) and by name.
 */

import { compareRows } from './dashboard.js';

/** The groups of "needs a proctor now", most urgent first. */
export const NEEDS = ['stuck', 'flagged', 'identity', 'answering', 'not-started', 'finished'];

/** The stages (lib/proctoring/dashboard.js stageOf, the engine's Stage) in which an in-test student is stuck. */
const STUCK_STAGES = ['identity-missing', 'identity-rejected', 'no-snapshot'];

/** Which group of NEEDS a dashboard row belongs to. */
export function needOf(row) {
  if (!row.status || row.status === 'not-started') return 'not-started';
  if (row.status !== 'in-progress') return 'finished';
  if (STUCK_STAGES.includes(row.stage) || (row.missing ?? []).length > 0) return 'stuck';
  if ((Number(row.risk) || 0) > 0 && !row.verdict) return 'flagged';
  if (row.identityStatus === 'pending' || row.stage === 'identity-pending') return 'identity';
  return 'answering';
}

const byName = (a, b) =>
  String(a.name ?? a.studentId ?? '').localeCompare(String(b.name ?? b.studentId ?? ''), undefined, {
    numeric: true,
  }) || String(a.studentId ?? '').localeCompare(String(b.studentId ?? ''));

/** "Needs a proctor now": the group, then higher risk, then by name. */
export function compareByNeed(a, b) {
  const need = NEEDS.indexOf(needOf(a)) - NEEDS.indexOf(needOf(b));
  if (need !== 0) return need;
  const risk = (Number(b.risk) || 0) - (Number(a.risk) || 0);
  return risk !== 0 ? risk : byName(a, b);
}

/** The orders a proctor can choose; the first is the default. */
export const ORDERS = {
  need: compareByNeed,
  risk: compareRows,
  name: byName,
};

/** The rows in the chosen order (a new array); an unknown order is the default. */
export function orderRows(rows, order = 'need') {
  return [...rows].sort(ORDERS[order] ?? compareByNeed);
}
