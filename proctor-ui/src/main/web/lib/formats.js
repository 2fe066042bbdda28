/**
 * Issue 15 (1): dates, times, numbers, percents, plurals and lists in kk, ru and en, the same in every browser. The
 * patterns, month names and symbols are CLDR's (lib/cldr-data.js, generated from the Unicode CLDR packages); the
 * browser's Intl is asked only where an instant falls on the clock of a time zone (its zone data, which every
 * browser has, in the en-US locale, which every browser has), never for Kazakh or Russian words or separators:
 * Chromium has no Kazakh locale data and wrote "2026 M12 6 07:05 GMT+5" and "6.7 %". Pure: every function takes the
 * language and the zone; lib/i18n.js passes the page's.
 */
import CLDR from './cldr-data.js';

/** The zone exams are held in when the engine has not said (config calendar.timeZone's default). */
export const DEFAULT_ZONE = 'Asia/Almaty';

function data(lang) {
  return CLDR.languages[lang] ?? CLDR.languages.en;
}

const wallFormats = new Map();
/** The wall-clock fields of an instant in a zone: {year, month (1-12), day, hour (0-23), minute, second}. */
export function wallClock(instant, zone = DEFAULT_ZONE) {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormats.set(zone, format);
  }
  const fields = {};
  for (const p of format.formatToParts(new Date(instant))) fields[p.type] = Number(p.value);
  return {
    year: fields.year,
    month: fields.month,
    day: fields.day,
    hour: fields.hour % 24,
    minute: fields.minute,
    second: fields.second,
  };
}

