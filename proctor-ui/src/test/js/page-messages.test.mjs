// Issue 14 (7): a page loads only its own role's message files, in the reader's language only. Each page names its
// areas in <meta name="messages">; lib/i18n.js imports common and errors plus those, for one language. Here, for
// every page: the areas it names are its role's, and every key its HTML and its modules use (t('…'), tn('…'),
// has('…'), data-i18n, data-i18n-attr, any string that is a key, and every key a `prefix.${…}` may become) is in
// them, so nothing shows raw. (messages.test.mjs checks that kk, ru and en have the same keys in each file.)
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';

globalThis.localStorage = { getItem: () => 'en', setItem() {} };
const { AREAS, messageFile, pageAreas } = await import('../../main/web/lib/i18n.js');

const web = fileURLToPath(new URL('../../main/web/', import.meta.url));
const LANGS = ['kk', 'ru', 'en'];

/** The pages by role, and the areas a page of each role may load beside common and errors. */
const ROLES = {
  student: {
    pages: ['attempt', 'exams', 'precheck', 'rules', 'result', 'sitting-student', 'sitting-presentation'],
    areas: ['student', 'verify', 'sitting', 'room'],
  },
  staff: {
    pages: ['bank', 'exam', 'proctor', 'progress', 'registry', 'review', 'sitting-new', 'sitting', 'sittings'],
    areas: ['staff', 'banklife', 'registry', 'statement', 'sitting', 'room'],
  },
  staff2: { pages: ['teacher', 'users'], areas: ['staff'] },
  // everyone's pages: the sign-in page, the statements (students apply, staff sign) and the public verify page
  everyone: { pages: ['index', 'statements', 'verify'], areas: ['statement', 'verify'] },
  // issue 16: the LMS's hand-over pages (anyone a platform sends), and the teacher's and administrator's LTI pages
  lti: { pages: ['lti-login', 'lti-launch', 'lti-register'], areas: ['lti'] },
  ltiStaff: { pages: ['lti-pick', 'lti-platforms'], areas: ['lti', 'staff'] },
};

/** key → area, from the English files. */
const areaOf = new Map();
for (const area of AREAS) {
  const words = (await import(new URL(messageFile(area, 'en'), new URL('lib/', `file://${web}`)))).default;
  for (const key of Object.keys(words)) areaOf.set(key, area);
}
const PLURAL = /\.(zero|one|two|few|many|other)$/;
/** The keys a t()/tn() argument stands for: itself, or its plural forms. */
const keysFor = (key) =>
  areaOf.has(key) ? [key] : [...areaOf.keys()].filter((k) => PLURAL.test(k) && k.replace(PLURAL, '') === key);

/** The page's modules: its entry script and every module it imports, statically or with a literal import(). */
function modules(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || file.includes('/vendor/') || file.includes('/lib/messages/')) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers =
      /(?:import|export)\s[^'"`;]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|import\s+'(\.[^']+)'/g;
    for (const m of source.matchAll(specifiers)) stack.push(normalize(join(dirname(file), m[1] ?? m[2] ?? m[3])));
  }
  return seen;
}

// issue 15 (7): a page lives in its own folder, pages/<name>/<name>.html, and is served as /<name>.html
const pages = readdirSync(join(web, 'pages')).map((name) => `${name}.html`);
const pageFile = (page) => join(web, 'pages', page.replace(/\.html$/, ''), page);

test('every page has a role, and names only areas of its role (no staff words on a student page, nor the reverse)', () => {
  const roleOf = new Map(Object.entries(ROLES).flatMap(([role, r]) => r.pages.map((p) => [`${p}.html`, role])));
  for (const page of pages) {
    assert.ok(roleOf.has(page), `${page}: add it to ROLES`);
    const html = readFileSync(pageFile(page), 'utf8');
    const meta = /<meta name="messages" content="([^"]*)"/.exec(html);
    assert.ok(meta, `${page} names its message areas`);
    for (const area of meta[1].split(/\s+/).filter(Boolean)) {
      assert.ok(AREAS.includes(area), `${page}: ${area} is an area`);
      assert.ok(ROLES[roleOf.get(page)].areas.includes(area), `${page} (${roleOf.get(page)}) must not load ${area}`);
    }
  }
});

