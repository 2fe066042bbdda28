/**
 * result.html?attempt=<id>: the score (handed over by the attempt page, or read from the finished attempt)
 * and the signed receipt from GET …/receipt, to read, download and check; for a proctored attempt, its review
 * once there is one (lib/proctoring/my-review.js).
 */

import { ApiError } from '../../lib/api/client.js';
import { attemptLog, getAttempt, receipt as fetchReceipt } from '../../lib/api/attempts.js';
import { h, param, setState, showMessage } from '../../lib/dom.js';
import { formatDateTime, formatNumber, t, formatPercent } from '../../lib/i18n.js';
import { sessionExpired, startSignedInPage } from '../../lib/page.js';
import { showMyReview } from '../../lib/proctoring/my-review.js';
import { covers, receiptKeyId } from '../../lib/verify/checks.js';
import { keptResult } from '../../lib/session.js';

const $ = (id) => document.getElementById(id);
const main = $('result');
const ui = {
  loading: $('result-loading'),
  error: $('result-error'),
  body: $('result-body'),
  title: $('exam-title'),
  score: $('score'),
  scoreMissing: $('score-missing'),
  finished: $('finished'),
  download: $('download'),
  check: $('check'),
  checkResult: $('check-result'),
  json: $('receipt-json'),
  review: $('my-review'),
};

/** The lines of signedText in format emtihan-receipt-v1, by field. */
const SIGNED_FIELDS = [
  'attemptId',
  'studentId',
  'examId',
  'status',
  'answersDigest',
  'events',
  'chainHead',
  'submittedAt',
];

async function start() {
  if (!startSignedInPage()) return;
  const attemptId = param('attempt');
  if (!attemptId) {
    ui.loading.hidden = true;
    showMessage(ui.error, t('result.noAttempt'));
    setState(main, 'error');
    return;
  }
  let kept = keptResult(attemptId);
  let attempt = null;
  if (!kept || kept.points === undefined) {
    // opened later (or the server timed the attempt out): the finished attempt carries its grade
    try {
      attempt = await getAttempt(attemptId);
      if (attempt.result) kept = { ...attempt.result, status: attempt.status, title: attempt.title };
    } catch {
      // the receipt below still shows what is known
    }
  }
  let receipt;
  try {
    receipt = await fetchReceipt(attemptId);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      sessionExpired();
      return;
    }
    if (!kept?.receipt) {
      ui.loading.hidden = true;
      showMessage(ui.error, err.message);
      setState(main, 'error');
      return;
    }
    receipt = kept.receipt;
  }
  render(kept, receipt);
  offerLog(attemptId);
  setState(main, 'ready');
  showMyReview(ui.review, attemptId, attempt);
}

function render(kept, receipt) {
  ui.loading.hidden = true;
  ui.title.textContent = kept?.title ?? '';
  ui.title.hidden = !kept?.title;
  const status = kept?.status ?? receipt.status;
  const rows = [[t('result.status'), status ? t(`status.${status}`) : '']];
  if (kept && kept.points !== undefined) {
    rows.push([t('result.points'), formatNumber(kept.points)]);
    rows.push([t('result.percent'), formatPercent(kept.percent, 1)]);
    // the traditional grade comes from regulation.yaml in English words; shown in the page's language when known
    const traditional = t(`traditional.${kept.traditional}`);
    rows.push([
      t('result.letter'),
      kept.letter,
      traditional.startsWith('traditional.') ? kept.traditional : traditional,
    ]);
  }
  ui.score.replaceChildren(
    ...rows.map(([term, value, note]) =>
      h(
        'div',
        { class: 'score-item' },
        h('dt', { text: term }),
        h('dd', {}, value ?? '', note ? h('span', { class: 'score-note', text: note }) : null),
      ),
    ),
  );
  ui.finished.textContent = receipt.submittedAt
    ? t('result.finishedAt', { time: formatDateTime(receipt.submittedAt) })
    : '';
  ui.finished.hidden = !receipt.submittedAt;
  ui.scoreMissing.hidden = Boolean(kept && kept.points !== undefined);

  const text = JSON.stringify(receipt, null, 2);
  ui.json.textContent = text;
  const url = URL.createObjectURL(new Blob([text + '\n'], { type: 'application/json' }));
  ui.download.href = url;
  ui.download.download = `receipt-${receipt.attemptId ?? 'attempt'}.json`;
  window.addEventListener('pagehide', () => URL.revokeObjectURL(url), { once: true });
  ui.check.addEventListener('click', () => check(receipt));
  ui.body.hidden = false;
}

/** Issue 10: the attempt's event log as a file, for the verify page or one's own tools. */
async function offerLog(attemptId) {
  let log;
  try {
    log = await attemptLog(attemptId);
  } catch {
    return; // not finished yet, or not readable: the receipt alone is still shown
  }
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(log, null, 2)}\n`], { type: 'application/json' }));
  const link = $('download-log');
  link.href = url;
  link.download = `log-${attemptId}.json`;
  $('verify-link').href = `verify.html?attempt=${encodeURIComponent(attemptId)}`;
  window.addEventListener('pagehide', () => URL.revokeObjectURL(url), { once: true });
  $('log-actions').hidden = false;
}

async function check(receipt) {
  ui.check.disabled = true;
  try {
    let message = await verify(receipt);
    const signed = message === t('result.checkOk');
    if (signed) message = `${message} ${await publishedKey(receipt)}`;
    const ok = signed && message.endsWith(t('verify.resultKeyListed'));
    ui.checkResult.classList.toggle('notice-error', !ok);
    ui.checkResult.classList.toggle('notice-ok', ok);
    showMessage(ui.checkResult, message);
  } finally {
    ui.check.disabled = false;
  }
}

/** Issue 10: whether the receipt's key is one the engine publishes, for the receipt's time, as a sentence. */
async function publishedKey(receipt) {
  let list;
  try {
    const response = await fetch('/.well-known/emtihan-receipt-keys.json', { headers: { Accept: 'application/json' } });
    list = response.ok ? await response.json() : null;
  } catch {
    list = null;
  }
  if (!list) return t('verify.resultKeysUnavailable');
  const id = await receiptKeyId(receipt);
  const key = (list.keys ?? []).find((k) => k.keyId === id);
  if (!key || key.publicKey !== receipt.publicKey) return t('verify.resultKeyUnknown');
  return covers(key, receipt.submittedAt) ? t('verify.resultKeyListed') : t('verify.resultKeyPeriod');
}

/** The outcome of checking the Ed25519 signature over signedText with publicKey, as a sentence. */
async function verify(receipt) {
  if (!globalThis.crypto?.subtle) return t('result.checkUnsupported');
  let key;
  try {
    key = await crypto.subtle.importKey('spki', base64(receipt.publicKey), { name: 'Ed25519' }, false, ['verify']);
  } catch (err) {
    if (err?.name === 'NotSupportedError') return t('result.checkUnsupported');
    return t('result.checkBad');
  }
  let valid = false;
  try {
    valid = await crypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      base64(receipt.signature),
      new TextEncoder().encode(receipt.signedText ?? ''),
    );
  } catch {
    valid = false;
  }
  if (!valid) return t('result.checkBad');
  const lines = String(receipt.signedText).split('\n');
  if (lines[0] === 'emtihan-receipt-v1') {
    const differing = SIGNED_FIELDS.filter((field, i) => String(receipt[field]) !== lines[i + 1]);
    if (differing.length > 0) return t('result.checkMismatch', { fields: differing.join(', ') });
  }
  return t('result.checkOk');
}

function base64(text) {
  const binary = atob(String(text ?? ''));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

start();
