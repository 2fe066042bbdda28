/**
 * Every word the pages show, and the formatting of dates and durations. The words live in message files, one per
 * language and area: lib/messages/common.<lang>.js (what every page says: its frame, sign-in, statuses, the links
 * between areas) and errors.<lang>.js (the failures the page itself meets) on every page; <lang>.js for the student's
 * exam pages, staff.<lang>.js for the staff pages, sitting.<lang>.js and room.<lang>.js for the oral final
 * attestation's pages, verify.<lang>.js for the verify page, banklife/statement/registry.<lang>.js for the
 * regulation's bank life, individual statements and registry pages.
 *
 * Issue 14 (7): a page loads only its own areas, in the reader's language only. It names them in its head,
 * <meta name="messages" content="staff banklife">, and this module imports those files (with top-level await,
 * so every module that calls t() runs after the words are here). Until localise() has filled the page, app.css
 * keeps the English written in the HTML hidden: no flash of another language. Without a document (the Node
 * tests) every area is loaded. The Node tests check that each page names the areas its keys come from and only
 * those of its role, and that kk, ru and en have the same keys.
 *
 * Pages mark static text with data-i18n="key" (text) and data-i18n-attr="attribute:key;attribute:key"; code
 * calls t(key, params).
 *
 * Issue 15 (1): dates, times, numbers, plurals and lists are formatted by lib/formats.js with CLDR's data for kk, ru
 * and en (lib/cldr-data.js), in the exam's time zone, never with the browser's locale data.
 */
import * as formats from './formats.js';
import { DEFAULT_ZONE } from './formats.js';
import { TAB_LANGUAGE } from './launch-language.js';
import { examTimeZone } from './session.js';

/** The languages offered (12.1: Kazakh, Russian, English), in the order the switcher lists them. */
export const LANGUAGES = [
  { code: 'kk', name: 'Қазақша' },
  { code: 'ru', name: 'Русский' },
  { code: 'en', name: 'English' },
];

/** Every area with a message file per language; common and errors go with every page. */
export const AREAS = [
  'common',
  'errors',
  'student',
  'staff',
  'sitting',
  'room',
  'verify',
  'banklife',
  'statement',
  'registry',
  'lti',
];

/** The module of an area's words in a language (the student's file is plainly <lang>.js). */
export function messageFile(area, lang) {
  return area === 'student' ? `./messages/${lang}.js` : `./messages/${area}.${lang}.js`;
}

/** The areas this page names in <meta name="messages">, after common and errors; all of them without a document. */
export function pageAreas(doc = globalThis.document) {
  if (!doc) return AREAS;
  const named = doc.querySelector('meta[name="messages"]')?.getAttribute('content') ?? '';
  return [
    'common',
    'errors',
    ...named.split(/\s+/).filter((area) => AREAS.includes(area) && area !== 'common' && area !== 'errors'),
  ];
}

const locales = { en: 'en-GB', kk: 'kk-KZ', ru: 'ru-RU' };
const STORE_KEY = 'emtihan.language';
let language = chosenLanguage();
/** The words of this page's areas in its language (none when they could not be loaded). */
let messages = {};
/** Whether they came; if not, localise() leaves the English written in the page. */
const loaded = await loadMessages(language);

async function loadMessages(lang) {
  try {
    const files = await Promise.all(pageAreas().map((area) => import(messageFile(area, lang))));
    messages = Object.assign({}, ...files.map((file) => file.default));
    return true;
  } catch {
    messages = {};
    return false; // the English written in the page stays; localise() leaves it
  }
}

/**
 * This tab's language from an LMS launch (issue 16, 2: lib/launch-language.js), else the remembered choice, else the
 * browser's first language we offer, else Kazakh.
 */
function chosenLanguage() {
  const offered = LANGUAGES.map((l) => l.code);
  let stored = null;
  try {
    const launched = globalThis.sessionStorage?.getItem(TAB_LANGUAGE);
    if (offered.includes(launched)) return launched;
    stored = globalThis.localStorage?.getItem(STORE_KEY);
  } catch {
    stored = null;
  }
  if (offered.includes(stored)) return stored;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const code = tag.slice(0, 2).toLowerCase();
    if (offered.includes(code)) return code;
  }
  return 'kk';
}

/** Whether this browser remembers a choice made here (else the language came from the browser's settings). */
export function languageChosenHere() {
  try {
    return LANGUAGES.some((l) => l.code === globalThis.localStorage?.getItem(STORE_KEY));
  } catch {
    return false;
  }
}

/** The current language code. */
export function currentLanguage() {
  return language;
}

/**
 * Switches and remembers the language; the caller reloads the page, which loads that language's words (until then
 * t() keeps the old words; dates and numbers follow at once).
 */
export function setLanguage(code) {
  if (!LANGUAGES.some((l) => l.code === code)) return;
  language = code;
  try {
    globalThis.sessionStorage?.removeItem(TAB_LANGUAGE); // issue 16 (2): the person's choice replaces the launch's
    globalThis.localStorage?.setItem(STORE_KEY, code);
  } catch {
    // not remembered; the choice still holds for this page
  }
}

