// Issue 15 (1): dates, times, numbers, percents, plurals and lists in kk, ru and en, CLDR's, on the exam's clock,
// the same whatever locale data the browser has (Chromium has none for Kazakh: "2026 M12 6 07:05 GMT+5", "6.7 %").
// The Java side (kz.emtihan.text.FormatsTest) pins the same strings for the papers and e-mails.
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDate,
  formatDateTime,
  formatList,
  formatNumber,
  formatPercent,
  formatTime,
  offsetLabel,
  pluralCategory,
  zoneLabel,
} from '../../main/web/lib/formats.js';
import CLDR from '../../main/web/lib/cldr-data.js';

const NNBSP = '\u202f'; // CLDR's narrow no-break space between the year and "ж." / "г."
const NBSP = '\u00a0';
const ALMATY = 'Asia/Almaty';
const MORNING = '2026-12-06T02:05:00Z'; // 07:05 in Almaty (UTC+5)
const EVENING = '2026-05-16T14:45:00Z'; // 19:45

test('dates and times in kk, ru and en, before and after noon, in several months', () => {
  assert.equal(formatDateTime(MORNING, 'kk', ALMATY), `2026${NNBSP}ж. 6 жел., 07:05 (UTC+5)`);
  assert.equal(formatDateTime(EVENING, 'kk', ALMATY), `2026${NNBSP}ж. 16 мам., 19:45 (UTC+5)`);
  assert.equal(formatDateTime(MORNING, 'ru', ALMATY), `6 дек. 2026${NNBSP}г., 07:05 (UTC+5)`);
  assert.equal(formatDateTime(EVENING, 'ru', ALMATY), `16 мая 2026${NNBSP}г., 19:45 (UTC+5)`);
  assert.equal(formatDateTime(MORNING, 'en', ALMATY), '6 Dec 2026, 07:05 (UTC+5)');
  assert.equal(formatDateTime(EVENING, 'en', ALMATY), '16 May 2026, 19:45 (UTC+5)');
  assert.equal(
    formatDateTime(MORNING, 'kk', ALMATY, { style: 'long', offset: false }),
    `2026${NNBSP}ж. 6 желтоқсан, 07:05`,
    'the long style is the papers\u2019 (FormatsTest)',
  );
  assert.equal(formatDate('2026-09-01T10:00:00Z', 'kk', ALMATY, 'long'), `2026${NNBSP}ж. 1 қыркүйек`);
  assert.equal(formatDate('2026-09-01T10:00:00Z', 'ru', ALMATY, 'long'), `1 сентября 2026${NNBSP}г.`);
  assert.equal(formatDate('2026-09-01T10:00:00Z', 'en', ALMATY), '1 Sept 2026');
  assert.equal(
    formatDate('2026-02-28T20:00:00Z', 'kk', ALMATY, 'short'),
    '01.03.26',
    'the day on the exam\u2019s clock',
  );
  const months = CLDR.languages.kk.monthsShort;
  for (let month = 1; month <= 12; month++) {
    const iso = `2026-${String(month).padStart(2, '0')}-15T06:00:00Z`;
    assert.equal(formatDate(iso, 'kk', ALMATY), `2026${NNBSP}ж. 15 ${months[month - 1]}`);
  }
  assert.equal(formatTime('2026-12-05T19:00:00Z', 'kk', ALMATY), '00:00', 'midnight');
  assert.equal(formatTime('2026-12-06T07:00:00Z', 'ru', ALMATY), '12:00', 'noon, a 24-hour clock');
  assert.equal(formatTime('2026-12-06T08:30:09Z', 'en', ALMATY, true), '13:30:09', 'en-GB: 24 hours too');
});

test('the zone is named, with the offset at that instant', () => {
  assert.equal(zoneLabel(ALMATY, 'kk', MORNING), 'Қазақстан уақыты, UTC+5');
  assert.equal(zoneLabel(ALMATY, 'ru', MORNING), 'Казахстан, UTC+5');
  assert.equal(zoneLabel(ALMATY, 'en', MORNING), 'Kazakhstan Time, UTC+5');
  assert.equal(zoneLabel('Asia/Oral', 'kk', MORNING), 'Қазақстан уақыты, UTC+5', 'one zone since 2024-03-01');
  assert.equal(zoneLabel('Europe/Moscow', 'kk', MORNING), 'Мәскеу уақыты, UTC+3');
  assert.equal(zoneLabel('Asia/Kolkata', 'en', MORNING), 'Kolkata, UTC+5:30', 'a zone CLDR data here lacks: its city');
  assert.equal(zoneLabel('UTC', 'ru', MORNING), 'UTC');
  assert.equal(offsetLabel('2023-12-06T02:05:00Z', ALMATY), 'UTC+6', 'Almaty before 2024-03-01');
  assert.equal(formatDateTime(MORNING, 'kk', 'UTC'), `2026${NNBSP}ж. 6 жел., 02:05 (UTC)`);
});

