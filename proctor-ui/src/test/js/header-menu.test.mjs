// Issue 15 (4, 7): the signed-in header as one row and a menu (lib/header-menu.js): who is signed in and the sign-outs
// in the menu on every width, the staff links and the language in it on a phone; a real button that says whether it
// is open, Escape closing it and giving the focus back, and the elements the browser tests use keeping their ids.
import assert from 'node:assert/strict';
import test from 'node:test';
import { Window } from 'happy-dom';

const window = new Window();
globalThis.document = window.document;
const session = new Map();
globalThis.sessionStorage = {
  getItem: (key) => session.get(key) ?? null,
  setItem: (key, value) => session.set(key, value),
  removeItem: (key) => session.delete(key),
};
globalThis.localStorage = { getItem: () => 'kk', setItem() {} };
const { headerMenu, nextMenu, placeOf, PARTS } = await import('../../main/web/lib/header-menu.js');
const { staffHeader } = await import('../../main/web/lib/staff-header.js');

/** A media query the test switches between a phone and a laptop. */
function fakeMedia(matches) {
  const listeners = [];
  return {
    matches,
    addEventListener: (type, fn) => listeners.push(fn),
    set(value) {
      this.matches = value;
      for (const fn of listeners) fn();
    },
  };
}

/** A staff page's header as startSignedInPage() leaves it (links, who, both sign-outs, the language switch). */
function staffPage(roles = ['admin']) {
  session.set('emtihan.user', JSON.stringify({ id: 'admin', name: 'Әсел Нұрланқызы', roles }));
  document.body.innerHTML = '<header class="site-header" data-staff-header="users.html"></header><main></main>';
  staffHeader(document);
  document.getElementById('who').textContent = 'Пайдаланушы: Әсел Нұрланқызы';
  document
    .getElementById('logout')
    .after(Object.assign(document.createElement('a'), { id: 'logout-all', className: 'logout', href: 'index.html' }));
  const language = document.createElement('div');
  language.className = 'language-switch';
  language.innerHTML =
    '<label for="language">Тіл</label><select id="language"><option value="kk">Қазақша</option></select>';
  document.querySelector('.site-header').append(language);
  return document.querySelector('.site-header');
}

const ids = (el) => [...el.children].map((c) => c.id || c.className);

test('where each part goes: who and the sign-outs in the menu; links and language in the row unless on a phone', () => {
  const wide = { narrow: false, signOut: true };
  const phone = { narrow: true, signOut: true };
  assert.deepEqual(
    PARTS.map((p) => placeOf(p, wide)),
    ['panel', 'row', 'row', 'panel', 'panel'],
  );
  assert.deepEqual(
    PARTS.map((p) => placeOf(p, phone)),
    ['panel', 'panel', 'panel', 'panel', 'panel'],
  );
  // the test page has no sign-out: on a laptop who is signed in stays in view, there is nothing to put in a menu
  assert.equal(placeOf('who', { narrow: false, signOut: false }), 'row');
  assert.equal(placeOf('who', { narrow: true, signOut: false }), 'panel');
});

test('the menu opens and closes: Escape closes an open menu and gives the focus back, a closed one stays closed', () => {
  assert.deepEqual(nextMenu(false, 'toggle'), { open: true, focusButton: false });
  assert.deepEqual(nextMenu(true, 'toggle'), { open: false, focusButton: false });
  assert.deepEqual(nextMenu(true, 'escape'), { open: false, focusButton: true });
  assert.deepEqual(nextMenu(false, 'escape'), { open: false, focusButton: false }, 'Escape elsewhere moves no focus');
  for (const event of ['outside', 'left', 'resized']) assert.equal(nextMenu(true, event).open, false, event);
  assert.equal(nextMenu(true, 'none').open, true);
});

test('on a laptop the row keeps the links and the language; the button (named) opens who and both sign-outs', () => {
  const header = staffPage();
  const button = headerMenu(document, fakeMedia(false));
  assert.equal(button.id, 'menu-button');
  assert.equal(button.tagName, 'BUTTON');
  assert.equal(button.getAttribute('type'), 'button');
  assert.equal(button.getAttribute('aria-controls'), 'site-menu');
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  assert.equal(button.querySelector('.menu-name').textContent, 'Әсел Нұрланқызы');
  assert.equal(button.querySelector('.menu-word').textContent, 'Мәзір');
  assert.deepEqual(ids(header), ['brand', 'staff-nav', 'language-switch', 'menu-button', 'site-menu']);
  const panel = document.getElementById('site-menu');
  assert.equal(panel.hidden, true);
  assert.deepEqual(ids(panel), ['who', 'logout', 'logout-all']);
  assert.equal(button.nextElementSibling, panel, 'Tab goes from the button into the panel');
  assert.equal(headerMenu(document, fakeMedia(false)), null, 'once only');
  assert.equal(document.querySelectorAll('#menu-button').length, 1);

  button.click();
  assert.equal(button.getAttribute('aria-expanded'), 'true');
  assert.equal(panel.hidden, false);
  document.getElementById('logout').focus();
  document.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  assert.equal(button.getAttribute('aria-expanded'), 'false');
  assert.equal(panel.hidden, true);
  assert.equal(document.activeElement, button, 'the focus is back on the button');

  button.click();
  document.querySelector('main').click();
  assert.equal(panel.hidden, true, 'a click elsewhere closes it');
});

test('on a phone the links and the language move into the menu (the same elements), and back on a wider screen', () => {
  const header = staffPage();
  const select = document.getElementById('language');
  const media = fakeMedia(true);
  const button = headerMenu(document, media);
  const panel = document.getElementById('site-menu');
  assert.deepEqual(ids(header), ['brand', 'menu-button', 'site-menu'], 'one row: the name and the menu button');
  assert.deepEqual(ids(panel), ['who', 'staff-nav', 'language-switch', 'logout', 'logout-all']);
  assert.equal(document.getElementById('language'), select, 'moved, not copied: its listeners stay');
  assert.equal(document.querySelectorAll('#language, #staff-nav, #who, #logout, #logout-all').length, 5);
  button.click();
  media.set(false);
  assert.equal(panel.hidden, true, 'crossing the width closes the menu');
  assert.deepEqual(ids(header), ['brand', 'staff-nav', 'language-switch', 'menu-button', 'site-menu']);
  assert.deepEqual(ids(panel), ['who', 'logout', 'logout-all']);
});

test('the test page (no sign-out): who stays in view on a laptop with no button; on a phone both go in the menu', () => {
  session.set('emtihan.user', JSON.stringify({ id: 'student3', name: 'Student 3', roles: ['student'] }));
  document.body.innerHTML =
    '<header class="site-header"><p class="brand">Emtihan</p><p class="who" id="who">Student 3</p>' +
    '<div class="language-switch"><select id="language"></select></div></header>';
  const media = fakeMedia(false);
  const button = headerMenu(document, media);
  assert.equal(button.hidden, true, 'a menu would hold nothing');
  assert.deepEqual(ids(document.querySelector('header')), [
    'brand',
    'who',
    'language-switch',
    'menu-button',
    'site-menu',
  ]);
  media.set(true);
  assert.equal(button.hidden, false);
  assert.deepEqual(ids(document.getElementById('site-menu')), ['who', 'language-switch']);
});

test('a page without a signed-in header (sign-in, verify) gets no menu', () => {
  document.body.innerHTML = '<header class="site-header"><p class="brand">Emtihan</p></header>';
  assert.equal(headerMenu(document, fakeMedia(true)), null);
  assert.equal(document.getElementById('menu-button'), null);
});
