/**
 * verify.html (issue 10): anyone, without signing in, checks a receipt against the engine's published keys and
 * the attempt's log, and a closed sitting's draws against the revealed seed. The recipes are in
 * docs/verification.md; the checks in lib/verify/checks.js. Nothing is sent anywhere: the files stay in the browser,
 * and the only request is for the public key list. Opened from a signed-in page as verify.html?attempt=<id> or
 * ?sitting=<id>, it also fetches that receipt and log, or those draws, with the caller's own access.
 */

import { errorText } from '../../lib/api/client.js';
import { attemptLog, receipt as fetchReceipt } from '../../lib/api/attempts.js';
import { sittingDraws } from '../../lib/api/sittings.js';
import { h, param, setState, showMessage } from '../../lib/dom.js';
import { localise, t } from '../../lib/i18n.js';
import { token } from '../../lib/session.js';
import { checkDraws, checkReceipt, ed25519Supported, kindOf } from '../../lib/verify/checks.js';

const KEYS_URL = '/.well-known/emtihan-receipt-keys.json';
const $ = (id) => document.getElementById(id);
const main = $('verify');
const ui = {
  drop: $('drop'),
  files: $('files'),
  recognised: $('recognised'),
  check: $('check'),
  clear: $('clear'),
  error: $('verify-error'),
  summary: $('summary'),
  results: $('results'),
};
/** The files given so far, by kind: receipt, log, keys, draws. */
let given = {};

async function take(fileList) {
  showMessage(ui.error, '');
  for (const file of fileList) {
    let doc = null;
    try {
      doc = JSON.parse(await file.text());
    } catch {
      doc = null;
    }
    const kind = kindOf(doc);
    if (kind) given[kind] = { name: file.name, doc };
    else showMessage(ui.error, t('verify.unknownFile', { name: file.name }));
  }
  renderFiles();
}

function renderFiles() {
  ui.recognised.replaceChildren(
    ...Object.entries(given).map(([kind, f]) =>
      h('li', {}, h('strong', { text: t(`verify.kind.${kind}`) }), ` ${f.name}`),
    ),
  );
  ui.check.disabled = !(given.receipt || given.draws);
}

async function keys() {
  if (given.keys) return { list: given.keys.doc, source: t('verify.keysFromFile', { name: given.keys.name }) };
  const response = await fetch(KEYS_URL, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(t('verify.keysUnavailable', { url: KEYS_URL }));
  return {
    list: await response.json(),
    source: t('verify.keysFromServer', { url: new URL(KEYS_URL, window.location.href).href }),
  };
}

/** One check as a sentence: its words by code and outcome, with the numbers it found. */
function sentence(c) {
  const outcome = c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'skip';
  const params = {
    keyId: c.keyId ?? '',
    from: c.validFrom ?? '',
    until: c.validUntil ?? '∞',
    at: c.submittedAt ?? '',
    found: c.found ?? '',
    expected: c.expected ?? '',
    number: c.drawNumber ?? '',
    ticket: c.ticket ?? '',
    recomputed: c.recomputed ?? '',
  };
  return t(`verify.${c.check}.${outcome}`, params);
}

async function run() {
  ui.check.disabled = true;
  showMessage(ui.error, '');
  showMessage(ui.summary, '');
  ui.results.replaceChildren();
  try {
    if (!(await ed25519Supported())) {
      showMessage(ui.error, t('verify.unsupported'));
      return;
    }
    const checks = [];
    const notes = [];
    if (given.receipt) {
      if (!given.log) {
        showMessage(ui.error, t('verify.needLog'));
        return;
      }
      const k = await keys();
      notes.push(k.source);
      checks.push(...(await checkReceipt(given.receipt.doc, given.log.doc, k.list)));
    }
    if (given.draws) checks.push(...(await checkDraws(given.draws.doc)));
    const bad = checks.filter((c) => c.ok === false).length;
    ui.summary.classList.toggle('notice-ok', bad === 0);
    ui.summary.classList.toggle('notice-error', bad > 0);
    showMessage(ui.summary, bad === 0 ? t('verify.allOk') : t('verify.someBad', { count: bad }));
    ui.results.replaceChildren(
      ...notes.map((n) => h('li', { class: 'verify-note', text: n })),
      ...checks.map((c) =>
        h(
          'li',
          { class: `verify-${c.ok === true ? 'ok' : c.ok === false ? 'bad' : 'skip'}`, 'data-check': c.check },
          h('span', {
            class: 'verify-mark',
            'aria-hidden': 'true',
            text: c.ok === true ? '✓' : c.ok === false ? '✗' : '–',
          }),
          ` ${sentence(c)}`,
        ),
      ),
    );
  } catch (err) {
    showMessage(ui.error, err?.message ?? String(err));
  } finally {
    ui.check.disabled = !(given.receipt || given.draws);
  }
}

/** verify.html?attempt=… / ?sitting=… from a signed-in tab: the caller's own receipt and log, or the draws. */
async function preload() {
  const attempt = param('attempt');
  const sitting = param('sitting');
  if (!token() || !(attempt || sitting)) return;
  try {
    if (attempt) {
      const id = encodeURIComponent(attempt);
      given.receipt = { name: `/api/v1/attempts/${id}/receipt`, doc: await fetchReceipt(attempt) };
      given.log = { name: `/api/v1/attempts/${id}/log`, doc: await attemptLog(attempt) };
    }
    if (sitting) {
      given.draws = { name: `/api/v1/sittings/${encodeURIComponent(sitting)}/draws`, doc: await sittingDraws(sitting) };
    }
  } catch (err) {
    showMessage(ui.error, errorText(err));
  }
  renderFiles();
}

async function start() {
  localise();
  ui.files.addEventListener('change', () => take(ui.files.files));
  ui.drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    ui.drop.classList.add('drop-over');
  });
  ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('drop-over'));
  ui.drop.addEventListener('drop', (event) => {
    event.preventDefault();
    ui.drop.classList.remove('drop-over');
    take(event.dataTransfer.files);
  });
  ui.check.addEventListener('click', run);
  ui.clear.addEventListener('click', () => {
    given = {};
    ui.files.value = '';
    renderFiles();
    ui.results.replaceChildren();
    showMessage(ui.summary, '');
    showMessage(ui.error, '');
  });
  await preload();
  setState(main, 'ready');
}

start();
