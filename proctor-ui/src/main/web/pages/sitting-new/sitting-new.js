/**
 * sitting-new.html (admin): a new sitting of the oral final attestation (POST /sittings) and its tickets from a CSV
 * file (PUT /sittings/{id}/tickets, text/csv). The server's problems show in the error box and next to their field
 * (by `field`) or, for the file, by line. Once the sitting exists but its tickets were refused, the sitting's fields
 * are locked and a second submit only uploads the tickets again; on success the page opens sitting.html.
 *
 * For tests: <main data-state data-created>, #new-error[data-error], .field[data-field] .field-problems li[data-field|data-line].
 */

import { ApiError } from '../../lib/api/client.js';
import { h, setState } from '../../lib/dom.js';
import { localFileInputs } from '../../lib/file-input.js';
import { dateValue, localDateInputs, parseDate } from '../../lib/date-input.js';
import { t } from '../../lib/i18n.js';
import { createSitting, uploadTicketsCsv } from '../../lib/api/sittings.js';
import { fieldOf, sittingBody, splitIds } from '../../lib/sitting/form.js';
import { $, busy, clearError, hasRole, showError, showProblems, startStaffPage } from '../../lib/staff.js';

const main = $('sitting-new');
const form = $('new-form');
const INPUTS = {
  kind: 'new-kind',
  title: 'new-title',
  date: 'new-date',
  language: 'new-language',
  videoLink: 'new-video',
  chair: 'new-chair',
  members: 'new-members',
  secretary: 'new-secretary',
  appealChair: 'new-appeal-chair',
  appealDeputy: 'new-appeal-deputy',
  appealMembers: 'new-appeal-members',
  students: 'new-students',
  carried: 'new-carried',
  carriedFrom: 'new-carried-from',
  tickets: 'new-tickets',
};
const SITTING_FIELDSETS = ['new-sitting-fields', 'new-people-fields', 'new-appeal-fields', 'new-students-fields'];
let createdId = null;

function start() {
  if (!startStaffPage()) return;
  localFileInputs(form); // issue 15 (2): in the page's language, not the browser's
  localDateInputs(form);
  if (!hasRole('admin')) {
    $('new-forbidden').hidden = false;
    setState(main, 'ready');
    return;
  }
  const lang = document.documentElement.lang;
  if (['kk', 'ru', 'en'].includes(lang)) $('new-language').value = lang;
  form.hidden = false;
  const kind = $(INPUTS.kind);
  const ticketsNeeded = () => {
    $(INPUTS.tickets).required = kind.value !== 'thesis-defence'; // 6.15.1: a defence draws no ticket
  };
  kind.addEventListener('change', ticketsNeeded);
  ticketsNeeded();
  form.addEventListener('submit', onSubmit);
  setState(main, 'ready');
}

function values() {
  const out = {};
  for (const [name, id] of Object.entries(INPUTS)) if (name !== 'tickets') out[name] = $(id).value;
  out.date = dateValue($(INPUTS.date)); // "2026-12-01", as the browser's date field gave it (issue 15, 2)
  return out;
}

/** Removes the problems shown next to the fields. */
function clearFieldProblems() {
  for (const list of form.querySelectorAll('.field-problems')) list.remove();
  for (const id of Object.values(INPUTS)) {
    $(id).removeAttribute('aria-invalid');
    $(id).removeAttribute('aria-errormessage');
  }
}

/** Shows one problem under its field's input; returns the input. */
function markField(name, text, attrs) {
  const input = $(INPUTS[name]);
  const field = input.closest('.field');
  let list = field.querySelector('.field-problems');
  if (!list) {
    // issue 15 (8): aria-live, so the message aria-errormessage points to is announced (axe aria-valid-attr-value)
    list = h('ul', { class: 'field-problems', id: `${INPUTS[name]}-problems`, 'aria-live': 'polite' });
    field.append(list);
  }
  list.append(h('li', { ...attrs, text }));
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-errormessage', list.id);
  return input;
}

function problemsOf(err) {
  return err instanceof ApiError && Array.isArray(err.body?.problems) ? err.body.problems : [];
}

async function onSubmit(event) {
  event.preventDefault();
  const box = $('new-error');
  clearError(box);
  clearFieldProblems();
  const typedDate = $(INPUTS.date).value.trim();
  if (!createdId && typedDate && !parseDate(typedDate)) {
    const input = markField('date', t('input.date.invalid'), { 'data-field': 'date' });
    showProblems(box, t('input.date.invalid'), []);
    input.focus();
    return;
  }
  const file = $(INPUTS.tickets).files[0];
  const defence = $(INPUTS.kind).value === 'thesis-defence'; // 6.15.1: scored without a ticket
  if (!file && !defence) {
    const input = markField('tickets', t('sittingNew.noFile'), { 'data-field': 'tickets' });
    showProblems(box, t('sittingNew.noFile'), []);
    input.focus();
    return;
  }
  const button = $('new-submit');
  await busy(button, t(createdId ? 'staff.busy.uploading' : 'sittingNew.creating'), async () => {
    if (!createdId) {
      try {
        createdId = (await createSitting(sittingBody(values()))).id;
      } catch (err) {
        const problems = problemsOf(err);
        if (showError(box, err, { summary: err.code === 'invalid-sitting' ? t('sittingNew.refused') : null })) return;
        let first = null;
        for (const p of problems) {
          const name = fieldOf(p.field, splitIds(values().students).length);
          if (name) first ??= markField(name, String(p.message ?? ''), { 'data-field': p.field });
        }
        (first ?? box).focus?.();
        return;
      }
      main.dataset.created = createdId;
      for (const id of SITTING_FIELDSETS) $(id).disabled = true;
    }
    try {
      if (file) await uploadTicketsCsv(createdId, await file.text());
    } catch (err) {
      lockedNotice();
      if (
        showError(box, err, {
          summary: err.code === 'invalid-tickets' ? t('sittingNew.ticketsRefused', { file: file.name }) : null,
        })
      )
        return;
      for (const p of problemsOf(err)) {
        const text =
          p.line !== undefined
            ? t('sittingNew.line', { line: p.line, message: p.message })
            : p.index !== undefined
              ? t('sittingNew.ticket', { n: Number(p.index) + 1, message: p.message })
              : String(p.message ?? '');
        const attrs = p.line !== undefined ? { 'data-line': p.line } : {};
        markField('tickets', text, attrs);
      }
      $(INPUTS.tickets).focus();
      return;
    }
    window.location.assign(`sitting.html?sitting=${encodeURIComponent(createdId)}`);
  });
  if (createdId) button.textContent = t('sittingNew.submitTickets'); // busy() put the old label back
}

function lockedNotice() {
  const note = $('new-created');
  note.textContent = t('sittingNew.created', { id: createdId });
  note.hidden = false;
}

start();