/** The message for key in the page's language, with {name} placeholders filled from params; the key if none. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  // issue 15 (1): a message that names {zone} without being given one names the exam's time zone
  if (text.includes('{zone}') && !('zone' in params)) params = { ...params, zone: timeZoneName() };
  // and a calendar day given as "2026-12-06" is written as the reader's language writes it ("2026 ж. 6 жел.")
  const day = (value) => (typeof value === 'string' && DAY.test(value) ? formatDay(value) : value);
  return text.replace(/\{(\w+)\}/g, (whole, name, at) => {
    if (!(name in params)) return whole;
    const value = String(day(params[name]));
    // "… 6 жел.." → "… 6 жел.": a value ending in an abbreviation's full stop before the sentence's own
    return value.endsWith('.') && text[at + whole.length] === '.' ? value.slice(0, -1) : value;
  });
}

/** Whether a message exists for key. */
export function has(key) {
  return key in messages;
}

/** The plural form of key for count n (key.one, key.other, … by the language's rules), with {n} filled. */
export function tn(key, n, params = {}) {
  const form = formats.pluralCategory(n, language); // issue 15 (1): CLDR's rules, not the browser's
  const chosen = `${key}.${form}` in messages ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { n: formatNumber(n), ...params });
}

/** The BCP 47 tag used for dates and numbers in the current language. */
export function locale() {
  return locales[language] ?? language;
}

/** Fills data-i18n / data-i18n-attr elements under root and sets the document language. */
export function localise(root = document) {
  if (root === document && loaded) document.documentElement.lang = language;
  if (loaded) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of el.dataset.i18nAttr.split(';')) {
        const [attribute, key] = pair.split(':').map((s) => s.trim());
        if (attribute && key) el.setAttribute(attribute, t(key));
      }
    }
  }
  if (root === document) {
    addLanguageSwitcher();
    document.documentElement.dataset.localised = ''; // app.css shows the page from now on
  }
}

/** The zone from sign-in once this browser has shown it can read it. */
let checkedZone = null;

/**
 * Issue 15 (1): the zone the exams are held in (config calendar.timeZone, which the engine gives at sign-in and
 * lib/session.js keeps), else Asia/Almaty. Every time the pages show is on this clock, not the browser's.
 */
export function pageTimeZone() {
  const zone = examTimeZone();
  if (zone && zone !== checkedZone) {
    try {
      formats.wallClock(0, zone); // a zone id Java knows and this browser does not: the default, not a broken page
      checkedZone = zone;
    } catch {
      return DEFAULT_ZONE;
    }
  }
  return zone ?? DEFAULT_ZONE;
}

/** An instant as a date and time in the exam's time zone, its offset named: "2026 ж. 6 жел., 07:05 (UTC+5)". */
export function formatDateTime(iso, zone = pageTimeZone()) {
  return formats.formatDateTime(iso, language, zone);
}

/** A date (no time) in the exam's zone: "2026 ж. 6 жел."; style 'long' gives the month's full name. */
export function formatDate(iso, style = 'medium', zone = pageTimeZone()) {
  return formats.formatDate(iso, language, zone, style);
}

/** A calendar day "2026-12-06" (a sitting's date, a meeting's), no zone: "2026 ж. 6 жел.". */
export function formatDay(day, style = 'medium') {
  return formats.formatDay(day, language, style);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A time of day (hours, minutes, seconds) in the exam's time zone. */
export function formatTime(date, zone = pageTimeZone()) {
  return formats.formatTime(date, language, zone, true);
}

/** The exam's time zone as the reader knows it: "Қазақстан уақыты, UTC+5". */
export function timeZoneName(zone = pageTimeZone()) {
  return formats.zoneLabel(zone, language);
}

/** Remaining time as m:ss, or h:mm:ss from one hour; never negative. */
export const formatCountdown = formats.formatCountdown;

/** A number with the current language's separators (CLDR's: 1 234,5 in kk and ru, 1,234.5 in en). */
export function formatNumber(n, maximumFractionDigits = 2) {
  return formats.formatNumber(n, language, maximumFractionDigits);
}

/** A percent (a number already in percent) as the language writes it: "6,7%" kk, "6,7 %" ru, "6.7%" en. */
export function formatPercent(percent, maximumFractionDigits = 1) {
  return formats.formatPercent(percent, language, maximumFractionDigits);
}

/** "1, 4 және 7"-style list in the current language. */
export function formatList(items) {
  return formats.formatList(items, language);
}

/**
 * A language choice in the page header (every page has one): switching remembers the choice and reloads,
 * which is safe even mid-exam since the attempt resumes with every answer.
 */
function addLanguageSwitcher() {
  const header = document.querySelector('.site-header');
  if (!header || document.getElementById('language')) return;
  const label = document.createElement('label');
  label.className = 'language';
  label.htmlFor = 'language';
  label.textContent = t('app.language');
  const select = document.createElement('select');
  select.id = 'language';
  for (const { code, name } of LANGUAGES) {
    const option = document.createElement('option');
    option.value = code;
    option.lang = code;
    option.textContent = name;
    option.selected = code === language;
    select.append(option);
  }
  select.addEventListener('change', async () => {
    setLanguage(select.value);
    // the signed-in person's choice is kept on their account too (lib/api/client.js imports this module: loaded lazily)
    await import('./api/auth.js').then((api) => api.saveLanguage(select.value)).catch(() => {});
    window.location.reload();
  });
  const wrapper = document.createElement('div');
  wrapper.className = 'language-switch';
  wrapper.append(label, select);
  header.append(wrapper);
}
