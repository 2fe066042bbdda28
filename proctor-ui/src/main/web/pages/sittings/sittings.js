/**
 * sittings.html: the sittings of the oral final attestation the signed-in user takes part in (GET /sittings), with
 * their part in each; a student's row opens their own view (sitting-student.html), everyone else's the console.
 * For tests: <main data-state>, tr[data-sitting][data-role].
 */

import { h, setState } from '../../lib/dom.js';
import { t, formatDay } from '../../lib/i18n.js';
import { mySittings } from '../../lib/api/sittings.js';
import { $, fill, labelColumns, pageFailed, startStaffPage } from '../../lib/staff.js';

const main = $('sittings');

async function start() {
  if (!startStaffPage()) return;
  let list;
  try {
    list = await mySittings();
  } catch (err) {
    pageFailed(main, $('sittings-loading'), $('sittings-error'), err);
    return;
  }
  $('sittings-loading').hidden = true;
  list.sort((a, b) => String(a.date).localeCompare(String(b.date)) || String(a.title).localeCompare(String(b.title)));
  $('sittings-none').hidden = list.length > 0;
  $('sittings-table').hidden = list.length === 0;
  fill(
    $('sittings-body'),
    ...list.map((s) => {
      const page = s.role === 'student' ? 'sitting-student.html' : 'sitting.html';
      return h(
        'tr',
        { 'data-sitting': s.id, 'data-role': s.role ?? 'none' },
        h('th', { scope: 'row' }, h('a', { href: `${page}?sitting=${encodeURIComponent(s.id)}`, text: s.title })),
        h('td', { text: formatDay(s.date) }),
        h('td', { text: t(`sitting.kind.${s.kind}`) }),
        h('td', { text: t(`sitting.role.${s.role ?? 'none'}`) }),
      );
    }),
  );
  labelColumns($('sittings-table'));
  setState(main, 'ready');
}

start();