/** Minutes east of UTC of a zone at an instant. */
export function offsetMinutes(instant, zone = DEFAULT_ZONE) {
  const ms = new Date(instant).getTime();
  const w = wallClock(ms, zone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** "UTC+5", "UTC+5:30", "UTC-3", "UTC". */
export function offsetLabel(instant, zone = DEFAULT_ZONE) {
  const minutes = offsetMinutes(instant, zone);
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : '';
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${rest}`;
}

/** A zone as a reader knows it: "Қазақстан уақыты, UTC+5", "Kazakhstan Time, UTC+5"; an unknown one by its city. */
export function zoneLabel(zone = DEFAULT_ZONE, lang = 'kk', instant = Date.now()) {
  const known = data(lang).zones[zone];
  const offset = offsetLabel(instant, zone);
  if (zone === 'UTC' || zone === 'Etc/UTC') return offset;
  const name = known?.name ?? zone.split('/').at(-1).replace(/_/g, ' ');
  return `${name}, ${offset}`;
}

/** Fills a CLDR date pattern (y, M, MMM, MMMM, d, dd, HH, mm, ss and 'quoted' text) from wall-clock fields. */
function fill(pattern, w, lang) {
  const two = (n) => String(n).padStart(2, '0');
  return pattern.replace(/'([^']*)'|y+|M+|d+|H+|m+|s+/g, (token, quoted) => {
    if (quoted !== undefined) return quoted;
    switch (token) {
      case 'MMMM':
        return data(lang).months[w.month - 1];
      case 'MMM':
        return data(lang).monthsShort[w.month - 1];
      case 'MM':
        return two(w.month);
      case 'M':
        return String(w.month);
      case 'dd':
        return two(w.day);
      case 'd':
        return String(w.day);
      case 'HH':
        return two(w.hour);
      case 'H':
        return String(w.hour);
      case 'mm':
        return two(w.minute);
      case 'ss':
        return two(w.second);
      case 'yy':
        return two(w.year % 100);
      default:
        return token.startsWith('y') ? String(w.year) : token;
    }
  });
}

/**
 * A date: style 'medium' ("2026 ж. 6 жел.", "6 дек. 2026 г.", "6 Dec 2026"), 'long' ("2026 ж. 6 желтоқсан") or
 * 'short' ("06.12.26"), of an instant in zone.
 */
export function formatDate(instant, lang = 'kk', zone = DEFAULT_ZONE, style = 'medium') {
  return fill(data(lang).date[style], wallClock(instant, zone), lang);
}

/** A calendar day "2026-12-06" (no instant, no zone) as the language writes it: "2026 ж. 6 жел."; else as given. */
export function formatDay(day, lang = 'kk', style = 'medium') {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ''));
  if (!m) return String(day ?? '');
  return fill(data(lang).date[style], { year: +m[1], month: +m[2], day: +m[3], hour: 0, minute: 0, second: 0 }, lang);
}

/** A time of day in zone: "07:05", with seconds "07:05:09". */
export function formatTime(instant, lang = 'kk', zone = DEFAULT_ZONE, seconds = false) {
  return fill(data(lang).time[seconds ? 'medium' : 'short'], wallClock(instant, zone), lang);
}

/**
 * Date and time in zone, its offset named: "2026 ж. 6 жел., 07:05 (UTC+5)". offset false leaves it off (a page
 * that names the zone once); style as formatDate's.
 */
export function formatDateTime(instant, lang = 'kk', zone = DEFAULT_ZONE, { style = 'medium', offset = true } = {}) {
  const w = wallClock(instant, zone);
  const d = data(lang);
  const text = d.dateTime.replace('{1}', fill(d.date[style], w, lang)).replace('{0}', fill(d.time.short, w, lang));
  return offset ? `${text} (${offsetLabel(instant, zone)})` : text;
}

/**
 * A number with the language's separators: 12 345,67 in kk and ru (a no-break space between thousands), 12,345.67 in
 * en; at most maximumFractionDigits decimals, no trailing zeros (minimumFractionDigits to keep some); the minus sign
 * CLDR gives (a hyphen-minus in all three).
 */
export function formatNumber(n, lang = 'kk', maximumFractionDigits = 2, minimumFractionDigits = 0) {
  const value = Number(n);
  if (!Number.isFinite(value)) return String(n);
  const d = data(lang);
  const factor = 10 ** maximumFractionDigits;
  const rounded = Math.round(Math.abs(value) * factor) / factor; // half away from zero, as ICU's default half-even
  let [whole, fraction = ''] = rounded.toFixed(maximumFractionDigits).split('.');
  fraction = fraction.replace(/0+$/, '');
  if (fraction.length < minimumFractionDigits) fraction = fraction.padEnd(minimumFractionDigits, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, d.group);
  const sign = value < 0 && (Number(whole) > 0 || fraction !== '') ? d.minusSign : '';
  return `${sign}${grouped}${fraction ? d.decimal + fraction : ''}`;
}

/** A percent of a number already in percent (6.7 → kk "6,7%", ru "6,7 %", en "6.7%"), as CLDR writes each. */
export function formatPercent(percent, lang = 'kk', maximumFractionDigits = 1) {
  return data(lang).percent.replace(/[#,0.]+/, formatNumber(percent, lang, maximumFractionDigits));
}

/** The CLDR plural category of n in lang: kk and en one/other, ru one/few/many/other. */
export function pluralCategory(n, lang = 'kk') {
  const text = String(Math.abs(Number(n)));
  const [intText, fraction = ''] = text.split('.');
  const i = Number(intText);
  const v = fraction.length;
  if (lang === 'ru') {
    if (v !== 0) return 'other';
    if (i % 10 === 1 && i % 100 !== 11) return 'one';
    if (i % 10 >= 2 && i % 10 <= 4 && !(i % 100 >= 12 && i % 100 <= 14)) return 'few';
    return 'many';
  }
  if (lang === 'kk') return Number(text) === 1 ? 'one' : 'other';
  return i === 1 && v === 0 ? 'one' : 'other';
}

/** "1, 4 және 7"-style list, joined by the language's CLDR list patterns ("1, 4 и 7", "1, 4 and 7"). */
export function formatList(items, lang = 'kk') {
  const words = items.map(String);
  const p = data(lang).list;
  if (words.length === 0) return '';
  if (words.length === 1) return words[0];
  if (words.length === 2) return p['2'].replace('{0}', words[0]).replace('{1}', words[1]);
  let text = p.end.replace('{0}', words.at(-2)).replace('{1}', words.at(-1));
  for (let k = words.length - 3; k >= 0; k--) {
    text = (k === 0 ? p.start : p.middle).replace('{0}', words[k]).replace('{1}', text);
  }
  return text;
}

/** Remaining time as m:ss, or h:mm:ss from one hour; never negative. The same in every language. */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
