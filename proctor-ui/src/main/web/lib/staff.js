/**
 * What the staff pages (teacher.html, bank.html, exam.html, progress.html, users.html) share: the start of
 * a signed-in staff page with role-dependent navigation, error boxes that list the API's `problems` with
 * their locators (line, index, clause, field), and small formatting helpers. Not a page of its own.
 */

import { ApiError, errorText } from './api/client.js';
import { downloadBlob, h, setState } from './dom.js';
import { formatNumber, t, pageTimeZone } from './i18n.js';
import { localValue, withOffset } from './sitting/new-time.js';
import { sessionExpired, startSignedInPage } from './page.js';
import { user } from './session.js';
import { staffHeader } from './staff-header.js';

export const $ = (id) => document.getElementById(id);

/** The signed-in user's roles. */
export function roles() {
  return user()?.roles ?? [];
}

/** True when the signed-in user has at least one of the roles. */
export function hasRole(...wanted) {
  const mine = roles();
  return wanted.some((role) => mine.includes(role));
}

/** The signed-in user's id. */
export function myId() {
  return user()?.id ?? null;
}

/**
 * Starts a staff page: header (lib/staff-header.js), who is signed in, logout, language; shows the elements marked
 * data-roles="role role" only to those roles. Returns false when nobody is signed in (the page is left).
 */
export function startStaffPage() {
  staffHeader(); // issue 15 (7): the header with the links of the signed-in roles (lib/staff-header.js)
  if (!startSignedInPage()) return false;
  for (const el of document.querySelectorAll('[data-roles]')) {
    el.hidden = !hasRole(...el.dataset.roles.split(/\s+/).filter(Boolean));
  }
  // proctors and registrars see no banks: their home is the list of exams (the header's link says so already)
  if (!hasRole('teacher', 'admin', 'expert')) {
    for (const link of document.querySelectorAll('.breadcrumb a[href="teacher.html"]')) {
      link.textContent = t('staff.back.exams');
    }
  }
  return true;
}

/**
 * Shows a failed call in box (an element with role=alert): the message and, when the API sent them, the
 * problems as a list whose items carry data-line / data-index / data-rule / data-field; box.dataset.error
 * is the API's error code. A 401 ends the session instead. Returns true when the page is being left.
 */
export function showError(box, err, { summary = null } = {}) {
  if (err instanceof ApiError && err.status === 401) {
    sessionExpired();
    return true;
  }
  const problems = err instanceof ApiError ? (err.body?.problems ?? []) : [];
  // with a list of problems, summary (when given) says what they are about instead of the server's first one
  const message = summary && problems.length > 0 ? summary : errorMessage(err);
  fill(box, h('p', { class: 'error-message', text: message }), problems.length > 0 ? problemList(problems) : null);
  box.dataset.error = err instanceof ApiError ? err.code : 'client';
  box.hidden = false;
  return false;
}

/** Shows problems found in the page itself (before sending) in the same form as the server's. */
/**
 * A live page's safety net: resync() reads the whole state again now, schedule() again every `every` ms, so that
 * whatever a dropped live event missed is put right. Errors show in errorBox() (a lost session signs out).
 */
export function resyncing(sync, errorBox, every) {
  let timer = null;
  const resync = async () => {
    try {
      await sync();
    } catch (err) {
      showError(errorBox(), err);
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      await resync();
      schedule();
    }, every);
  };
  return { resync, schedule };
}

export function showProblems(box, message, problems) {
  fill(box, h('p', { class: 'error-message', text: message }), problems.length > 0 ? problemList(problems) : null);
  box.dataset.error = 'form';
  box.hidden = false;
}

/** Replaces el's children with the given nodes, leaving out null, undefined and false. */
export function fill(el, ...children) {
  el.replaceChildren(...children.filter((child) => child !== null && child !== undefined && child !== false));
}

/** Empties and hides an error box. */
export function clearError(box) {
  box.replaceChildren();
  delete box.dataset.error;
  box.hidden = true;
}

/** The text to show for an error of any kind. */
export function errorMessage(err) {
  if (err instanceof ApiError) {
    if (err.status === 404) return t('staff.error.notFound');
    if (err.status === 413) return t('staff.error.tooLarge');
    return errorText(err);
  }
  return t('error.unexpected', { message: err?.message ?? String(err) });
}

