/**
 * The student's part of postponement and the grade "I" (6.15.2-6.15.3) on sitting-student.html: a student who cannot
 * sit remotely, or is absent for a valid reason, applies to the chair with a reason and a scan of the proof (PDF,
 * JPEG or PNG, at most 700 KB: checked here before anything is sent); their applications with the chair's decision;
 * and the grade they hold: "I" until the deadline, "F" once it passed without a result. The form gives way once the
 * student has a result or an application awaiting the chair or allowed; after a refusal they may apply again.
 *
 * For tests: #postpone-box[data-standing], #postpone-form, #postpone-error[data-error=reason|missing|type|empty|size|…],
 * #postpone-standing[data-letter][data-state], li[data-postponement][data-state=awaiting|allowed|refused].
 */

import { ApiError, errorText } from '../../lib/api/client.js';
import { h, showMessage } from '../../lib/dom.js';
import { localFileInput } from '../../lib/file-input.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import { sessionExpired } from '../../lib/page.js';
import * as api from '../../lib/api/sittings.js';
import { mayTake } from '../../lib/sitting/flow.js';
import {
  MAX_SCAN_BYTES,
  bytesToBase64,
  kilobytes,
  postponementState,
  scanProblem,
  scanType,
  standingOf,
} from '../../lib/sitting/postponements.js';

const $ = (id) => document.getElementById(id);

/** Wires the form once: sittingId names the sitting, reload() reads it again after the application is sent. */
export function preparePostponement(sittingId, reload) {
  const input = localFileInput($('postpone-document')); // issue 15 (2): in the page's language, id kept
  $('postpone-document-hint').textContent = t('sittingStudent.postpone.documentHint', {
    max: kilobytes(MAX_SCAN_BYTES),
  });
  input.addEventListener('change', () => {
    const problem = input.files.length > 0 ? scanProblem(input.files[0]) : null;
    if (problem) refuse(input, problem, input.files[0]);
    else clear(input);
  });
  $('postpone-form').addEventListener('submit', (event) => {
    event.preventDefault();
    apply(sittingId, reload);
  });
}

/** Draws the section from the sitting as last read and the student's own progress. */
export function renderPostponement(sitting, progress) {
  const mine = sitting.postponements ?? []; // the engine sends a student only their own
  const standing = standingOf(progress);
  const may = mayTake(progress, 'apply-postponement'); // 6.15.3, as the engine's table says
  const box = $('postpone-box');
  box.hidden = !may && mine.length === 0 && !standing;
  box.dataset.standing = standing?.letter ?? '';
  $('postpone-form').hidden = !may;

  const line = $('postpone-standing');
  line.hidden = !standing;
  line.dataset.letter = standing?.letter ?? '';
  line.dataset.state = standing?.state ?? '';
  line.className = `notice standing standing-${standing?.state ?? 'none'}`;
  if (standing) {
    const deadline = standing.deadline ? formatDateTime(standing.deadline) : '—';
    line.textContent = t(`sittingStudent.standing.${standing.state}`, { letter: standing.letter, deadline });
  }
  // the page's state line says "postponed" (sitting-student.js); once the deadline has passed, that is no longer so
  if (standing?.state === 'failed' && progress?.status === 'postponed')
    $('student-state').textContent = t('sittingStudent.state.postponed-failed');

  $('my-postponements').replaceChildren(
    ...mine.map((p) => {
      const state = postponementState(p);
      const when = p.decidedAt ? formatDateTime(p.decidedAt) : '';
      const words = t(`sittingStudent.postpone.state.${state}`, { time: when });
      const look = { awaiting: 'notice', allowed: 'notice notice-ok', refused: 'notice notice-error' }[state];
      return h(
        'li',
        { class: 'act postponement', 'data-postponement': p.id, 'data-state': state },
        h('p', {
          class: 'act-title',
          text: t('sittingStudent.postpone.applied', { time: formatDateTime(p.appliedAt) }),
        }),
        h('p', { class: 'act-description', text: p.reason }),
        h(
          'div',
          { class: look },
          h('p', { text: words }),
          state === 'refused' && p.decisionReason ? h('p', { class: 'decision-reason', text: p.decisionReason }) : null,
        ),
        state === 'refused' && may ? h('p', { class: 'muted small', text: t('sittingStudent.postpone.again') }) : null,
      );
    }),
  );
}

async function apply(sittingId, reload) {
  const reason = $('postpone-reason');
  const input = $('postpone-document');
  const box = $('postpone-error');
  clear(input);
  if (!reason.value.trim()) {
    reason.setAttribute('aria-invalid', 'true');
    say(box, t('sittingStudent.postpone.needReason'), 'reason');
    reason.focus();
    return;
  }
  reason.removeAttribute('aria-invalid');
  const file = input.files[0];
  const problem = scanProblem(file);
  if (problem) {
    refuse(input, problem, file);
    input.focus();
    return;
  }
  const button = $('postpone-submit');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('sittingStudent.postpone.sending');
  try {
    let base64;
    try {
      base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    } catch (err) {
      say(
        box,
        t('sittingStudent.postpone.problem.unreadable', { file: file.name, message: err?.message ?? String(err) }),
        'unreadable',
      );
      return;
    }
    await api.applyPostponement(sittingId, reason.value.trim(), { contentType: scanType(file), base64 });
    reason.value = '';
    input.value = '';
    $('postpone-done').textContent = t('sittingStudent.postpone.sent');
    await reload();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    say(box, errorText(err), err instanceof ApiError ? err.code : 'client');
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/** Says in the page why the chosen file is not sent. */
function refuse(input, problem, file) {
  input.setAttribute('aria-invalid', 'true');
  say(
    $('postpone-error'),
    t(`sittingStudent.postpone.problem.${problem}`, {
      file: file?.name ?? '',
      size: kilobytes(file?.size),
      max: kilobytes(MAX_SCAN_BYTES),
    }),
    problem,
  );
}

function clear(input) {
  input.removeAttribute('aria-invalid');
  const box = $('postpone-error');
  showMessage(box, '');
  delete box.dataset.error;
}

function say(box, text, code) {
  showMessage(box, text);
  box.dataset.error = code;
}
