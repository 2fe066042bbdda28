/**
 * bank.html?bank=<bankId>: a question bank. Its passport (5.22), counts by difficulty (5.23.3), the
 * validation report with clause numbers, importing a Moodle XML or GIFT file with the per-question report,
 * and the questions themselves: read (question HTML through richText, never innerHTML), edit, add, delete.
 * Changing the bank is for its owner (5.21), the co-authors the owner names and admins; its assigned experts only
 * read; nobody else sees it (issue 10, 3: the server refuses, the page follows GET /banks/{id}'s yourAccess). Who
 * works on the bank is its own panel (pages/bank-people.js).
 *
 * This module loads the bank and reloads it after every change. The parts: the passport, counts and validation
 * panel (pages/bank-summary.js), the import form and its report (pages/bank-import.js), the list of questions
 * with deleting (pages/bank-questions.js), and the question editor (pages/bank-editor.js).
 */

import { param, setState } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { bankMedia } from '../lib/question-media.js';
import { setMediaSource } from '../lib/richtext.js';
import { bankQuestions, getBank, validateBank } from '../lib/staff-api.js';
import { openEditor, prepareEditor } from './bank-editor.js';
import { prepareImport } from './bank-import.js';
import { prepareQuestions, showQuestions } from './bank-questions.js';
import { renderSummary, renderValidation } from './bank-summary.js';
import { showBankPeople } from './bank-people.js';
import { $, busy, pageFailed, showError, startStaffPage } from './staff.js';

const main = $('bank');
const bankId = param('bank');
setMediaSource(bankMedia(bankId)); // issue 12 (2): the bank's pictures and sounds, with the staff token

async function start() {
  if (!startStaffPage()) return;
  if (!bankId) {
    pageFailed(main, $('bank-loading'), $('bank-error'), new Error(t('staff.bank.noBank')));
    return;
  }
  try {
    const [summary, validation, list] = await Promise.all([
      getBank(bankId),
      validateBank(bankId),
      bankQuestions(bankId),
    ]);
    const canEdit = (summary.yourAccess ?? []).includes('edit');
    $('bank-loading').hidden = true;
    renderSummary(summary);
    renderValidation(validation);
    prepareQuestions({ bankId, canEdit, onEdit: openEditor, reload: refreshAll });
    showQuestions(list);
    prepare(canEdit);
    await showBankPeople(bankId);
    $('bank-created').hidden = !param('created');
    $('bank-body').hidden = false;
    setState(main, 'ready');
  } catch (err) {
    pageFailed(main, $('bank-loading'), $('bank-error'), err);
  }
}

function prepare(canEdit) {
  prepareImport({ bankId, canEdit, reload: refreshAll });
  prepareEditor({ bankId, canEdit, reload: refreshAll });
  $('schedule-link').href = `teacher.html?bank=${encodeURIComponent(bankId)}#new-exam-heading`;
  $('validation-refresh').addEventListener('click', () =>
    busy($('validation-refresh'), t('staff.busy.checking'), refreshSummary),
  );
}

async function refreshSummary() {
  try {
    const [summary, validation] = await Promise.all([getBank(bankId), validateBank(bankId)]);
    renderSummary(summary);
    renderValidation(validation);
  } catch (err) {
    showError($('bank-error'), err);
  }
}

async function refreshAll() {
  await refreshSummary();
  try {
    showQuestions(await bankQuestions(bankId));
  } catch (err) {
    showError($('questions-error'), err);
  }
}

start();