/** A list of API problems, each with its locator in words and as a data attribute. */
export function problemList(problems) {
  return h(
    'ul',
    { class: 'problems' },
    ...problems.map((p) => {
      const attrs = { class: 'problem' };
      let where = null;
      let message = String(p.message ?? '');
      if (p.line !== undefined) {
        attrs['data-line'] = p.line;
        if (p.column !== undefined) attrs['data-column'] = p.column;
        where =
          p.column !== undefined
            ? t('staff.problem.lineColumn', { line: p.line, column: p.column })
            : t('staff.problem.line', { line: p.line });
        message = message.replace(/^line \d+(, column \d+)?:\s*/i, ''); // the locator is shown already
      } else if (p.index !== undefined) {
        attrs['data-index'] = p.index;
        where = t('staff.problem.index', { n: Number(p.index) + 1 });
      } else if (p.field !== undefined) {
        where = fieldName(p.field);
      }
      if (p.rule !== undefined) attrs['data-rule'] = p.rule;
      if (p.field !== undefined) attrs['data-field'] = p.field;
      return h(
        'li',
        attrs,
        where ? h('span', { class: 'problem-where', text: `${where}:` }) : null,
        p.rule ? h('span', { class: 'clause', text: t('staff.clause', { rule: p.rule }) }) : null,
        ' ',
        h('span', { class: 'problem-text', text: message }),
      );
    }),
  );
}

function fieldName(field) {
  const key = `staff.field.${field}`;
  const text = t(key);
  return text === key ? field : text;
}

/**
 * Gives every body cell of the table a data-label with its column's heading, which the narrow layout of
 * css/staff.css shows in front of the value when a row becomes a card (390 px).
 */
export function labelColumns(table, rows = table.tBodies[0]?.rows ?? []) {
  const headings = [...(table.tHead?.rows[0]?.cells ?? [])].map((cell) => cell.textContent.trim());
  for (const row of rows) {
    [...row.cells].forEach((cell, i) => {
      if (headings[i]) cell.dataset.label = headings[i];
    });
  }
}

/** A term and its value for a <dl class="facts">. */
export function fact(term, value, attrs = {}) {
  return h('div', { class: 'fact', ...attrs }, h('dt', { text: term }), h('dd', {}, value ?? '—'));
}

/** The page could not be shown at all: message in the error box, main in the error state. */
export function pageFailed(main, loading, box, err) {
  if (loading) loading.hidden = true;
  if (showError(box, err)) return;
  setState(main, 'error');
}

/** The words for an exam kind (5.20.1-5.20.3). */
export function kindName(kind) {
  return t(`staff.kind.${kind}`);
}

/** The words for a difficulty (5.23.3). */
export function difficultyName(difficulty) {
  return t(`staff.difficulty.${difficulty}`);
}

/** The words for an attempt status. */
export function statusName(status) {
  return t(`status.${status}`);
}

/** A status badge, styled like the student pages'. */
export function statusBadge(status) {
  return h('span', { class: `status status-${status}`, text: statusName(status) });
}

/** A datetime-local value, read in the exams' time zone (issue 15, 1), as an ISO instant; null when empty or invalid. */
export function localInputToIso(value) {
  const date = new Date(withOffset(value, pageTimeZone()) ?? NaN);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A Date as a datetime-local value in the exams' time zone (minutes). */
export function toLocalInput(date) {
  return localValue(date.toISOString(), pageTimeZone());
}

/** Offers text as a file download (Blob + object URL; the URL is released afterwards). */
export function downloadText(text, filename, type) {
  downloadBlob(new Blob([text], { type }), filename);
}

/** Disables a submit button while work runs, with a busy label, and restores it. */
export async function busy(button, busyText, work) {
  const text = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-disabled', 'true');
  button.textContent = busyText;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-disabled');
    button.textContent = text;
  }
}

/** A percentage of part in whole, for display. */
export function percentOf(part, whole) {
  return whole > 0 ? formatNumber((100 * part) / whole, 1) : formatNumber(0);
}
