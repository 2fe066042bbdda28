/**
 * users.html (admin): create or update accounts (5.11.2) from a CSV file (POST /users/import). All or
 * nothing: when the file is refused, every problem is listed with its line.
 */

import { setState } from '../lib/dom.js';
import { t, tn } from '../lib/i18n.js';
import { importUsers } from '../lib/staff-api.js';
import { $, busy, clearError, downloadText, hasRole, showError, showProblems, startStaffPage } from './staff.js';

const main = $('users');

function start() {
  if (!startStaffPage()) return;
  if (!hasRole('admin')) {
    $('users-forbidden').hidden = false;
    setState(main, 'ready');
    return;
  }
  $('users-body').hidden = false;
  $('users-template').addEventListener('click', (event) => {
    event.preventDefault();
    downloadText('id,name,roles,password\n', 'users.csv', 'text/csv;charset=utf-8');
  });
  $('users-form').addEventListener('submit', onUpload);
  setState(main, 'ready');
}

async function onUpload(event) {
  event.preventDefault();
  const error = $('users-error');
  const done = $('users-result');
  clearError(error);
  done.hidden = true;
  const input = $('users-file');
  input.removeAttribute('aria-invalid');
  const file = input.files[0];
  if (!file) {
    input.setAttribute('aria-invalid', 'true');
    showProblems(error, t('staff.users.noFile'), []);
    input.focus();
    return;
  }
  try {
    const result = await busy($('users-submit'), t('staff.busy.uploading'), () => importUsers(file));
    done.dataset.created = String(result.created);
    done.textContent = tn('staff.users.stored', result.created, { file: file.name });
    done.hidden = false;
    input.value = '';
  } catch (err) {
    showError(error, err, { summary: err.code === 'invalid-users' ? t('staff.users.refused', { file: file.name }) : null });
  }
}

start();
