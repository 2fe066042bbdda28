// Issue 15 (7): proctor-ui laid out by page (docs/proctor-ui-layout.md): one folder per page with its HTML, entry
// module and parts; what two pages share in lib/; the staff header rendered by one module (lib/staff-header.js).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'node:test';
import { Window } from 'happy-dom';

const web = fileURLToPath(new URL('../../main/web/', import.meta.url));
const window = new Window();
globalThis.document = window.document;
const session = new Map();
globalThis.sessionStorage = {
  getItem: (key) => session.get(key) ?? null,
  setItem: (key, value) => session.set(key, value),
  removeItem: (key) => session.delete(key),
};
globalThis.localStorage = { getItem: () => 'kk', setItem() {} };
const { LINKS, staffHeader } = await import('../../main/web/lib/staff-header.js');

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(web, join(dir, e.name))],
  );
const all = files(web);
const pages = readdirSync(join(web, 'pages'));
const html = (page) => readFileSync(join(web, 'pages', page, `${page}.html`), 'utf8');

/** The files a module imports relatively (statically or with a literal import()), as paths under web/. */
function imports(file) {
  const source = readFileSync(join(web, file), 'utf8');
  const specifiers = /(?:import|export)\s[^'"`;]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)|import\s+'(\.[^']+)'/g;
  return [...source.matchAll(specifiers)].map((m) => normalize(join(dirname(file), m[1] ?? m[2] ?? m[3])));
}

/** A page's modules: its entry and everything it imports, transitively (message files and vendor left out). */
function graph(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || file.startsWith('vendor/') || file.startsWith('lib/messages/')) continue;
    seen.add(file);
    stack.push(...imports(file));
  }
  return seen;
}

test('every page is a folder pages/<name>/ with <name>.html, whose module is <name>.js there; no HTML elsewhere', () => {
  assert.ok(pages.length >= 21, pages.join(' '));
  for (const page of pages) {
    const entry = /<script type="module" src="([^"]+)"/.exec(html(page))?.[1];
    assert.equal(entry, `pages/${page}/${page}.js`, `${page}: the entry module (named from the page's address)`);
  }
  const htmls = all.filter((f) => f.endsWith('.html'));
  assert.deepEqual(htmls.sort(), pages.map((p) => `pages/${p}/${p}.html`).sort(), 'HTML only as pages/<name>/');
  assert.deepEqual(
    all.filter((f) => f.startsWith('pages/') && f.split('/').length !== 3),
    [],
    'a page folder has no sub-folders',
  );
});

test("a page's modules import only from their own folder and lib/; lib/ never from a page", () => {
  for (const file of all.filter((f) => f.endsWith('.js'))) {
    const [top, folder] = file.split('/');
    for (const target of imports(file)) {
      if (target.startsWith('vendor/')) continue;
      if (top === 'lib') assert.ok(target.startsWith('lib/'), `${file} imports ${target}: lib/ serves the pages`);
      else
        assert.ok(
          target.startsWith('lib/') || target.startsWith(`pages/${folder}/`),
          `${file} imports ${target}: what two pages share goes into lib/`,
        );
    }
  }
  // and nothing in a page folder is left unused
  const used = new Set(pages.flatMap((p) => [...graph(`pages/${p}/${p}.js`)]));
  for (const file of all.filter((f) => f.startsWith('pages/') && f.endsWith('.js')))
    assert.ok(used.has(file), `${file} is part of no page`);
});

test('no page carries a copy of the staff header: the staff pages name theirs for lib/staff-header.js', () => {
  for (const page of pages) {
    const source = html(page);
    assert.doesNotMatch(source, /class="staff-nav"/, `${page}: the links come from lib/staff-header.js`);
    const usesHeader = [...graph(`pages/${page}/${page}.js`)].some((f) => f === 'lib/staff-header.js');
    const header = /<header class="site-header" data-staff-header="([^"]*)"><\/header>/.exec(source);
    assert.equal(Boolean(header), usesHeader, `${page}: an empty <header data-staff-header> if and only if rendered`);
    if (header && header[1])
      assert.ok(
        LINKS.some((l) => l.href === header[1]),
        `${page}: ${header[1]} is a link`,
      );
  }
});

