/**
 * users.html (admin): create or update accounts (5.11.2) from a CSV file (POST /users/import). All or
 * nothing: when the file is refused, every problem is listed with its line. Below, every account (GET /users)
 * with its enrolment photo: a drawer per account shows it and uploads (PUT /users/{id}/photo, the JPEG or PNG
 * itself) or removes it (DELETE); the secretary of a sitting sees it at the identity check (6.15.6).
 *
 * Markup: tr[data-user][data-photo=true|false] in #accounts-body, with a disable/enable button (POST /users/{id}/disable|enable); dialog#photo-drawer[data-user][data-photo=
 * none|loading|shown] with img#photo-thumb (a blob URL).
 */

import { h, setState } from '../../lib/dom.js';
import { localFileInputs } from '../../lib/file-input.js';
import { t, tn } from '../../lib/i18n.js';
import {
  deleteUserPhoto,
  importUsers,
  listUsers,
  putUserPhoto,
  setUserDisabled,
  userPhoto,
} from '../../lib/api/users.js';
import {
  $,
  busy,
  clearError,
  downloadText,
  fill,
  hasRole,
  labelColumns,
  showError,
  showProblems,
  startStaffPage,
} from '../../lib/staff.js';

const main = $('users');
/** Issue 15 (3): the role codes a file may hold (the engine's Role), in the order the regulation's work needs them. */
export const ROLES = [
  'student',
  'teacher',
  'proctor',
  'expert',
  'head',
  'secretary',
  'commission',
  'registrar',
  'dean',
  'director',
  'vice-rector',
  'admin',
];
/** The sample file's columns, in its order. */
export const COLUMNS = ['id', 'name', 'roles', 'password', 'email', 'group'];
const MAX_PHOTO_BYTES = 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png'];
let accounts = [];
let chosen = null; // the account whose drawer is open

function start() {
  if (!startStaffPage()) return;
  localFileInputs(main); // issue 15 (2): in the page's language, not the browser's
  if (!hasRole('admin')) {
    $('users-forbidden').hidden = false;
    setState(main, 'ready');
    return;
  }
  $('users-body').hidden = false;
  showCodes();
  $('users-template').addEventListener('click', (event) => {
    event.preventDefault();
    downloadText('id,name,roles,password,email,group\n', 'users.csv', 'text/csv;charset=utf-8');
  });
  $('users-form').addEventListener('submit', onUpload);
  $('accounts').hidden = false;
  $('accounts-filter').addEventListener('input', renderAccounts);
  $('photo-close').addEventListener('click', () => $('photo-drawer').close());
  $('photo-drawer').addEventListener('close', () => {
    chosen = null;
    showThumb(null);
  });
  $('photo-form').addEventListener('submit', onPhotoUpload);
  $('photo-remove').addEventListener('click', onPhotoRemove);
  loadAccounts().finally(() => setState(main, 'ready'));
}

async function loadAccounts() {
  const error = $('accounts-error');
  try {
    accounts = (await listUsers()) ?? [];
    clearError(error);
  } catch (err) {
    showError(error, err);
  }
  renderAccounts();
}

function renderAccounts() {
  const wanted = $('accounts-filter').value.trim().toLowerCase();
  const shown = accounts.filter(
    (u) => !wanted || u.id.toLowerCase().includes(wanted) || u.name.toLowerCase().includes(wanted),
  );
  fill($('accounts-body'), ...shown.map(accountRow));
  labelColumns($('accounts-table')); // issue 15: one card per account on a phone
  $('accounts-none').hidden = shown.length > 0 || accounts.length === 0;
}

/** The role codes and the sample's columns, each beside what it means in the reader's language (issue 15, 3). */
function showCodes() {
  const pair = (code, meaning) =>
    h(
      'div',
      { class: 'code-pair', 'data-code': code },
      h('dt', {}, h('code', { text: code })),
      h('dd', { text: meaning }),
    );
  fill($('users-roles'), ...ROLES.map((code) => pair(code, roleName(code))));
  fill($('users-columns'), ...COLUMNS.map((column) => pair(column, t(`staff.users.column.${column}`))));
}

/** A role's name in the reader's language; the code itself for one this page does not know. */
export function roleName(code) {
  const key = `staff.role.${code}`;
  const name = t(key);
  return name === key ? code : name;
}

