/**
 * Issue 15 (7): the header of the staff pages, from this one place instead of a copy in each page: the brand, the
 * links the signed-in person's roles may follow, who is signed in (#who), log out (#logout; lib/page.js makes it
 * work and adds #logout-all) and the language switch (lib/i18n.js adds it on localise()). A page writes
 *
 *   <header class="site-header" data-staff-header="sittings.html"></header>
 *
 * naming the link that is this page or its part (aria-current, shown to everyone who gets there), or "" for none,
 * and calls staffHeader() before localise() (lib/staff.js startStaffPage() does).
 */

import { h } from './dom.js';
import { t } from './i18n.js';
import { user } from './session.js';

/** Where a staff role starts (as pages/index/index.js sends them): the banks and exams. */
const HOME_ROLES = ['admin', 'teacher', 'expert', 'proctor', 'registrar', 'head', 'dean', 'director', 'vice-rector'];

/** The links between the signed-in pages, in this order, each for the roles that have work there. */
export const LINKS = [
  { href: 'exams.html', key: 'exams.heading', roles: ['student'] },
  { href: 'teacher.html', key: 'staff.nav.home', roles: HOME_ROLES },
  { href: 'sittings.html', key: 'sitting.nav', roles: ['admin', 'secretary', 'commission'] },
  {
    href: 'registry.html',
    key: 'registry.nav',
    roles: ['admin', 'registrar', 'teacher', 'proctor', 'commission', 'secretary'],
  },
  { href: 'users.html', key: 'staff.nav.users', roles: ['admin'] },
  { href: 'lti-platforms.html', key: 'lti.nav', roles: ['admin'] }, // issue 16 (1)
  { href: 'statements.html', key: 'statement.nav', roles: ['admin', 'registrar', 'dean', 'director', 'vice-rector'] },
];

/** The links roles see on a page whose own link is current (that one always). */
export function linksFor(roles, current) {
  return LINKS.filter((link) => link.href === current || link.roles.some((role) => roles.includes(role)));
}

/** The label of a link: proctors and registrars see no banks, so their home is "Exams". */
function labelKey(link, roles) {
  if (link.href !== 'teacher.html') return link.key;
  return ['teacher', 'admin', 'expert'].some((role) => roles.includes(role)) ? link.key : 'staff.nav.exams';
}

/** Fills the page's <header data-staff-header> (once); nothing when the page has none. */
export function staffHeader(doc = document) {
  const header = doc.querySelector('header[data-staff-header]');
  if (!header || header.childElementCount > 0) return;
  const current = header.dataset.staffHeader;
  const roles = user()?.roles ?? [];
  const links = linksFor(roles, current).map((link) =>
    h('a', {
      href: link.href,
      'aria-current': link.href === current ? 'page' : null,
      'data-i18n': labelKey(link, roles),
      text: t(labelKey(link, roles)),
    }),
  );
  header.append(
    h('p', { class: 'brand', 'data-i18n': 'app.name', text: t('app.name') }),
    h(
      'nav',
      {
        class: 'staff-nav',
        id: 'staff-nav',
        'data-i18n-attr': 'aria-label:staff.nav.label',
        'aria-label': t('staff.nav.label'),
      },
      links,
    ),
    h('p', { class: 'who', id: 'who' }),
    h('a', { class: 'logout', id: 'logout', href: 'index.html', 'data-i18n': 'app.logout', text: t('app.logout') }),
  );
}
