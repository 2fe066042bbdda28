/**
 * Issue 15 (4, 7): the header of every signed-in page as one row with a menu. Who is signed in (#who) and the two
 * sign-outs (#logout, #logout-all) live in the menu on every width; on a phone (≤ 600 px) the staff links
 * (#staff-nav) and the language switch (#language) join them, so the header is one row of the product's name and
 * the menu button (docs/screenshots/pages/README.md: it was four lines, 155–195 px of 844). On a laptop the links and
 * the language stay in the row, and an administrator's five links fit one row with the name in the button.
 *
 * The menu is a disclosure: a real <button> (#menu-button, aria-expanded, aria-controls="site-menu") right before its
 * panel (#site-menu) in the document, so Tab goes from the button into the panel; Escape closes it and gives the
 * focus back to the button; a click elsewhere or the focus leaving the header closes it. The elements keep their
 * ids and listeners: they are moved, not copied. startSignedInPage() (lib/page.js) calls headerMenu() once the
 * header is complete.
 */

import { h } from './dom.js';
import { t } from './i18n.js';
import { user } from './session.js';

/** A phone: the width up to which the links and the language move into the menu (37.5rem = 600 px). */
export const NARROW = '(max-width: 37.5rem)';

/** The parts of a signed-in header, in the order the menu's panel lists them. */
export const PARTS = ['who', 'nav', 'language', 'logout', 'logoutAll'];

/**
 * Where a part of the header goes: 'row' (always in view) or 'panel' (in the menu). The links and the language stay
 * in the row on a wide screen; who is signed in stays there too on a page with no sign-out (the test page), where a
 * menu holding one line would only hide it.
 */
export function placeOf(part, { narrow, signOut }) {
  if (part === 'nav' || part === 'language') return narrow ? 'panel' : 'row';
  if (part === 'who') return narrow || signOut ? 'panel' : 'row';
  return 'panel';
}

/**
 * The menu after an event: 'toggle' (the button), 'escape', 'outside' (a click elsewhere), 'left' (the focus went
 * out of the header), 'resized' (the screen crossed the phone's width). focusButton: give the focus back to the
 * button (Escape on an open menu, so the keyboard user is where they were).
 */
export function nextMenu(open, event) {
  switch (event) {
    case 'toggle':
      return { open: !open, focusButton: false };
    case 'escape':
      return { open: false, focusButton: open };
    case 'outside':
    case 'left':
    case 'resized':
      return { open: false, focusButton: false };
    default:
      return { open, focusButton: false };
  }
}

/**
 * Turns the page's .site-header into the row and its menu (once); returns the button, or null on a page without a
 * signed-in header (sign-in, verify). media: the phone's media query (window.matchMedia(NARROW)).
 */
export function headerMenu(doc = document, media = globalThis.matchMedia?.(NARROW) ?? null) {
  const header = doc.querySelector('.site-header');
  if (!header || doc.getElementById('menu-button')) return null;
  const found = {
    who: doc.getElementById('who'),
    nav: doc.getElementById('staff-nav'),
    language: header.querySelector('.language-switch'),
    logout: doc.getElementById('logout'),
    logoutAll: doc.getElementById('logout-all'),
  };
  if (!found.who) return null;
  const me = user();
  const button = h(
    'button',
    { id: 'menu-button', class: 'menu-button', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'site-menu' },
    h('span', { class: 'menu-icon', 'aria-hidden': 'true' }),
    h('span', { class: 'menu-name', text: me?.name ?? me?.id ?? '' }),
    h('span', { class: 'menu-word', 'data-i18n': 'app.menu', text: t('app.menu') }),
  );
  const panel = h('div', { id: 'site-menu', class: 'site-menu', hidden: true });
  header.append(button, panel);
  header.classList.add('has-menu');
  const signOut = Boolean(found.logout);
  let open = false;

  const apply = (event) => {
    const next = nextMenu(open, event);
    open = next.open;
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    header.dataset.menu = open ? 'open' : 'closed';
    if (next.focusButton) button.focus();
  };
  const place = () => {
    const narrow = Boolean(media?.matches);
    header.dataset.narrow = String(narrow);
    for (const part of PARTS) {
      const el = found[part];
      if (el && placeOf(part, { narrow, signOut }) === 'row') button.before(el);
    }
    panel.replaceChildren(
      ...PARTS.filter((part) => found[part] && placeOf(part, { narrow, signOut }) === 'panel').map((p) => found[p]),
    );
    button.hidden = panel.childElementCount === 0;
  };

  button.addEventListener('click', () => apply('toggle'));
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) apply('escape');
  });
  doc.addEventListener('click', (event) => {
    if (open && !header.contains(event.target)) apply('outside');
  });
  header.addEventListener('focusout', (event) => {
    if (open && event.relatedTarget && !header.contains(event.relatedTarget)) apply('left');
  });
  media?.addEventListener?.('change', () => {
    apply('resized');
    place();
  });
  place();
  apply('none');
  return button;
}
