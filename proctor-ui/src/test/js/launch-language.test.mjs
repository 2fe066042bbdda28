// Issue 16 (2): the launch's launch_presentation.locale chooses the language of the landed page and of the launch's
// refusals, among kk, ru and en, for this tab only, until the person chooses another.
import test from 'node:test';
import assert from 'node:assert/strict';

const local = new Map([['emtihan.language', 'kk']]);
globalThis.localStorage = { getItem: (k) => local.get(k) ?? null, setItem: (k, v) => local.set(k, String(v)) };
const session = new Map();
globalThis.sessionStorage = {
  getItem: (k) => (session.has(k) ? session.get(k) : null),
  setItem: (k, v) => session.set(k, String(v)),
  removeItem: (k) => session.delete(k),
};

const { TAB_LANGUAGE, adoptLaunchLanguage, languageOfLocale, localeOfIdToken } = await import(
  '../../main/web/lib/launch-language.js'
);

/** An id_token as a platform signs it (the signature is not read here). */
function idToken(claims) {
  const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k' })}.${part(claims)}.c2lnbmF0dXJl`;
}
const withLocale = (locale) =>
  idToken({
    name: 'Әлия Нұрланқызы',
    'https://purl.imsglobal.org/spec/lti/claim/launch_presentation': { locale, document_target: 'iframe' },
  });

test('Moodle codes and BCP 47 tags map to kk, ru or en; anything else to none', () => {
  const cases = {
    en: 'en',
    ru: 'ru',
    kk: 'kk',
    'ru-RU': 'ru',
    en_US: 'en',
    'kk-KZ': 'kk',
    en_us: 'en',
    'KK-kz': 'kk',
    ' ru ': 'ru',
    kz: 'kk',
    de: null,
    'de-DE': null,
    'uz-Cyrl': null,
    kaz: null,
    '': null,
  };
  for (const [locale, expected] of Object.entries(cases)) assert.equal(languageOfLocale(locale), expected, locale);
  assert.equal(languageOfLocale(undefined), null);
  assert.equal(languageOfLocale(7), null);
});

test('the locale is read from the id_token, whatever else it holds; a broken token names none', () => {
  assert.equal(localeOfIdToken(withLocale('ru-RU')), 'ru-RU');
  assert.equal(localeOfIdToken(idToken({ sub: 's' })), null);
  assert.equal(localeOfIdToken('not-a-token'), null);
  assert.equal(localeOfIdToken('a.%%%.c'), null);
  assert.equal(localeOfIdToken(undefined), null);
});

test('the launch page keeps the language for this tab; a launch of none we offer keeps nothing', () => {
  const kept = new Map();
  const storage = { setItem: (k, v) => kept.set(k, v) };
  const at = (token) => ({ hash: `#id_token=${encodeURIComponent(token)}&state=s1` });
  assert.equal(adoptLaunchLanguage(at(withLocale('de-DE')), storage), null);
  assert.equal(kept.size, 0);
  assert.equal(adoptLaunchLanguage(at(withLocale('ru-RU')), storage), 'ru');
  assert.equal(kept.get(TAB_LANGUAGE), 'ru');
  assert.equal(adoptLaunchLanguage({ hash: '' }, storage), null);
});

test("the tab's launch language wins over the remembered one, and the person's choice replaces it", async () => {
  session.set(TAB_LANGUAGE, 'ru');
  const i18n = await import('../../main/web/lib/i18n.js');
  assert.equal(i18n.currentLanguage(), 'ru');
  assert.equal(i18n.t('lti.launch.busy'), 'Проверяем данные входа, присланные СДО…');
  assert.equal(local.get('emtihan.language'), 'kk', 'the remembered choice is untouched');
  i18n.setLanguage('en');
  assert.equal(session.has(TAB_LANGUAGE), false);
  assert.equal(local.get('emtihan.language'), 'en');
});
