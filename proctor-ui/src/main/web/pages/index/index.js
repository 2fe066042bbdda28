/** index.html: sign in, keep the token for this tab, go to the exam list (staff: to the staff home). */

import { ApiError, errorText } from '../../lib/api/client.js';
import { login } from '../../lib/api/auth.js';
import { currentLanguage, languageChosenHere, localise, setLanguage, t } from '../../lib/i18n.js';
import { param, setState, showMessage } from '../../lib/dom.js';
import { signIn, token, user } from '../../lib/session.js';

const main = document.getElementById('login');
const form = document.getElementById('login-form');
const username = document.getElementById('username');
const password = document.getElementById('password');
const submit = document.getElementById('login-submit');
const error = document.getElementById('login-error');
const notice = document.getElementById('login-notice');

/**
 * Where a signed-in user starts: students at their exams; teachers, admins, experts, proctors, registrars at the
 * staff pages; the final attestation's secretaries and commission members at their sittings (6.15).
 */
const STAFF = ['admin', 'teacher', 'expert', 'proctor', 'registrar', 'head', 'dean', 'director', 'vice-rector'];
const COMMISSION = ['secretary', 'commission'];
function home() {
  const roles = user()?.roles ?? [];
  if (roles.includes('student')) return 'exams.html';
  if (roles.some((role) => STAFF.includes(role))) return 'teacher.html';
  return roles.some((role) => COMMISSION.includes(role)) ? 'sittings.html' : 'exams.html';
}

function start() {
  localise();
  if (token()) {
    window.location.replace(home());
    return;
  }
  if (param('expired')) showMessage(notice, t('login.expired'));
  else if (param('signedOut')) showMessage(notice, t('login.loggedOut'));
  form.addEventListener('submit', onSubmit);
  setState(main, 'ready');
  username.focus();
}

async function onSubmit(event) {
  event.preventDefault();
  showMessage(error, '');
  const name = username.value.trim();
  const missing = [username, password].filter((input) => !input.value.trim());
  for (const input of [username, password]) {
    if (missing.includes(input)) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  if (missing.length > 0) {
    showMessage(error, t('login.missing'));
    missing[0].focus();
    return;
  }
  submit.disabled = true;
  submit.textContent = t('login.busy');
  try {
    const signedIn = await login(name, password.value);
    signIn(signedIn);
    // the language saved on the account follows the person to a browser where no language was chosen yet
    const saved = signedIn.user?.language;
    if (saved && saved !== currentLanguage() && !languageChosenHere()) setLanguage(saved);
    window.location.assign(home());
  } catch (err) {
    let text = t('error.unexpected', { message: err.message });
    if (err instanceof ApiError) {
      text =
        err.status === 429 && err.body?.retryAfter ? t('login.wait', { seconds: err.body.retryAfter }) : errorText(err);
    }
    showMessage(error, text);
    if (err instanceof ApiError && err.status === 401) {
      password.value = '';
      password.focus();
    }
    submit.disabled = false;
    submit.textContent = t('login.submit');
  }
}

start();
