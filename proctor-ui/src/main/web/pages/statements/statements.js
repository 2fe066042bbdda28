/**
 * statements.html: extensions and individual statements (5.34-5.35). A student applies for an exam of theirs with a
 * reason and a scan, and follows each application: its signatures, its validity and, once issued, the way into the
 * exam. The dean, the director and the vice-rector see what awaits their signature, in the order the engine says
 * (`yourSteps`), and sign or refuse with a reason; the dean issues the statement; the registrar lists them all with
 * names and the date of each signature. The engine enforces every rule; the page shows what the caller may do now.
 *
 * For tests: main[data-state], tr[data-statement][data-status], button[data-step=sign|refuse|issue].
 */

import { ApiError, errorText } from '../../lib/api/client.js';
import { myExams } from '../../lib/api/attempts.js';
import {
  applyForStatement,
  issueStatement,
  listStatements,
  signStatement,
  statementDocument,
} from '../../lib/api/statements.js';
import { downloadBlob, h, setState, showMessage } from '../../lib/dom.js';
import { localFileInputs } from '../../lib/file-input.js';
import { formatDateTime, localise, t } from '../../lib/i18n.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import { staffHeader } from '../../lib/staff-header.js';
import { user } from '../../lib/session.js';
import { MAX_SCAN_BYTES, bytesToBase64, kilobytes, scanProblem } from '../../lib/sitting/postponements.js';

const $ = (id) => document.getElementById(id);
const main = $('statements');
const SIGNERS = ['dean', 'director', 'vice-rector'];
const STAFF = ['registrar', 'admin', ...SIGNERS];
const roles = () => user()?.roles ?? [];
const isStudent = () => roles().includes('student');
const isStaff = () => roles().some((r) => STAFF.includes(r));

async function start() {
  staffHeader();
  if (!startSignedInPage()) return;
  localFileInputs(); // issue 15 (2): in the page's language, not the browser's
  for (const el of document.querySelectorAll('[data-roles]'))
    el.hidden = !roles().some((r) => el.dataset.roles.split(/\s+/).includes(r));
  $('st-document-hint').textContent = t('statement.apply.documentHint', { max: kilobytes(MAX_SCAN_BYTES) });
  $('st-form').addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  await load();
}

async function load() {
  try {
    const statements = await listStatements();
    if (isStudent()) await renderStudent(statements);
    if (isStaff()) renderStaff(statements);
    $('st-loading').hidden = true;
    setState(main, 'ready');
  } catch (err) {
    fail(err);
  }
}

function fail(err) {
  if (err instanceof ApiError && err.status === 401) {
    sessionExpired();
    return;
  }
  $('st-loading').hidden = true;
  showMessage($('st-error'), errorText(err));
  setState(main, 'error');
}

async function renderStudent(statements) {
  const exams = await myExams();
  const open = new Set(statements.filter((s) => s.status !== 'refused').map((s) => s.examId));
  const choices = exams.filter((e) => !e.attempt && !open.has(e.id));
  $('st-apply').hidden = false;
  $('st-apply-none').hidden = choices.length > 0;
  $('st-form').hidden = choices.length === 0;
  $('st-exam').replaceChildren(...choices.map((e) => h('option', { value: e.id, text: e.title })));
  list(t('statement.mine.heading'), t('statement.mine.none'), statements, false);
}

function renderStaff(statements) {
  const mine = statements.filter((s) => s.yourSteps.some((step) => step === 'sign' || step === 'issue'));
  const signer = roles().some((r) => SIGNERS.includes(r));
  $('st-awaiting').hidden = !signer;
  $('st-awaiting-none').hidden = mine.length > 0;
  table($('st-awaiting-table'), mine, true);
  $('st-awaiting-table').hidden = mine.length === 0;
  list(t('statement.all.heading'), t('statement.all.none'), statements, true);
}

function list(heading, none, statements, staff) {
  $('st-list').hidden = false;
  $('st-list-heading').textContent = heading;
  $('st-list-none').textContent = none;
  $('st-list-none').hidden = statements.length > 0;
  $('st-table').hidden = statements.length === 0;
  table($('st-table'), statements, staff);
}

function table(el, statements, staff) {
  const head = [
    staff ? 'student' : null,
    'exam',
    'status',
    'actions',
    'signatures',
    'validity',
    'reason',
    'applied',
    'document',
  ].filter(Boolean);
  el.replaceChildren(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((c) => h('th', { scope: 'col', text: t(`statement.col.${c}`) })),
      ),
    ),
    h(
      'tbody',
      {},
      statements.map((s) => row(s, staff)),
    ),
  );
}

