/**
 * The new time an act's decision gives (6.15.2): who records it and how the console's date-time field becomes the
 * instant the engine takes (`POST /sittings/{id}/acts/{act}/new-time` with `{"newTime": ISO date-time with offset}`).
 * The field is read in the sitting's time zone (the view's `rules.timeZone`), not the browser's. Pure.
 */
import { formatDateTime } from '../formats.js';

/** Whether the act's decision gives another time (the same day or another sitting); a refusal gives none. */
export function givesNewTime(act) {
  const choice = act?.decision?.choice;
  return choice === 'SAME_DAY' || choice === 'ANOTHER_SITTING';
}

/** 6.15.2: the technical secretary or the chair records the new time, once the decision gives one. */
export function mayRecordNewTime(role, act) {
  return (role === 'secretary' || role === 'chair') && givesNewTime(act);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall-clock time of an instant (ms) in a zone, as ms since the epoch read as if it were UTC. */
function wallOf(ms, timeZone) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms))) {
    parts[p.type] = p.value;
  }
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/** "+05:00" from minutes east of UTC. */
function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * "2026-06-10T15:30" (a datetime-local field) in timeZone → "2026-06-10T15:30:00+05:00", or null for a value that is
 * not a date and time (the engine then says what it wants).
 */
export function withOffset(local, timeZone) {
  const m = WALL.exec(local ?? '');
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let offset = wallOf(wall, timeZone) - wall; // the zone's offset near that moment
  offset = wallOf(wall - offset, timeZone) - (wall - offset); // once more, across a change of offset
  return `${local}:00${offsetText(Math.round(offset / 60000))}`;
}

/** An instant → "2026-06-10T15:30" in timeZone, to put a recorded time back into the field. */
export function localValue(iso, timeZone) {
  if (!iso) return '';
  const wall = new Date(wallOf(Date.parse(iso), timeZone));
  return wall.toISOString().slice(0, 16);
}

/**
 * An instant as a date and time in the sitting's zone, its offset named ("6 дек. 2026 г., 23:30 (UTC+5)"); locale
 * is the page's ("kk-KZ", "ru-RU", "en-GB"): issue 15 (1), CLDR's formats (lib/formats.js), not the browser's.
 */
export function formatIn(iso, timeZone, locale) {
  return formatDateTime(iso, String(locale).slice(0, 2), timeZone);
}

/** The engine's sentence on a new time it refused as a field (400 bad-field on newTime): its problem, else null. */
export function newTimeProblem(err) {
  const args = err?.body?.args;
  return err?.code === 'bad-field' && args?.field === 'newTime' && args.problem ? args.problem : null;
}
