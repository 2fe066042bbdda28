/**
 * Issue 16 (2): the language an LMS asks for in a launch. LTI 1.3 carries it in the id_token's claim
 * https://purl.imsglobal.org/spec/lti/claim/launch_presentation → locale: Moodle sends its language pack's code
 * ("en", "ru", "kk", "en_us"), other LMSes a BCP 47 tag ("ru-RU", "en_US", "kk-KZ"). The launch page reads it before
 * lib/i18n.js loads its words (this module imports nothing, and the page imports it first), and keeps the language for
 * this tab only (sessionStorage): the landed page and the launch's refusals speak it, other tabs and the remembered
 * choice are untouched, and the person's own choice in the switcher replaces it (lib/i18n.js setLanguage).
 * A locale of no language we offer leaves the usual choice (the remembered one, the browser's, else Kazakh).
 */

/** sessionStorage key of the tab's language from a launch (lib/i18n.js reads it first). */
export const TAB_LANGUAGE = 'emtihan.language.tab';

const LAUNCH_PRESENTATION = 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation';

/** kk, ru or en for a launch's locale ("ru-RU", "en_US", "kk", "KK-kz"); null for any other or none. */
export function languageOfLocale(locale) {
  if (typeof locale !== 'string') return null;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  // "kz" is the country, not the language, but LMSes configured by hand write it for Kazakh
  const code = primary === 'kz' ? 'kk' : primary;
  return ['kk', 'ru', 'en'].includes(code) ? code : null;
}

/**
 * The locale claim of an id_token, read without checking its signature: it only chooses the words of the page the
 * engine is about to check the token for (which refuses a forged one); null when the token cannot be read.
 */
export function localeOfIdToken(idToken) {
  try {
    const payload = String(idToken ?? '').split('.')[1];
    if (!payload) return null;
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json);
    const locale = claims?.[LAUNCH_PRESENTATION]?.locale;
    return typeof locale === 'string' ? locale : null;
  } catch {
    return null;
  }
}

/**
 * The launch page, before anything else: the id_token in the address's fragment names the language of this tab.
 * Answers the language kept, or null when the launch names none we offer (the tab keeps its usual choice then).
 */
export function adoptLaunchLanguage(loc = globalThis.location, storage = globalThis.sessionStorage) {
  const params = new URLSearchParams((loc?.hash ?? '').replace(/^#/, ''));
  const language = languageOfLocale(localeOfIdToken(params.get('id_token')));
  if (!language) return null;
  try {
    storage?.setItem(TAB_LANGUAGE, language);
  } catch {
    return null; // storage refused (a sandboxed frame): the page keeps its usual language
  }
  return language;
}
