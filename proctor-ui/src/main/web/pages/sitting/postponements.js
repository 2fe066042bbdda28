/**
 * The console's part of postponement and the grade "I" (6.15.2-6.15.3), drawn by sitting.html's render() from the
 * sitting as last read: the students' applications with their reasons and scans (fetched with the bearer token and
 * saved from a blob URL, since a plain link cannot carry it), the chair's allow / refuse with a reason, and the
 * decisions; in the list of students, a postponed student's step is "postponed" and the grade "I" (or "F" once its
 * deadline passed) shows next to the name.
 *
 * An item is drawn again only when its application changes, so a reason being typed survives the live reloads.
 *
 * For tests: #postponements-section, li[data-postponement][data-student][data-state=awaiting|allowed|refused],
 * button[data-action=scan|allow|refuse], input[data-deadline] (the chair's optional last day to retake the exam),
 * a[data-scan-bytes] once the scan is fetched, .postponement-error[data-error],
 * li[data-student][data-step=postponed] .standing-badge[data-letter].
 */

import { h } from '../../lib/dom.js';
import { dateValue, localDateInput } from '../../lib/date-input.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import * as api from '../../lib/api/sittings.js';
import { progressOf } from '../../lib/sitting/flow.js';
import {
  SCAN_TYPES,
  isPostponed,
  kilobytes,
  postponementState,
  scanFilename,
  standingOf,
} from '../../lib/sitting/postponements.js';
import { $, busy, clearError, fill, showError, showProblems } from '../../lib/staff.js';
import { nameIn } from '../../lib/people.js';

/** The scans fetched in this page, by application: {url (blob:), bytes}; kept across renders. */
const scans = new Map();
window.addEventListener('pagehide', () => scans.forEach((scan) => URL.revokeObjectURL(scan.url)), { once: true });

/**
 * Draws the panel and marks postponed students. sittingId names the sitting in API calls; reload() reads it again
 * after a decision (the live socket also tells every other page); askFirst(kind, params) asks before a decision
 * (issue 15, item 5: a rare action confirms before acting).
 */
export function renderPostponements(sitting, { sittingId, reload, askFirst }) {
  const role = sitting.role ?? 'none';
  const list = sitting.postponements ?? [];
  const handlers = ['chair', 'secretary', 'none'];
  $('postponements-section').hidden = !handlers.includes(role) && list.length === 0;
  $('postponements-none').hidden = list.length > 0;
  const ctx = { sittingId, reload, role, sitting, askFirst };
  const items = $('postponements');
  const kept = new Map([...items.children].map((li) => [li.dataset.postponement, li]));
  const wanted = list.map((p) => {
    const key = itemKey(p, ctx);
    const old = kept.get(p.id);
    return old && old.dataset.key === key ? old : item(p, key, ctx);
  });
  const same = wanted.length === items.children.length && wanted.every((li, i) => items.children[i] === li);
  if (!same) fill(items, ...wanted); // moving a focused textarea would lose what the chair is typing
  markStudents(sitting);
}

function itemKey(p, ctx) {
  const standing = standingOf(progressOf(ctx.sitting, p.studentId));
  return [p.id, postponementState(p), ctx.role, standing?.letter ?? '', standing?.deadline ?? ''].join('|');
}

function item(p, key, ctx) {
  const state = postponementState(p);
  const error = h('div', { class: 'notice notice-error postponement-error', role: 'alert', hidden: true });
  const li = h(
    'li',
    {
      class: 'act postponement',
      'data-postponement': p.id,
      'data-student': p.studentId,
      'data-state': state,
      'data-key': key,
    },
    h('p', {
      class: 'act-title',
      // issue 15 (2): the student by name (the sitting's people), as everywhere on the console
      text: t('sitting.postponement.item', {
        student: nameIn(ctx.sitting.people, p.studentId),
        time: formatDateTime(p.appliedAt),
      }),
    }),
    h('p', { class: 'act-description', text: p.reason }),
    ['chair', 'secretary', 'none'].includes(ctx.role) ? scanSlot(p, ctx, error) : null,
    decision(p, state, ctx),
    state === 'awaiting' && ctx.role === 'chair' ? decisionForm(p, ctx, error) : null,
    error,
  );
  return li;
}

/** The scan: a button that fetches it with the token, then a link that saves it from a blob URL. */
function scanSlot(p, ctx, error) {
  const type = (SCAN_TYPES[p.documentType] ?? p.documentType ?? '').toUpperCase();
  const slot = h('p', { class: 'postponement-scan actions' });
  const button = h('button', {
    type: 'button',
    class: 'button',
    'data-action': 'scan',
    text: t('sitting.postponement.scan', { type }),
  });
  const showLink = (scan) => {
    const link = h('a', {
      class: 'scan-link',
      href: scan.url,
      download: scanFilename(ctx.sittingId, p),
      'data-scan-bytes': scan.bytes,
      text: t('sitting.postponement.scanSave', { type, size: kilobytes(scan.bytes) }),
    });
    fill(slot, link); // fetched once; the link saves it again
    return link;
  };
  button.addEventListener('click', async () => {
    clearError(error);
    try {
      const blob = await busy(button, t('sitting.postponement.scanFetching'), () =>
        api.postponementDocument(ctx.sittingId, p.id),
      );
      const typed = new Blob([blob], { type: p.documentType ?? blob.type }); // the engine serves the stored type; kept for older replies
      const before = scans.get(p.id);
      if (before) URL.revokeObjectURL(before.url);
      const scan = { url: URL.createObjectURL(typed), bytes: typed.size };
      scans.set(p.id, scan);
      const link = showLink(scan);
      link.click(); // saves it; the link stays for another copy
      link.focus();
    } catch (err) {
      showError(error, err);
    }
  });
  if (scans.has(p.id)) showLink(scans.get(p.id));
  else fill(slot, button);
  return slot;
}

