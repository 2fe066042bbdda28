/**
 * lti-pick.html?launch=<id>: issue 16 (2), a teacher's step after a launch from the LMS. For an activity with no
 * exam yet, the chosen exam becomes the activity's (its students then land on its rules); for a deep-linking request
 * the engine signs the answer and this page posts it to the LMS (form_post to deep_link_return_url). Issue 16 (2)
 * for oral sittings: the sittings the person runs (its chair or secretary; an administrator: every one) are offered
 * too; the engine binds or offers only those (403 otherwise).
 */

import { listExams } from '../../lib/api/exams.js';
import { bindLaunch, bindLaunchSitting, deepLink, deepLinkSitting } from '../../lib/api/lti.js';
import { mySittings } from '../../lib/api/sittings.js';
import { user } from '../../lib/session.js';
import { h, param, setState } from '../../lib/dom.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import { keptLaunch } from '../../lib/lti.js';
import { $, pageFailed, showError, startStaffPage } from '../../lib/staff.js';

const main = $('lti');
const launchId = param('launch');
const launch = keptLaunch();
const deepLinking = launch?.messageType === 'LtiDeepLinkingRequest';

async function start() {
  if (!startStaffPage()) return;
  if (deepLinking) $('lti-heading').textContent = t('lti.pick.deepHeading');
  if (launch?.context) $('lti-context').textContent = t('lti.pick.context', { course: launch.context });
  $('lti-reload').addEventListener('click', load);
  await load();
}

async function load() {
  try {
    // the exams the teacher may see; the engine binds only one they manage (403 otherwise)
    const [listed, sittings] = await Promise.all([listExams().then(ok, failed), runSittings()]);
    // a sitting's chair or secretary who is no teacher may list no exams: the sittings alone are the choice then
    if (listed.err && sittings.length === 0) throw listed.err;
    const exams = listed.value ?? [];
    $('lti-busy').hidden = true;
    $('lti-none').hidden = exams.length > 0 || sittings.length > 0;
    $('lti-exams').replaceChildren(...exams.map(item));
    $('lti-sittings-section').hidden = sittings.length === 0;
    if (sittings.length > 0) {
      $('lti-heading').textContent = t(deepLinking ? 'lti.pick.deepHeadingAny' : 'lti.pick.headingAny');
    }
    $('lti-sittings').replaceChildren(...sittings.map(sittingItem));
    setState(main, 'ready');
  } catch (err) {
    pageFailed(main, $('lti-busy'), $('lti-error'), err);
  }
}

function item(exam) {
  const choose = h('button', {
    class: 'button button-primary',
    type: 'button',
    text: t('lti.pick.choose'),
    'aria-label': t('lti.pick.chooseLabel', { title: exam.title }),
    on: { click: () => chosen(exam, choose) },
  });
  return h(
    'li',
    { class: 'card' },
    h('h2', { text: exam.title }),
    h('p', { class: 'muted', text: `${formatDateTime(exam.opensAt)} – ${formatDateTime(exam.closesAt)}` }),
    choose,
  );
}

const ok = (value) => ({ value });
const failed = (err) => ({ err });

/** The sittings the person runs: their chair or secretary; an administrator every one. */
async function runSittings() {
  const admin = user()?.roles?.includes('admin');
  const all = await mySittings().catch(() => []);
  return all.filter((s) => admin || s.role === 'chair' || s.role === 'secretary');
}

function sittingItem(sitting) {
  const choose = h('button', {
    class: 'button button-primary',
    type: 'button',
    text: t('lti.pick.choose'),
    'aria-label': t('lti.pick.chooseLabel', { title: sitting.title }),
    on: { click: () => chosenSitting(sitting, choose) },
  });
  return h(
    'li',
    { class: 'card', 'data-sitting': sitting.id },
    h('h2', { text: sitting.title }),
    h('p', { class: 'muted', text: t('lti.pick.sittingDate', { date: sitting.date }) }),
    choose,
  );
}

async function chosenSitting(sitting, button) {
  button.disabled = true;
  try {
    if (deepLinking) {
      const { returnUrl, jwt } = await deepLinkSitting(launchId, sitting.id);
      const form = $('lti-return');
      form.action = returnUrl;
      $('lti-jwt').value = jwt;
      form.submit();
      return;
    }
    const { next } = await bindLaunchSitting(launchId, sitting.id);
    window.location.replace(next);
  } catch (err) {
    button.disabled = false;
    showError($('lti-error'), err);
  }
}

async function chosen(exam, button) {
  button.disabled = true;
  try {
    if (deepLinking) {
      const { returnUrl, jwt } = await deepLink(launchId, exam.id);
      const form = $('lti-return');
      form.action = returnUrl;
      $('lti-jwt').value = jwt;
      form.submit();
      return;
    }
    const { next } = await bindLaunch(launchId, exam.id);
    window.location.replace(next);
  } catch (err) {
    button.disabled = false;
    showError($('lti-error'), err);
  }
}

start();