/** The header as the person with these roles sees it on a page whose current link is current. */
function render(roles, current) {
  session.set('emtihan.user', JSON.stringify({ id: 'u1', name: 'U', roles }));
  document.body.innerHTML = `<header class="site-header" data-staff-header="${current}"></header>`;
  staffHeader(document);
  staffHeader(document); // once only
  const header = document.querySelector('header');
  return {
    header,
    links: [...header.querySelectorAll('nav a')].map((a) => [
      a.getAttribute('href'),
      a.textContent,
      a.getAttribute('aria-current'),
    ]),
  };
}

test('the staff header: brand, the links of the roles (kk), this page marked, who and log out with their ids', () => {
  const admin = render(['admin'], 'teacher.html');
  assert.deepEqual(admin.links, [
    ['teacher.html', 'Банктер мен емтихандар', 'page'],
    ['sittings.html', 'Ауызша аттестация', null],
    ['registry.html', 'Тізілім', null],
    ['users.html', 'Пайдаланушылар', null],
    ['lti-platforms.html', 'ОБЖ', null], // issue 16 (1)
    ['statements.html', 'Мерзімді ұзарту', null],
  ]);
  const { header } = admin;
  assert.equal(header.querySelector('.brand').textContent, 'Emtihan');
  assert.equal(header.querySelector('nav').id, 'staff-nav');
  assert.equal(header.querySelector('nav').getAttribute('aria-label'), 'Қызметкерлер беттері');
  assert.equal(header.querySelector('#who').className, 'who');
  assert.equal(header.querySelector('#logout').getAttribute('href'), 'index.html');
  assert.equal(header.querySelector('#logout').textContent, 'Шығу');
  assert.equal(header.querySelectorAll('nav').length, 1);
});

test('the staff header per role: a proctor\'s home is "Exams", the commission\'s sittings, a student sees only own pages', () => {
  assert.deepEqual(render(['proctor'], '').links, [
    ['teacher.html', 'Емтихандар', null],
    ['registry.html', 'Тізілім', null],
  ]);
  assert.deepEqual(render(['secretary'], 'sittings.html').links, [
    ['sittings.html', 'Ауызша аттестация', 'page'],
    ['registry.html', 'Тізілім', null],
  ]);
  assert.deepEqual(render(['student'], 'statements.html').links, [
    ['exams.html', 'Менің емтихандарым', null],
    ['statements.html', 'Мерзімді ұзарту', 'page'],
  ]);
  assert.deepEqual(render(['dean'], 'statements.html').links, [
    ['teacher.html', 'Емтихандар', null],
    ['statements.html', 'Мерзімді ұзарту', 'page'],
  ]);
  assert.deepEqual(render(['teacher', 'expert'], '').links, [
    ['teacher.html', 'Банктер мен емтихандар', null],
    ['registry.html', 'Тізілім', null],
  ]);
});

test('one way of calling the API: only lib/api/ modules send requests; pages call them by name', () => {
  const modules = readdirSync(join(web, 'lib/api')).map((f) => f.replace(/\.js$/, ''));
  assert.ok(modules.includes('client'), modules.join(' '));
  for (const file of all.filter((f) => f.endsWith('.js') && !f.startsWith('lib/api/'))) {
    const source = readFileSync(join(web, file), 'utf8');
    // fetch() of its own only for the public receipt keys (not the API: no token, no refusal)
    for (const line of source.split('\n').filter((l) => /(?<![.\w])fetch\(/.test(l) && !/^\s*(\*|\/\/)/.test(l)))
      assert.match(line, /well-known|KEYS_URL/, `${file}: API calls go through lib/api/client.js`);
    for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'[^']*api\/client\.js'/g)) {
      const names = m[1].split(',').map((s) => s.trim().split(/\s+as\s+/)[0]);
      for (const verb of ['request', 'get', 'post', 'put', 'patch', 'del'])
        assert.ok(!names.includes(verb), `${file} sends ${verb}() itself: name the call in lib/api/<area>.js`);
    }
  }
  // every call module is written over the client's verbs, never with fetch() of its own
  for (const module of modules.filter((m) => m !== 'client')) {
    const source = readFileSync(join(web, 'lib/api', `${module}.js`), 'utf8');
    assert.match(source, /from '\.\/client\.js'/, `lib/api/${module}.js`);
    assert.doesNotMatch(source, /(?<![.\w])fetch\(/, `lib/api/${module}.js`);
  }
});
