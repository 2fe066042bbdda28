/**
 * lti-platforms.html: issue 16 (1), the administrator's LMS platforms. The addresses to paste into the LMS, a
 * one-use dynamic-registration address, the platforms registered (change, remove), a form to register one by hand,
 * the tool's signing keys (rotate) and the trail of changes.
 */

import {
  createPlatform,
  ltiKeys,
  ltiPlatforms,
  registrationCode,
  removePlatform,
  rotateLtiKeys,
  updatePlatform,
} from '../../lib/api/lti.js';
import { h, setState } from '../../lib/dom.js';
import { formatDateTime, t } from '../../lib/i18n.js';
import { $, busy, clearError, fact, fill, hasRole, pageFailed, showError, startStaffPage } from '../../lib/staff.js';

const main = $('lti');
const FIELDS = ['name', 'issuer', 'clientId', 'authUrl', 'tokenUrl', 'jwksUrl'];

async function start() {
  if (!startStaffPage()) return;
  if (!hasRole('admin')) {
    pageFailed(main, $('lti-busy'), $('lti-error'), new Error(t('lti.platforms.adminOnly')));
    return;
  }
  $('lti-form').addEventListener('submit', save);
  $('lti-form').addEventListener('reset', () => ($('lti-id').value = ''));
  $('lti-code').addEventListener('click', makeCode);
  $('lti-rotate').addEventListener('click', () => busy($('lti-rotate'), t('lti.platforms.rotating'), rotate));
  await load();
}

async function load() {
  try {
    const [all, keys] = await Promise.all([ltiPlatforms(), ltiKeys()]);
    $('lti-busy').hidden = true;
    renderTool(all.tool);
    renderPlatforms(all.platforms);
    renderKeys(keys.keys);
    $('lti-audit').replaceChildren(...all.audit.map(auditLine));
    $('lti-body').hidden = false;
    setState(main, 'ready');
  } catch (err) {
    pageFailed(main, $('lti-busy'), $('lti-error'), err);
  }
}

function renderTool(tool) {
  fill(
    $('lti-tool'),
    fact(t('lti.platforms.loginUrl'), h('code', { text: tool.loginUrl })),
    fact(t('lti.platforms.launchUrl'), h('code', { text: tool.launchUrl })),
    fact(t('lti.platforms.deepLinkUrl'), h('code', { text: tool.deepLinkUrl })),
    fact(t('lti.platforms.toolJwks'), h('code', { text: tool.jwksUrl })),
  );
}

function renderPlatforms(platforms) {
  $('lti-none').hidden = platforms.length > 0;
  $('lti-table').hidden = platforms.length === 0;
  $('lti-table').tBodies[0].replaceChildren(
    ...platforms.map((p) =>
      h(
        'tr',
        {},
        h('td', { text: p.name }),
        h('td', {}, h('code', { text: p.issuer })),
        h('td', {}, h('code', { text: p.clientId })),
        h('td', { text: p.deploymentIds.join(', ') }),
        h(
          'td',
          {},
          h('button', {
            class: 'button',
            type: 'button',
            text: t('lti.platforms.edit'),
            'aria-label': t('lti.platforms.editLabel', { name: p.name }),
            on: { click: () => edit(p) },
          }),
          h('button', {
            class: 'button',
            type: 'button',
            text: t('lti.platforms.remove'),
            'aria-label': t('lti.platforms.removeLabel', { name: p.name }),
            on: { click: () => remove(p) },
          }),
        ),
      ),
    ),
  );
}

function renderKeys(keys) {
  $('lti-keys').replaceChildren(
    ...keys.map((k) =>
      h(
        'li',
        {},
        h('code', { text: k.kid }),
        ' ',
        t('lti.platforms.keySigns', { from: formatDateTime(k.signsFrom) }),
        k.retiresAt ? ` ${t('lti.platforms.keyRetires', { at: formatDateTime(k.retiresAt) })}` : '',
      ),
    ),
  );
}

function auditLine(e) {
  return h('li', { text: t('lti.platforms.auditLine', { at: formatDateTime(e.at), by: e.by, what: e.type }) });
}

function edit(p) {
  $('lti-id').value = p.id;
  for (const f of FIELDS) $(`lti-${f}`).value = p[f] ?? '';
  $('lti-deploymentIds').value = p.deploymentIds.join('\n');
  $('lti-name').focus();
}

async function save(event) {
  event.preventDefault();
  clearError($('lti-form-error'));
  const body = Object.fromEntries(FIELDS.map((f) => [f, $(`lti-${f}`).value.trim()]));
  body.deploymentIds = $('lti-deploymentIds')
    .value.split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    const id = $('lti-id').value;
    await (id ? updatePlatform(id, body) : createPlatform(body));
    $('lti-form').reset();
    await load();
  } catch (err) {
    showError($('lti-form-error'), err);
  }
}

async function remove(p) {
  if (!window.confirm(t('lti.platforms.removeConfirm', { name: p.name }))) return;
  try {
    await removePlatform(p.id);
    await load();
  } catch (err) {
    showError($('lti-error'), err);
  }
}

async function makeCode() {
  try {
    const { url, hours } = await registrationCode();
    const box = $('lti-code-url');
    fill(box, t('lti.platforms.codeMade', { hours }), ' ', h('code', { text: url }));
    box.hidden = false;
  } catch (err) {
    showError($('lti-error'), err);
  }
}

async function rotate() {
  try {
    await rotateLtiKeys();
    await load();
  } catch (err) {
    showError($('lti-error'), err);
  }
}

start();
