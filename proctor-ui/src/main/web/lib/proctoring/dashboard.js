/**
 * The proctor dashboard's bookkeeping, kept apart from the DOM so that it can be tested in Node: the
 * order of the tiles (students stuck before their questions first, then risk), where a student stands
 * (stageOf, as the engine's Stage), the evidence missing now, what a live flag does to a student's counts and risk, and a throttle
 * so that 30 students flagging at once cost one re-sort a second and one snapshot fetch per tile per 5 s.
 */

/**
 * How much a flag adds to a student's risk: the engine's penalties per severity (Credibility.risk: the sum
 * of count × penalty), so the live order agrees with the order the next fetch brings.
 */
export const SEVERITY_WEIGHT = { low: 2, medium: 6, high: 15 };

/** Each flag kind's usual severity (docs/proctoring.md "Flags"), for colouring counts that carry none. */
export const KIND_SEVERITY = {
  'no-face': 'medium',
  'multiple-faces': 'high',
  'face-mismatch': 'high',
  'tab-hidden': 'medium',
  'window-blur': 'low',
  'fullscreen-exit': 'medium',
  copy: 'low',
  paste: 'medium',
  'screen-share-ended': 'high',
  'camera-ended': 'high',
  disconnected: 'low',
  'storage-full': 'low',
  'evidence-missing': 'high',
};

/** The stages in which a student is stuck before (or at the start of) their questions: listed first. */
export const STUCK = ['identity-missing', 'identity-rejected', 'identity-pending', 'no-snapshot'];

/**
 * Where a student stands, as the engine's Stage.of: held (no questions yet) by the identity step, or served but
 * without a camera snapshot yet (camera: the exam takes snapshots), or answering.
 */
export function stageOf(row, camera = true) {
  if (!row.status || row.status === 'not-started') return 'not-started';
  if (row.status !== 'in-progress') return 'finished';
  if (row.held) {
    if (row.identityStatus === 'rejected') return 'identity-rejected';
    if (row.identityStatus === 'pending' || row.identityStatus === 'approved') return 'identity-pending';
    return 'identity-missing';
  }
  if (camera && !row.lastSnapshotAt) return 'no-snapshot';
  return 'answering';
}

/**
 * Applies an evidence event to a row's list of evidence missing now: an evidence-missing flag adds its kind,
 * evidence-resumed removes it. Returns true when the list changed.
 */
export function applyEvidence(row, event) {
  const missing = new Set(row.missing ?? []);
  const before = missing.size;
  if (event.type === 'flag' && event.flag?.kind === 'evidence-missing' && event.flag.missing)
    missing.add(event.flag.missing);
  else if (event.type === 'evidence-resumed' && event.evidence) missing.delete(event.evidence);
  else return false;
  if (missing.size === before && event.type === 'flag') return false;
  row.missing = [...missing];
  return missing.size !== before;
}

const ACTIVE = { 'in-progress': 0, 'not-started': 1 };

/** Order of the tiles: students stuck before their questions first; then higher risk; then students still in the test; then by name. */
export function compareRows(a, b) {
  const stuck = (STUCK.includes(b.stage) ? 1 : 0) - (STUCK.includes(a.stage) ? 1 : 0);
  if (stuck !== 0) return stuck;
  const risk = (Number(b.risk) || 0) - (Number(a.risk) || 0);
  if (risk !== 0) return risk;
  const active = (ACTIVE[a.status] ?? 2) - (ACTIVE[b.status] ?? 2);
  if (active !== 0) return active;
  return (
    String(a.name ?? a.studentId ?? '').localeCompare(String(b.name ?? b.studentId ?? ''), undefined, {
      numeric: true,
    }) || String(a.attemptId ?? '').localeCompare(String(b.attemptId ?? ''))
  );
}

/** The rows in dashboard order (a new array). */
export function sortRows(rows) {
  return [...rows].sort(compareRows);
}

/**
 * Applies a live flag to a row: the count of its kind goes up and the risk rises by the flag's weight. A
 * flag of insufficient evidence (the camera could not see) is counted as unclear and adds no risk, as on
 * the server. A flag already counted (same id) changes nothing. Returns true when the row changed.
 */
export function applyFlag(row, flag) {
  if (!flag || !flag.kind) return false;
  row.seenFlags ??= new Set();
  if (flag.id !== undefined && flag.id !== null) {
    if (row.seenFlags.has(flag.id)) return false;
    row.seenFlags.add(flag.id);
  }
  row.lastFlag = flag;
  if (flag.insufficientEvidence) {
    row.unclear = (Number(row.unclear) || 0) + 1;
    return true;
  }
  row.flagCounts = { ...(row.flagCounts ?? {}) };
  row.flagCounts[flag.kind] = (row.flagCounts[flag.kind] ?? 0) + 1;
  row.risk = (Number(row.risk) || 0) + (SEVERITY_WEIGHT[flag.severity] ?? SEVERITY_WEIGHT.medium);
  return true;
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 };

/** The flag counts as [kind, n] pairs: gravest kind first, then most frequent, then by kind. */
export function flagList(flagCounts) {
  const rank = (kind) => SEVERITY_RANK[KIND_SEVERITY[kind]] ?? 1;
  return Object.entries(flagCounts ?? {})
    .filter(([, n]) => Number(n) > 0)
    .sort(([ka, a], [kb, b]) => rank(ka) - rank(kb) || b - a || ka.localeCompare(kb));
}

/**
 * Runs fn at most once per intervalMs: a call within the interval after a run is deferred to the
 * interval's end (several calls meanwhile make one run). timers: {now, setTimeout, clearTimeout} to test.
 * Returns {call, cancel, flush}.
 */
export function throttle(fn, intervalMs, timers = globalThis) {
  const now = timers.now ?? (() => Date.now());
  let last = -Infinity;
  let timer = null;
  const run = () => {
    timer = null;
    last = now();
    fn();
  };
  return {
    call() {
      if (timer !== null) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) run();
      else timer = timers.setTimeout(run, wait);
    },
    /** Runs a deferred call now. */
    flush() {
      if (timer === null) return;
      timers.clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
