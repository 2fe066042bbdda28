/**
 * bank.html?bank=<bankId>: a question bank. Its passport (5.22), counts by difficulty (5.23.3), the
 * validation report with clause numbers, importing a Moodle XML or GIFT file with the per-question report,
 * and the questions themselves: read (question HTML through richText, never innerHTML), edit, add, delete.
 * Changing the bank is for its owner (5.21) and admins; experts and other teachers only read.
 *
 * This module loads the bank and reloads it after every change. The parts: the passport, counts and validation
 * panel (pages/bank-summary.js), the import form and its report (pages/bank-import.js), the list of questions
 * with deleting (pages/bank-questions.js), and the question editor (pages/bank-editor.js).
 */

import { param, setState } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { bankQuestions, getBank, validateBank } from '../lib/staff-api.js';
import { openEditor, prepareEditor } from './bank-editor.js';
import { prepareImport } from './bank-import.js';
import { prepareQuestions, showQuestions } from './bank-questions.js';
import { renderSummary, renderValidation } from './bank-summary.js';
import { $, busy, hasRole, myId, pageFailed, showError, startStaffPage } from './staff.js';

const main = $('bank');
const bankId = param('bank');

async function start() {
  if (!startStaffPage()) return;
  if (!bankId) {
    pageFailed(main, $('bank-loading'), $('bank-error'), new Error(t('staff.bank.noBank')));
    return;
  }
  try {
    const [summary, validation, list] = await Promise.all([getBank(bankId), validateBank(bankId), bankQuestions(bankId)]);
    const canEdit = hasRole('admin') || (hasRole('teacher') && summary.owner === myId());
    $('bank-loading').hidden = true;
    renderSummary(summary);
    renderValidation(validation);
    prepareQuestions({ bankId, canEdit, onEdit: openEditor, reload: refreshAll });
    showQuestions(list);
    prepare(canEdit);
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
  $('validation-refresh').addEventListener('click', () => busy($('validation-refresh'), t('staff.busy.checking'), refreshSummary));
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