function accountRow(u) {
  return h(
    'tr',
    { 'data-user': u.id, 'data-photo': String(Boolean(u.photo)) },
    h('th', { scope: 'row', class: 'mono', text: u.id }),
    h('td', { text: u.name }),
    h('td', { 'data-roles': (u.roles ?? []).join(' '), text: (u.roles ?? []).map(roleName).join(', ') }),
    h('td', { text: u.group ?? '' }),
    h(
      'td',
      {},
      h('span', {
        class: u.photo ? 'status' : 'status muted',
        text: t(u.photo ? 'staff.users.photoKept' : 'staff.users.photoMissing'),
      }),
      ' ',
      h(
        'button',
        {
          class: 'button button-quiet',
          type: 'button',
          'data-action': 'photo',
          on: { click: () => openPhoto(u) },
        },
        // issue 15 (8): the name read out starts with the words seen (axe label-content-name-mismatch)
        t(u.photo ? 'staff.users.photoOpen' : 'staff.users.photoAdd'),
        h('span', { class: 'sr-only', text: ` — ${t('staff.users.photoFor', { name: u.name, id: u.id })}` }),
      ),
    ),
    h(
      'td',
      {},
      h('span', {
        class: u.disabled ? 'status muted' : 'status',
        text: t(u.disabled ? 'staff.users.disabled' : 'staff.users.enabled'),
      }),
      ' ',
      h('button', {
        class: 'button button-quiet',
        type: 'button',
        'data-action': u.disabled ? 'enable' : 'disable',
        'aria-label': t(u.disabled ? 'staff.users.enableFor' : 'staff.users.disableFor', { name: u.name, id: u.id }),
        text: t(u.disabled ? 'staff.users.enable' : 'staff.users.disable'),
        on: { click: (event) => setDisabled(u, !u.disabled, event.currentTarget) },
      }),
    ),
  );
}

/** Disables (its sessions end at once, on every node) or enables an account; the server refuses an admin's own. */
async function setDisabled(u, disabled, button) {
  const error = $('accounts-error');
  button.disabled = true;
  try {
    u.disabled = (await setUserDisabled(u.id, disabled))?.disabled === true;
    clearError(error);
    renderAccounts();
  } catch (err) {
    showError(error, err);
    button.disabled = false;
  }
}

function openPhoto(u) {
  chosen = u;
  const drawer = $('photo-drawer');
  drawer.dataset.user = u.id;
  $('photo-heading').textContent = t('staff.users.photoOf', { name: u.name });
  $('photo-facts').textContent = `${u.id} · ${(u.roles ?? []).map(roleName).join(', ')}`;
  clearError($('photo-error'));
  $('photo-result').hidden = true;
  $('photo-file').value = '';
  $('photo-file').removeAttribute('aria-invalid');
  $('photo-remove').hidden = !u.photo;
  showThumb(null);
  if (!drawer.open) drawer.showModal();
  $('photo-heading').focus();
  if (!u.photo) return;
  drawer.dataset.photo = 'loading';
  userPhoto(u.id)
    .then((blob) => {
      if (chosen === u) showThumb(blob);
    })
    .catch((err) => {
      if (chosen !== u) return;
      drawer.dataset.photo = 'none';
      if (err?.status !== 404) showError($('photo-error'), err);
    });
}

/** Shows a photo (a Blob or File) in the drawer, or none. */
function showThumb(blob) {
  const img = $('photo-thumb');
  if (img.src.startsWith('blob:')) URL.revokeObjectURL(img.src);
  img.removeAttribute('src');
  if (blob) img.src = URL.createObjectURL(blob);
  img.hidden = !blob;
  $('photo-none').hidden = Boolean(blob);
  $('photo-drawer').dataset.photo = blob ? 'shown' : 'none';
}

function photoChanged(u, kept) {
  u.photo = kept;
  $('photo-remove').hidden = !kept;
  renderAccounts();
}

async function onPhotoUpload(event) {
  event.preventDefault();
  const u = chosen;
  if (!u) return;
  const error = $('photo-error');
  const done = $('photo-result');
  clearError(error);
  done.hidden = true;
  const input = $('photo-file');
  input.removeAttribute('aria-invalid');
  const file = input.files[0];
  const problem = !file
    ? 'staff.users.photoNoFile'
    : !PHOTO_TYPES.includes(file.type)
      ? 'staff.users.photoType'
      : file.size > MAX_PHOTO_BYTES
        ? 'staff.users.photoTooLarge'
        : null;
  if (problem) {
    input.setAttribute('aria-invalid', 'true');
    showProblems(error, t(problem), []);
    input.focus();
    return;
  }
  try {
    await busy($('photo-upload'), t('staff.busy.uploading'), () => putUserPhoto(u.id, file));
  } catch (err) {
    if (chosen !== u) return;
    if (err.code === 'bad-photo') {
      // the engine's own words are English: say it in the page's language
      showProblems(error, t('staff.users.photoBad'), []);
      error.dataset.error = err.code;
    } else {
      showError(error, err);
    }
    return;
  }
  photoChanged(u, true);
  if (chosen !== u) return;
  showThumb(file); // the bytes the engine now keeps
  input.value = '';
  done.textContent = t('staff.users.photoStored', { name: u.name });
  done.hidden = false;
}

async function onPhotoRemove() {
  const u = chosen;
  if (!u) return;
  const error = $('photo-error');
  const done = $('photo-result');
  clearError(error);
  done.hidden = true;
  try {
    await busy($('photo-remove'), t('staff.busy.deleting'), () => deleteUserPhoto(u.id));
  } catch (err) {
    if (chosen === u) showError(error, err);
    return;
  }
  photoChanged(u, false);
  if (chosen !== u) return;
  showThumb(null);
  done.textContent = t('staff.users.photoRemoved', { name: u.name });
  done.hidden = false;
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
    showError(error, err, {
      summary: err.code === 'invalid-users' ? t('staff.users.refused', { file: file.name }) : null,
    });
    return;
  }
  await loadAccounts(); // new accounts in the list below
}

start();
