/**
 * Issue 15 (2): a date, or a date and time, typed in the person's language. The browser draws <input type="date"> and
 * "datetime-local" in its own language ("mm/dd/yyyy" on a Kazakh page of an English Chromium), so the pages' date
 * fields become text fields with the pattern in the page's language (КК.АА.ЖЖЖЖ, ДД.ММ.ГГГГ, DD.MM.YYYY), a hint
 * under them, and the date the page understood written out ("2026 ж. 1 желтоқсан") as the person types.
 *
 * The API gets exactly what the browser's field gave: dateValue(input) is "2026-12-01", dateTimeValue(input)
 * "2026-12-01T09:30" (a wall time; the page adds its zone as before). Text that is not a date is given back as typed,
 * so the server names the field; the field says so itself when it loses focus. A value set as the browser's field
 * would hold it ("2026-12-01", as the browser tests and the pages' defaults do) is read as well.
 *
 * For tests: input[data-local-date="date"|"datetime"], #<id>-format (the hint), .date-readout[data-state].
 */

import { h } from './dom.js';
import { formatDay, t } from './i18n.js';

const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

const two = (n) => String(n).padStart(2, '0');

/** Whether year-month-day is a day of the calendar (no 31 April, 29 February only in leap years). */
function realDay(year, month, day) {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** "1.12.2026", "01.12.2026", "01/12/2026", "2026-12-01" → "2026-12-01"; null for anything else. */
export function parseDate(text) {
  const s = String(text ?? '').trim();
  let m = DAY_FIRST.exec(s);
  let [year, month, day] = m ? [+m[3], +m[2], +m[1]] : [];
  if (!m) {
    m = YEAR_FIRST.exec(s);
    if (!m) return null;
    [year, month, day] = [+m[1], +m[2], +m[3]];
  }
  return realDay(year, month, day) ? `${year}-${two(month)}-${two(day)}` : null;
}

/** "01.12.2026 9:30", "01.12.2026, 09.30", "2026-12-01T09:30" → "2026-12-01T09:30"; null for anything else. */
export function parseDateTime(text) {
  const s = String(text ?? '')
    .trim()
    .replace(/\s*,\s*/, ' ');
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})[T ](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(s);
  const [datePart, timePart] = iso ? [iso[1], iso[2]] : s.split(/\s+/);
  const day = parseDate(datePart);
  const clock = CLOCK.exec(timePart ?? '');
  if (!day || !clock || (!iso && s.split(/\s+/).length !== 2)) return null;
  const [hour, minute] = [+clock[1], +clock[2]];
  if (hour > 23 || minute > 59) return null;
  return `${day}T${two(hour)}:${two(minute)}`;
}

/** "2026-12-01" → "01.12.2026" (the field's pattern in every language); '' for none. */
export function dateText(day) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(day ?? ''));
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** "2026-12-01T09:30" → "01.12.2026 09:30"; '' for none. */
export function dateTimeText(local) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(String(local ?? ''));
  return m ? `${dateText(m[1])} ${m[2]}` : '';
}

const kindOf = (input) => input.dataset.localDate;

/** The field's date as the API takes it ("2026-12-01"), '' when empty, the text as typed when it is no date. */
export function dateValue(input) {
  if (kindOf(input) !== 'date') return input.value;
  const text = input.value.trim();
  return text ? (parseDate(text) ?? text) : '';
}

/** The field's date and time as a datetime-local field gives it ("2026-12-01T09:30"), '' or the text likewise. */
export function dateTimeValue(input) {
  if (kindOf(input) !== 'datetime') return input.value;
  const text = input.value.trim();
  return text ? (parseDateTime(text) ?? text) : '';
}

/** Puts "2026-12-01" (or "2026-12-01T09:30" in a date-and-time field) into the field, written in its pattern. */
export function setDateValue(input, value) {
  const kind = kindOf(input);
  input.value = kind === 'datetime' ? dateTimeText(value) : kind === 'date' ? dateText(value) : value;
  describe(input, false);
}

/** An example of the pattern for the hint: today, in the field's pattern. */
function example(kind) {
  const now = new Date();
  const day = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return kind === 'datetime' ? `${dateText(day)} 09:00` : dateText(day);
}

/**
 * Turns an <input type="date"> (or "datetime-local") into the text field described above, keeping its id, name,
 * label, required and any value it held. Returns the input.
 */
export function localDateInput(input) {
  if (kindOf(input)) return input;
  const kind = input.type === 'datetime-local' || input.dataset.time !== undefined ? 'datetime' : 'date';
  const held = input.value;
  input.type = 'text';
  input.dataset.localDate = kind;
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = t(`input.${kind}.pattern`);
  input.classList.add('date-text');
  const readout = h('span', { class: 'date-readout', 'data-state': 'empty' });
  const hint = h(
    'p',
    { class: 'field-hint date-hint', id: `${input.id}-format` },
    h('span', { class: 'date-pattern', text: t(`input.${kind}.hint`, { example: example(kind) }) }),
    ' ',
    readout,
  );
  input.after(hint);
  const described = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  input.setAttribute('aria-describedby', [...described, hint.id].join(' '));
  if (held) setDateValue(input, held);
  input.addEventListener('input', () => describe(input, false));
  input.addEventListener('change', () => describe(input, true));
  input.addEventListener('blur', () => describe(input, true));
  return input;
}

/** Every date and date-and-time field under root, made local. */
export function localDateInputs(root = document) {
  return [...root.querySelectorAll('input[type="date"], input[type="datetime-local"]')].map(localDateInput);
}

/** Writes out the date understood, or (once the person has left the field) that it is not one. */
function describe(input, left) {
  const readout = document.getElementById(`${input.id}-format`)?.querySelector('.date-readout');
  if (!readout) return;
  const kind = kindOf(input);
  const text = input.value.trim();
  const value = kind === 'datetime' ? parseDateTime(text) : parseDate(text);
  if (value) {
    const [day, clock] = value.split('T');
    readout.textContent = clock
      ? t('input.datetime.read', { date: formatDay(day, 'long'), time: clock })
      : t('input.date.read', { date: formatDay(day, 'long') });
    readout.dataset.state = 'read';
    if (input.dataset.dateInvalid !== undefined) {
      input.removeAttribute('aria-invalid');
      delete input.dataset.dateInvalid;
    }
  } else if (text && left) {
    readout.textContent = t(`input.${kind}.invalid`);
    readout.dataset.state = 'invalid';
    input.setAttribute('aria-invalid', 'true');
    input.dataset.dateInvalid = '';
  } else {
    readout.textContent = '';
    readout.dataset.state = text ? 'typing' : 'empty';
  }
}
