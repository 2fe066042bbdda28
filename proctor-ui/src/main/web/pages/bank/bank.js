/**
 * bank.html?bank=<bankId>: a question bank. Its passport (5.22), counts by difficulty with the unclassified ones
 * (5.23.3), the validation report with clause numbers, importing a Moodle XML, GIFT or QTI file with the
 * per-question report, exporting it, and the questions themselves, fifty at a time however big the bank (issue 12,
 * 7): filtered by topic, difficulty and words on the server, read with everything their author wrote (question HTML
 * through richText, never innerHTML), edited in place, classified many at once, added, deleted.
 * Changing the bank is for its owner (5.21), the co-authors the owner names and admins; its assigned experts only
 * read; nobody else sees it (issue 10, 3: the server refuses, the page follows GET /banks/{id}'s yourAccess). Who
 * works on the bank is its own panel (pages/bank/people.js).
 *
 * This module loads the bank and reloads what changed after every change. The parts: the passport, counts and
 * validation panel (pages/bank/summary.js), import and export (pages/bank/import.js), the list of questions with
 * deleting (pages/bank/questions.js, cards in pages/bank/card.js), selecting and classifying many
 * (pages/bank/classify.js), and the question editor (pages/bank/editor.js).
 */

import { param, setState } from '../../lib/dom.js';
import { localFileInputs } from '../../lib/file-input.js';
import { localDateInputs } from '../../lib/date-input.js';
import { t } from '../../lib/i18n.js';
import { bankMedia } from '../../lib/question-media.js';
import { setMediaSource } from '../../lib/richtext.js';
import { getBank, validateBank } from '../../lib/api/banks.js';
import { prepareClassify } from './classify.js';
import { openEditor, prepareEditor } from './editor.js';
import { prepareImport } from './import.js';
import { notify, prepareQuestions, refreshQuestions } from './questions.js';
import { renderSummary, renderValidation, setOwner } from './summary.js';
import { showBankLife } from './life.js';
import { showBankPeople } from './people.js';
import { $, busy, pageFailed, showError, startStaffPage } from '../../lib/staff.js';

const main = $('bank');
const bankId = param('bank');
setMediaSource(bankMedia(bankId)); // issue 12 (2): the bank's pictures and sounds, with the staff token

async function start() {
  if (!startStaffPage()) return;
  localFileInputs(); // issue 15 (2): the import, the editor's picture: in the page's language
  localDateInputs(); // and the meeting's date
  if (!bankId) {
    pageFailed(main, $('bank-loading'), $('bank-error'), new Error(t('staff.bank.noBank')));
    return;
  }
  try {
    const [summary, validation] = await Promise.all([getBank(bankId), validateBank(bankId)]);
    const canEdit = (summary.yourAccess ?? []).includes('edit');
    $('bank-loading').hidden = true;
    renderSummary(summary);
    renderValidation(validation);
    prepareQuestions({ bankId, canEdit, onEdit: openEditor, reload: refreshAll });
    prepareClassify({ bankId, canEdit, reload: refreshAll, notify });
    await refreshQuestions();
    prepare(canEdit, fileName(summary));
    setOwner((await showBankPeople(bankId)).people?.owner);
    await showBankLife(bankId, refreshSummary); // issue 13 (1): approval, review, papers, lock
    $('bank-created').hidden = !param('created');
    $('bank-body').hidden = false;
    setState(main, 'ready');
  } catch (err) {
    pageFailed(main, $('bank-loading'), $('bank-error'), err);
  }
}

/** A file name for the bank's exports: its discipline, as letters, digits and dashes. */
function fileName(summary) {
  const name = (summary.passport?.discipline ?? '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return name || `bank-${bankId}`;
}

function prepare(canEdit, name) {
  prepareImport({ bankId, canEdit, reload: refreshAll, name });
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
    await refreshQuestions();
  } catch (err) {
    showError($('questions-error'), err);
  }
}

start();