test('every key a page uses is in the areas it loads, so none shows raw', () => {
  for (const page of pages) {
    const html = readFileSync(pageFile(page), 'utf8');
    const document = {
      querySelector: () => ({ getAttribute: () => /<meta name="messages" content="([^"]*)"/.exec(html)?.[1] }),
    };
    const loaded = pageAreas(document);
    const missing = new Set();
    const use = (key, where) => {
      const keys = keysFor(key);
      if (keys.length === 0) missing.add(`${key} (no such key, ${where})`);
      for (const k of keys) if (!loaded.includes(areaOf.get(k))) missing.add(`${k} (${areaOf.get(k)}, ${where})`);
    };
    for (const m of html.matchAll(/data-i18n="([^"]+)"/g)) use(m[1], page);
    for (const m of html.matchAll(/data-i18n-attr="([^"]+)"/g))
      for (const pair of m[1].split(';')) use(pair.split(':')[1].trim(), page);
    const entry = /<script type="module" src="([^"]+)"/.exec(html)[1];
    const files = modules(join(web, entry));
    assert.ok(
      [...files].some((f) => /\blocalise\(\)/.test(readFileSync(f, 'utf8')) && !f.endsWith('i18n.js')),
      `${page} calls localise() (app.css hides it until then)`,
    );
    for (const file of files) {
      if (file.endsWith('/lib/i18n.js')) continue;
      const source = readFileSync(file, 'utf8');
      const where = file.slice(web.length);
      for (const m of source.matchAll(/\b(?:t|tn|has)\(\s*'([^']+)'/g)) use(m[1], where);
      for (const m of source.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) if (keysFor(m[1]).length) use(m[1], where);
      for (const m of source.matchAll(/\b(?:t|tn|has)\(\s*`([\w.-]+\.)\$\{/g)) {
        const keys = [...areaOf.keys()].filter((k) => k.startsWith(m[1]));
        if (m[1] !== 'api.') assert.ok(keys.length > 0, `${where}: some key starts with ${m[1]}`);
        for (const k of keys) use(k, `${where}, \`${m[1]}\${…}\``);
      }
    }
    assert.deepEqual([...missing], [], `${page} loads ${loaded.join(', ')}`);
  }
});

test('only lib/i18n.js loads message files, and every area has one per language', () => {
  for (const area of AREAS)
    for (const lang of LANGS)
      assert.ok(existsSync(join(web, 'lib', messageFile(area, lang))), `${messageFile(area, lang)} exists`);
  const all = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? all(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
    );
  for (const file of all(web).filter((f) => !f.includes('/lib/messages/') && !f.endsWith('/lib/i18n.js')))
    assert.doesNotMatch(readFileSync(file, 'utf8'), /['"`][^'"`]*messages\/[\w.]+\.js['"`]/, file);
});

test('a page without a document (these tests) loads every area; a page loads common, errors and what it names', () => {
  assert.deepEqual(pageAreas(null), AREAS);
  const named = (content) => ({ querySelector: () => (content === null ? null : { getAttribute: () => content }) });
  assert.deepEqual(pageAreas(named('staff banklife')), ['common', 'errors', 'staff', 'banklife']);
  assert.deepEqual(pageAreas(named('')), ['common', 'errors']);
  assert.deepEqual(pageAreas(named(null)), ['common', 'errors']);
  assert.deepEqual(pageAreas(named('nonsense student')), ['common', 'errors', 'student']);
});

test('KaTeX is served from a folder named with its version (immutable caching): the one package.json installs', () => {
  const version = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).dependencies
    .katex;
  const pom = readFileSync(new URL('../../../pom.xml', import.meta.url), 'utf8');
  assert.match(pom, new RegExp(`<katex.version>${version.replace(/\./g, '\\.')}</katex.version>`));
  assert.match(
    readFileSync(join(web, 'lib/richtext.js'), 'utf8'),
    new RegExp(`'\\.\\./vendor/katex-${version}/katex\\.mjs'`),
  );
});

test('every page names its script and styles relatively and modules import relatively, so all come under /r/<release>/', () => {
  for (const page of pages) {
    const html = readFileSync(pageFile(page), 'utf8');
    for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
      if (m[1].startsWith('data:')) continue;
      assert.match(m[1], /^(pages|lib|css|vendor)\//, `${page}: ${m[1]} (the engine puts these under the release)`);
    }
  }
  const all = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? all(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
    );
  for (const file of all(web))
    assert.doesNotMatch(
      readFileSync(file, 'utf8'),
      /(?:\bfrom\s*|\bimport\s*\(?\s*)'\//,
      `${file} imports by a path from /`,
    );
});
