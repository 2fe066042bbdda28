/**
 * Every word the pages show, and the formatting of dates and durations. The words live in message files,
 * one per language and audience (lib/messages/<lang>.js for students, staff.<lang>.js for the staff pages, sitting.<lang>.js and room.<lang>.js for the oral final attestation's pages, verify.<lang>.js for the verify page, banklife/statement/registry.<lang>.js for the regulation's bank life, individual statements and registry pages, errors.<lang>.js for the failures the page itself meets); a key missing from a
 * language falls back to English. Pages mark static text with data-i18n="key" (text) and
 * data-i18n-attr="attribute:key;attribute:key"; code calls t(key, params).
 */

import student_en from './messages/en.js';
import staff_en from './messages/staff.en.js';
import student_kk from './messages/kk.js';
import staff_kk from './messages/staff.kk.js';
import student_ru from './messages/ru.js';
import staff_ru from './messages/staff.ru.js';
import sitting_en from './messages/sitting.en.js';
import sitting_kk from './messages/sitting.kk.js';
import sitting_ru from './messages/sitting.ru.js';
import room_en from './messages/room.en.js';
import room_kk from './messages/room.kk.js';
import room_ru from './messages/room.ru.js';
import errors_en from './messages/errors.en.js';
import errors_kk from './messages/errors.kk.js';
import errors_ru from './messages/errors.ru.js';
import verify_en from './messages/verify.en.js';
import verify_kk from './messages/verify.kk.js';
import verify_ru from './messages/verify.ru.js';
import banklife_en from './messages/banklife.en.js';
import banklife_kk from './messages/banklife.kk.js';
import banklife_ru from './messages/banklife.ru.js';
import statement_en from './messages/statement.en.js';
import statement_kk from './messages/statement.kk.js';
import statement_ru from './messages/statement.ru.js';
import registry_en from './messages/registry.en.js';
import registry_kk from './messages/registry.kk.js';
import registry_ru from './messages/registry.ru.js';

/** The languages offered (12.1: Kazakh, Russian, English), in the order the switcher lists them. */
export const LANGUAGES = [
  { code: 'kk', name: 'Қазақша' },
  { code: 'ru', name: 'Русский' },
  { code: 'en', name: 'English' },
];

const messages = {
  en: {
    ...student_en,
    ...staff_en,
    ...sitting_en,
    ...room_en,
    ...errors_en,
    ...verify_en,
    ...banklife_en,
    ...statement_en,
    ...registry_en,
  },
  kk: {
    ...student_kk,
    ...staff_kk,
    ...sitting_kk,
    ...room_kk,
    ...errors_kk,
    ...verify_kk,
    ...banklife_kk,
    ...statement_kk,
    ...registry_kk,
  },
  ru: {
    ...student_ru,
    ...staff_ru,
    ...sitting_ru,
    ...room_ru,
    ...errors_ru,
    ...verify_ru,
    ...banklife_ru,
    ...statement_ru,
    ...registry_ru,
  },
};

const locales = { en: 'en-GB', kk: 'kk-KZ', ru: 'ru-RU' };
const STORE_KEY = 'emtihan.language';
let language = chosenLanguage();

/** The remembered choice, else the browser's first language we offer, else Kazakh. */
function chosenLanguage() {
  const offered = LANGUAGES.map((l) => l.code);
  let stored = null;
  try {
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

/** Switches and remembers the language; the caller re-renders (pages reload). */
export function setLanguage(code) {
  if (!LANGUAGES.some((l) => l.code === code)) return;
  language = code;
  try {
    globalThis.localStorage?.setItem(STORE_KEY, code);
  } catch {
    // not remembered; the choice still holds for this page
  }
}

/** The message for key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const table = messages[language] ?? messages.en;
  const text = table[key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Whether a message exists for key (in this language or in English). */
export function has(key) {
  return key in (messages[language] ?? messages.en) || key in messages.en;
}

/** The plural form of key for count n (key.one, key.other, … by the language's rules), with {n} filled. */
export function tn(key, n, params = {}) {
  const form = new Intl.PluralRules(locale()).select(n);
  const table = messages[language] ?? messages.en;
  const chosen = `${key}.${form}` in table || `${key}.${form}` in messages.en ? `${key}.${form}` : `${key}.other`;
  return t(chosen, { n: formatNumber(n), ...params });
}

/** The BCP 47 tag used for dates and numbers in the current language. */
export function locale() {
  return locales[language] ?? language;
}

/** Fills data-i18n / data-i18n-attr elements under root and sets the document language. */
export function localise(root = document) {
  if (root === document) {
    document.documentElement.lang = language;
    addLanguageSwitcher();
  }
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':').map((s) => s.trim());
      if (attribute && key) el.setAttribute(attribute, t(key));
    }
  }
}

/** An instant as a date and time in the browser's time zone, with the zone named. */
export function formatDateTime(iso) {
  return new Intl.DateTimeFormat(locale(), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A time of day (hours, minutes, seconds) in the browser's time zone. */
export function formatTime(date) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date);
}

/** The browser's time zone, as the user would recognise it. */
export function timeZoneName() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Remaining time as m:ss, or h:mm:ss from one hour; never negative. */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * A number with the current language's separators. Chromium's ICU knows Kazakh without its number symbols (it writes
 * 1,234.5); Kazakh writes numbers as Russian does (1 234,5), so ru-KZ formats them.
 */
export function formatNumber(n, maximumFractionDigits = 2) {
  const tag = language === 'kk' ? 'ru-KZ' : locale();
  return new Intl.NumberFormat(tag, { maximumFractionDigits }).format(n);
}

/** "1, 4 and 7"-style list in the current language. */
export function formatList(items) {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items.map(String));
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
    // the signed-in person's choice is kept on their account too (lib/api.js imports this module: loaded lazily)
    await import('./api.js').then((api) => api.saveLanguage(select.value)).catch(() => {});
    window.location.reload();
  });
  const wrapper = document.createElement('div');
  wrapper.className = 'language-switch';
  wrapper.append(label, select);
  header.append(wrapper);
}