test('numbers: a no-break space between thousands and a comma in kk and ru, CLDR percents', () => {
  assert.equal(formatNumber(12345.678, 'kk'), `12${NBSP}345,68`);
  assert.equal(formatNumber(1234567, 'ru'), `1${NBSP}234${NBSP}567`);
  assert.equal(formatNumber(12345.678, 'en'), '12,345.68');
  assert.equal(formatNumber(6.7, 'kk', 1), '6,7');
  assert.equal(formatNumber(2.5, 'ru', 0), '3');
  assert.equal(formatNumber(0.5, 'kk'), '0,5');
  assert.equal(formatNumber(-25, 'ru'), '-25');
  assert.equal(formatNumber(-0.001, 'ru'), '0', 'no minus sign on a zero');
  assert.equal(formatNumber(999, 'kk'), '999');
  assert.equal(formatNumber(1000, 'kk'), `1${NBSP}000`);
  assert.equal(formatPercent(6.7, 'kk'), '6,7%', 'CLDR kk: #,##0%');
  assert.equal(formatPercent(6.7, 'ru'), `6,7${NBSP}%`, 'CLDR ru: #,##0 %');
  assert.equal(formatPercent(6.66, 'en'), '6.7%');
  assert.equal(formatPercent(47.14, 'ru', 2), `47,14${NBSP}%`);
  assert.equal(formatPercent(1000, 'kk'), `1${NBSP}000%`);
});

test('plurals: kk and en one/other, ru one/few/many/other', () => {
  const ns = [0, 1, 2, 5, 21, 22, 25, 111];
  assert.deepEqual(
    ns.map((n) => pluralCategory(n, 'ru')),
    ['many', 'one', 'few', 'many', 'one', 'few', 'many', 'many'],
  );
  assert.deepEqual(
    ns.map((n) => pluralCategory(n, 'kk')),
    ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other'],
  );
  assert.deepEqual(
    ns.map((n) => pluralCategory(n, 'en')),
    ['other', 'one', 'other', 'other', 'other', 'other', 'other', 'other'],
  );
  assert.equal(pluralCategory(1.5, 'ru'), 'other');
  assert.equal(pluralCategory(12, 'ru'), 'many');
  assert.equal(pluralCategory(104, 'ru'), 'few');
});

test('lists in each language', () => {
  assert.equal(formatList([1, 4, 7], 'kk'), '1, 4, 7');
  assert.equal(formatList([1, 4], 'kk'), '1 және 4');
  assert.equal(formatList([1, 4, 7], 'ru'), '1, 4 и 7');
  assert.equal(formatList([1, 4, 7, 9], 'en'), '1, 4, 7 and 9');
  assert.equal(formatList([3], 'en'), '3');
  assert.equal(formatList([], 'en'), '');
});

test('no locale data of the browser is used: only en-US time zone arithmetic', async () => {
  const names = ['NumberFormat', 'PluralRules', 'ListFormat', 'DateTimeFormat'];
  const saved = Object.fromEntries(names.map((name) => [name, Intl[name]]));
  const asked = [];
  const refuse = (name) =>
    function () {
      throw new Error(`Intl.${name} asked`);
    };
  Intl.NumberFormat = refuse('NumberFormat');
  Intl.PluralRules = refuse('PluralRules');
  Intl.ListFormat = refuse('ListFormat');
  Intl.DateTimeFormat = function (locale, options) {
    asked.push(locale);
    return new saved.DateTimeFormat(locale, options);
  };
  try {
    // a zone not asked before, so its formatter is made now
    formatDateTime(MORNING, 'kk', 'Asia/Qyzylorda');
    formatNumber(12.5, 'kk');
    formatPercent(12.5, 'ru');
    pluralCategory(3, 'ru');
    formatList(['a', 'b'], 'kk');
  } finally {
    Object.assign(Intl, saved);
  }
  assert.deepEqual([...new Set(asked)], ['en-US']);
});

test('calendar days and the pages words: t() writes a day and names the zone, tn() fills the count', async () => {
  const { formatDay } = await import('../../main/web/lib/formats.js');
  assert.equal(formatDay('2026-12-06', 'kk'), `2026${NNBSP}ж. 6 жел.`);
  assert.equal(formatDay('2026-12-06', 'ru', 'long'), `6 декабря 2026${NNBSP}г.`);
  assert.equal(formatDay('2026-12-06', 'en'), '6 Dec 2026');
  assert.equal(formatDay('not a day', 'en'), 'not a day');
  const { setLanguage, t, tn } = await import('../../main/web/lib/i18n.js');
  setLanguage('kk');
  const off = t('sitting.offDay', { date: '2026-12-06', today: '2026-12-07' });
  assert.ok(off.includes(`2026${NNBSP}ж. 6 жел.`) && off.includes(`2026${NNBSP}ж. 7 жел.`), off);
  assert.ok(!off.includes('2026-12-06'), off);
  assert.ok(!off.includes('жел..'), `one full stop after an abbreviated month at a sentence's end: ${off}`);
  assert.equal(
    t('staff.progress.serverTime', { time: '07:05:09' }),
    'Сервер уақыты 07:05:09 (Қазақстан уақыты, UTC+5)',
  );
  // (Node loads one language's words, Kazakh: Russian forms are pluralCategory's test above)
  assert.equal(tn('duration.minutes', 1), '1 минут');
  assert.equal(tn('duration.minutes', 1500), `1${NBSP}500 минут`);
});
