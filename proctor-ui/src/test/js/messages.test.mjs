// Every page speaks Kazakh, Russian and English: each message file has the same keys in all three (plural forms
// follow each language's rules: Russian has .few and .many, English has not), and no translation uses a placeholder
// the English message does not fill (it would print its braces; a translation may leave one out, e.g. where Kazakh
// would have to inflect a date).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import test from 'node:test';

const dir = new URL('../../main/web/lib/messages/', import.meta.url);
const groups = new Map(); // '' | 'staff.' | … → {en, kk, ru}
for (const file of readdirSync(dir)) {
  const match = /^(.*?)(en|kk|ru)\.js$/.exec(file);
  if (!match) continue;
  const group = groups.get(match[1]) ?? {};
  group[match[2]] = (await import(new URL(file, dir))).default;
  groups.set(match[1], group);
}

const placeholders = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const PLURAL = /\.(zero|one|two|few|many|other)$/;
const base = (key) => key.replace(PLURAL, '');
/** The English message a key is checked against: itself, or for a plural form English lacks, its .other. */
const english = (en, key) => en[key] ?? (PLURAL.test(key) ? en[`${base(key)}.other`] : undefined);

for (const [prefix, { en, kk, ru }] of groups) {
  test(`${prefix || 'student '}messages: the same keys and placeholders in kk, ru and en`, () => {
    for (const [name, table] of [
      ['kk', kk],
      ['ru', ru],
    ]) {
      assert.ok(table, `${prefix}${name}.js exists`);
      assert.deepEqual(
        Object.keys(table).filter((k) => english(en, k) === undefined),
        [],
        `${name}: keys English lacks`,
      );
      const translated = (k) => k in table || (PLURAL.test(k) && `${base(k)}.other` in table);
      assert.deepEqual(
        Object.keys(en).filter((k) => !translated(k)),
        [],
        `${name}: keys not translated`,
      );
      for (const key of Object.keys(table)) {
        const unknown = placeholders(table[key]).filter((p) => !placeholders(english(en, key)).includes(p));
        assert.deepEqual(unknown, [], `${name} ${key}: placeholders English does not fill`);
      }
    }
  });
}
