/** The academic calendar's period of a window (5.16), in the page's language: "2026-2027, autumn semester". */
import { t } from './i18n.js';

const KNOWN = ['autumn', 'spring', 'summer'];

/** c: {period, academicYear, name, week} as the engine gives it (GET /calendar, an exam's `calendar`). */
export function periodLabel(c) {
  if (!c?.period) return '';
  const name = KNOWN.includes(c.name) ? t(`staff.calendar.period.${c.name}`) : c.name;
  return t('staff.calendar.periodOf', { year: c.academicYear, name });
}

/** "week 14, 2026-2027, autumn semester", or that the day is outside the calendar. */
export function weekLabel(c) {
  return c?.period ? t('staff.calendar.week', { week: c.week, period: periodLabel(c) }) : t('staff.calendar.vacation');
}

/**
 * Issue 15 (5): a period's key as the engine stores it ("2026-2027/autumn": a lock's period, 5.31) in the page's
 * language ("2026-2027, autumn semester"); a key of another shape is shown as it is.
 */
export function periodKeyLabel(key) {
  const m = /^(\d{4}-\d{4})\/(.+)$/.exec(String(key ?? ''));
  return m ? periodLabel({ period: key, academicYear: m[1], name: m[2] }) : String(key ?? '');
}
