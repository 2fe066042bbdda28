/**
 * Importing questions into a bank on bank.html (pages/bank/bank.js): a Moodle XML, GIFT or IMS QTI file (a single item
 * .xml or a content package .zip; the format guessed from the file's name and, for .xml, its first bytes), the
 * difficulty to give questions whose file says none (else they land unclassified, 5.23.3), and the per-question
 * report: how many were imported and, in the file's order, every question skipped (or kept with a note) and why.
 * Only the bank's owner, its co-authors and admins see the form. Exporting the bank (Moodle XML, QTI 3.0) is for
 * everyone who reads it: fetched with the bearer token and offered as a download.
 *
 * For tests: #import-report[data-imported][data-skipped][data-file], #import-imported, #import-clean,
 * #import-skipped tr.skip[data-position][data-question-number][data-line]; #export-moodle, #export-qti.
 */

import { downloadBlob, h } from '../../lib/dom.js';
import { t, tn } from '../../lib/i18n.js';
import { exportBank, importQuestions } from '../../lib/api/banks.js';
import { $, busy, clearError, labelColumns, showError, showProblems } from '../../lib/staff.js';

/** From the page: the bank's id, and reload() that reads the bank and its questions again after an import. */
let page = { bankId: null, reload: async () => {} };

/** Shows the form to those who may change the bank ({ bankId, canEdit, reload, name }) and wires it and the export. */
export function prepareImport({ bankId, canEdit, reload, name }) {
  page = { bankId, reload };
  $('export-moodle').addEventListener('click', (event) => download(event.currentTarget, 'moodle-xml', `${name}.xml`));
  $('export-qti').addEventListener('click', (event) => download(event.currentTarget, 'qti3', `${name}-qti3.zip`));
  $('import-section').hidden = !canEdit;
  if (!canEdit) return;
  $('import-file').addEventListener('change', guessFormat);
  $('import-form').addEventListener('submit', onImport);
}

async function download(button, format, fileName) {
  clearError($('export-error'));
  try {
    const blob = await busy(button, t('staff.busy.loading'), () => exportBank(page.bankId, format));
    downloadBlob(blob, fileName);
  } catch (err) {
    showError($('export-error'), err);
  }
}

async function guessFormat() {
  const file = $('import-file').files[0];
  if (!file) return;
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip')) $('import-format').value = 'qti';
  else if (name.endsWith('.gift') || name.endsWith('.txt')) $('import-format').value = 'gift';
  else if (name.endsWith('.xml')) {
    // a QTI item names its root assessmentItem (2.1) or qti-assessment-item (3.0); Moodle's is <quiz>
    const head = await file
      .slice(0, 4096)
      .text()
      .catch(() => '');
    $('import-format').value = /<(qti-)?assessment-?item\b|<assessmentItem\b|imsqti/i.test(head) ? 'qti' : 'moodle-xml';
  }
}

/** The question number and line the server gives as numbers (its `position` is the same in the page's words). */
function whereOf(item) {
  return Number.isInteger(item.question) ? { n: item.question, line: item.line ?? null } : null;
}

async function onImport(event) {
  event.preventDefault();
  const error = $('import-error');
  const report = $('import-report');
  clearError(error);
  const input = $('import-file');
  const file = input.files[0];
  input.removeAttribute('aria-invalid');
  if (!file) {
    input.setAttribute('aria-invalid', 'true');
    showProblems(error, t('staff.import.noFile'), []);
    input.focus();
    return;
  }
  const format = $('import-format').value;
  const difficulty = $('import-difficulty').value;
  report.hidden = true;
  try {
    const result = await busy($('import-submit'), t('staff.busy.importing'), () =>
      importQuestions(page.bankId, format, difficulty, file),
    );
    renderImportReport(result, file.name);
    input.value = '';
    await page.reload();
  } catch (err) {
    report.hidden = true;
    showError(error, err, {
      summary: err.code === 'unparseable-file' ? t('staff.import.unparseable', { file: file.name }) : null,
    });
  }
}

function renderImportReport(result, fileName) {
  const report = $('import-report');
  const skipped = (result.skipped ?? []).map((item, order) => ({
    ...item,
    order,
    where: whereOf(item),
  }));
  skipped.sort((a, b) => (a.where?.n ?? Infinity) - (b.where?.n ?? Infinity) || a.order - b.order);
  report.dataset.imported = String(result.imported ?? 0);
  report.dataset.skipped = String(skipped.length);
  report.dataset.file = fileName;
  report.replaceChildren(
    h('h3', { id: 'import-report-heading', text: t('staff.import.reportHeading', { file: fileName }) }),
    h('p', {
      id: 'import-imported',
      class: 'lead',
      'data-imported': result.imported ?? 0,
      text: tn('staff.import.imported', result.imported ?? 0),
    }),
    skipped.length === 0
      ? h('p', { id: 'import-clean', text: t('staff.import.nothingSkipped') })
      : h(
          'div',
          {},
          h('p', { text: tn('staff.import.skippedCount', skipped.length) }),
          h(
            'div',
            { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': 'import-report-heading' },
            h(
              'table',
              { id: 'import-skipped', class: 'data-table stack' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', { scope: 'col', text: t('staff.import.position') }),
                  h('th', { scope: 'col', text: t('staff.import.reason') }),
                ),
              ),
              h(
                'tbody',
                {},
                ...skipped.map((item) =>
                  h(
                    'tr',
                    {
                      class: item.kept ? 'skip skip-kept' : 'skip',
                      'data-position': item.position,
                      'data-question-number': item.where?.n,
                      'data-line': item.where?.line,
                    },
                    h('td', {
                      class: 'position',
                      text: item.where
                        ? item.where.line
                          ? t('staff.import.questionLine', { n: item.where.n, line: item.where.line })
                          : t('staff.import.questionN', { n: item.where.n })
                        : item.position,
                    }),
                    h('td', { class: 'reason', text: item.reason }),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
  const table = $('import-skipped');
  if (table) labelColumns(table);
  report.hidden = false;
}