function decision(p, state, ctx) {
  if (state === 'awaiting')
    return ctx.role === 'chair' ? null : h('p', { class: 'notice', text: t('sitting.postponement.state.awaiting') });
  const when = { by: p.decidedBy ?? '—', time: p.decidedAt ? formatDateTime(p.decidedAt) : '' };
  if (state === 'refused') {
    return h('p', {
      class: 'notice notice-error postponement-decision',
      text: t('sitting.postponement.state.refused', { ...when, reason: p.decisionReason || '—' }),
    });
  }
  const standing = standingOf(progressOf(ctx.sitting, p.studentId));
  const deadline = standing?.deadline ? formatDateTime(standing.deadline) : '—';
  return h(
    'div',
    { class: 'notice notice-ok postponement-decision' },
    h('p', { text: t('sitting.postponement.state.allowed', { ...when, deadline }) }),
    standing?.state === 'failed'
      ? h('p', { class: 'standing-failed', text: t('sitting.postponement.failed', { deadline }) })
      : null,
    standing?.state === 'graded'
      ? h('p', { text: t('sitting.postponement.graded', { letter: standing.letter }) })
      : null,
  );
}

/**
 * The chair's decision: allow (the grade becomes "I" until the day chosen, else the configured deadline; 6.15.2-6.15.3),
 * or refuse with a reason the student reads. The engine checks the day and says the allowed range when it is outside.
 */
function decisionForm(p, ctx, error) {
  const id = `postponement-${p.id}-reason`;
  const reason = h('textarea', { id, rows: '2', maxlength: '2000', 'data-reason': p.id });
  const dayId = `postponement-${p.id}-deadline`;
  const day = h('input', { id: dayId, type: 'date', 'data-deadline': p.id });
  const decide = async (button, allowed) => {
    clearError(error);
    const text = reason.value.trim();
    if (!allowed && !text) {
      reason.setAttribute('aria-invalid', 'true');
      showProblems(error, t('sitting.postponement.needReason'), []);
      reason.focus();
      return;
    }
    reason.removeAttribute('aria-invalid');
    const student = ctx.sitting.people?.[p.studentId] ?? p.studentId;
    if (!(await ctx.askFirst(allowed ? 'allow' : 'refuse', { student }))) return;
    try {
      await busy(button, t('staff.busy.saving'), () =>
        api.decidePostponement(ctx.sittingId, p.id, allowed, text, dateValue(day)),
      );
      await ctx.reload();
    } catch (err) {
      showError(error, err);
    }
  };
  const form = h(
    'form',
    { class: 'form postponement-form', novalidate: true, 'data-postponement-form': p.id },
    h('div', { class: 'field' }, h('label', { for: id, text: t('sitting.postponement.reason') }), reason),
    h('div', { class: 'field' }, h('label', { for: dayId, text: t('sitting.postponement.deadline') }), day),
    h(
      'p',
      { class: 'actions' },
      h('button', {
        type: 'submit',
        class: 'button button-primary',
        'data-action': 'allow',
        text: t('sitting.postponement.allow'),
      }),
      h('button', {
        type: 'button',
        class: 'button button-danger',
        'data-action': 'refuse',
        text: t('sitting.postponement.refuse'),
        on: { click: (event) => decide(event.currentTarget, false) },
      }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    decide(form.querySelector('button[data-action=allow]'), true);
  });
  localDateInput(day); // issue 15 (2): the day in the page's language, sent as 2026-12-01 as before
  return form;
}

/** In the list of students and for the chosen one: the step "postponed" and the grade the student holds. */
function markStudents(sitting) {
  for (const li of document.querySelectorAll('#students li[data-student]')) {
    const p = progressOf(sitting, li.dataset.student);
    if (isPostponed(p)) li.dataset.step = 'postponed';
    li.querySelector('.standing-badge')?.remove();
    const standing = standingOf(p);
    if (standing) li.querySelector('.student-name')?.append(badge(standing));
  }
  const current = $('current');
  const chosen = current.dataset.student;
  const slot = $('current-standing') ?? h('p', { id: 'current-standing', class: 'current-standing' });
  if (!slot.isConnected) $('current-status').after(slot);
  const p = chosen ? progressOf(sitting, chosen) : null;
  const standing = p ? standingOf(p) : null;
  fill(slot, standing ? badge(standing, true) : null);
  slot.hidden = !standing;
  if (p && isPostponed(p)) {
    current.dataset.step = 'postponed';
    $('step-hint').textContent = t('sitting.next.postponed', {
      deadline: standing?.deadline ? formatDateTime(standing.deadline) : '—',
    });
  }
}

function badge(standing, long = false) {
  const deadline = standing.deadline ? formatDateTime(standing.deadline) : '—';
  const words = t(`sitting.standing.${standing.state}`, { letter: standing.letter, deadline });
  return h(
    'span',
    {
      class: `standing-badge standing-${standing.state}`,
      'data-letter': standing.letter,
      title: long ? null : words,
      text: long ? words : standing.letter,
    },
    long ? null : h('span', { class: 'sr-only', text: ` ${words}` }),
  );
}