function row(s, staff) {
  const signature = (signer) => {
    const g = s.signatures.find((x) => x.signer === signer);
    const who = t(`statement.signer.${signer}`);
    if (!g) return h('li', { class: 'muted', text: `${who}: ${t('statement.unsigned')}` });
    const time = formatDateTime(g.at);
    return h('li', {
      'data-signer': signer,
      'data-approved': String(g.approved),
      text: `${who}: ${
        g.approved
          ? t('statement.signed', { name: g.byName, time })
          : t('statement.signedRefused', { name: g.byName, time, reason: g.reason })
      }`,
    });
  };
  const issued = s.issued;
  const validity = issued
    ? t('statement.validity', {
        from: formatDateTime(issued.validFrom),
        until: formatDateTime(issued.validUntil),
        lastDay: issued.lastDay,
      })
    : t('statement.unsigned');
  const reason = t(`statement.reason.${s.reason}`) + (s.reasonText ? `: ${s.reasonText}` : '');
  return h(
    'tr',
    { 'data-statement': s.id, 'data-status': s.status },
    staff ? h('td', { text: s.studentName }) : null,
    h('td', { text: s.examTitle }),
    h('td', {}, h('span', { class: `status status-${s.status}`, text: t(`statement.status.${s.status}`) })),
    h('td', { class: 'statement-steps' }, steps(s)),
    h('td', {}, h('ul', { class: 'plain-list' }, SIGNERS.map(signature))),
    h('td', { text: validity }),
    h('td', { text: reason }),
    h('td', { text: formatDateTime(s.appliedAt) }),
    h(
      'td',
      {},
      // the scan goes to the applicant, the signers and the registrar (the engine refuses anyone else)
      roles().some((r) => r === 'student' || r === 'registrar' || SIGNERS.includes(r))
        ? h('button', {
            type: 'button',
            class: 'button button-small',
            text: t('statement.download'),
            on: { click: () => download(s) },
          })
        : null,
    ),
  );
}

function steps(s) {
  const out = [];
  if (s.yourSteps.includes('sign')) {
    const reason = h('input', {
      type: 'text',
      'aria-label': t('statement.refuseReason'),
      placeholder: t('statement.refuseReason'),
    });
    out.push(
      h('button', {
        type: 'button',
        class: 'button button-primary',
        'data-step': 'sign',
        text: t('statement.approve'),
        on: { click: () => sign(s, true, '') },
      }),
      reason,
      h('button', {
        type: 'button',
        class: 'button',
        'data-step': 'refuse',
        text: t('statement.refuse'),
        on: {
          click: () => {
            if (!reason.value.trim()) showMessage($('st-error'), t('statement.refuseNeedsReason'));
            else sign(s, false, reason.value.trim());
          },
        },
      }),
    );
  }
  if (s.yourSteps.includes('issue'))
    out.push(
      h('button', {
        type: 'button',
        class: 'button button-primary',
        'data-step': 'issue',
        text: t('statement.issue'),
        on: { click: () => issue(s) },
      }),
    );
  if (s.yourSteps.includes('start'))
    out.push(
      h('a', {
        class: 'button button-primary',
        href: `rules.html?exam=${encodeURIComponent(s.examId)}`,
        text: t('statement.start'),
      }),
      h('p', { class: 'small', text: t('statement.startHint', { until: formatDateTime(s.issued.validUntil) }) }),
    );
  return out;
}

async function act(call, done) {
  showMessage($('st-error'), '');
  try {
    await call();
    showMessage($('st-done'), t(done));
    await load();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) sessionExpired();
    else showMessage($('st-error'), errorText(err));
  }
}

const sign = (s, approved, reason) =>
  act(() => signStatement(s.id, approved, reason), approved ? 'statement.done.sign' : 'statement.done.refuse');
const issue = (s) => act(() => issueStatement(s.id), 'statement.done.issue');

async function download(s) {
  try {
    const blob = await statementDocument(s.id);
    const ending = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[s.documentType] ?? 'bin';
    downloadBlob(blob, `${s.id}.${ending}`);
  } catch (err) {
    showMessage($('st-error'), errorText(err));
  }
}

async function apply() {
  const error = $('st-form-error');
  const file = $('st-document').files[0];
  const problem = scanProblem(file);
  const reason = $('st-reason').value;
  const text = $('st-text').value.trim();
  if (problem) return showMessage(error, t(`statement.apply.problem.${problem}`, { max: kilobytes(MAX_SCAN_BYTES) }));
  if (reason === 'other' && !text) return showMessage(error, t('statement.apply.problem.text'));
  showMessage(error, '');
  const base64 = bytesToBase64(await file.arrayBuffer());
  await act(
    () => applyForStatement({ examId: $('st-exam').value, reason, text, document: { base64 } }),
    'statement.apply.sent',
  );
  $('st-form').reset();
  localise();
}

start();
