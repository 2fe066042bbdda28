/**
 * The connection line of the student's test page: says clearly when the page is offline and how many answers
 * wait on this device. Issue 15 (4): offline, it is a line under the timer (css/app.css .attempt-top), never over
 * the answers or the buttons; a phone shows its short form (.connection-short) and a screen reader reads the full
 * sentence (.connection-long).
 *
 * After an outage it says, once every waiting answer has reached the server, that all were delivered (issue 15, 6);
 * the sentence goes after a while or with the next change.
 *
 * For tests: <main data-connection data-pending data-delivered>.
 */

import { h } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { connectionLine, deliveredAfterOutage } from '../../lib/attempt/question-state.js';

const DELIVERED_SHOWN_MS = 10000;
let behind = false;
let deliveredTimer = null;

const main = document.getElementById('attempt');
const line = document.getElementById('connection');

/** Draws the line for the answer book's state and the browser's. */
export function renderConnection(book) {
  const shown = connectionLine(book, navigator.onLine);
  const { offline, pending, key, params } = shown;
  const failing = [...(book.entries?.values() ?? [])].some((entry) => entry.state === 'error');
  const after = deliveredAfterOutage(shown, behind, failing);
  behind = after.behind;
  main.dataset.connection = offline ? 'offline' : 'online';
  main.dataset.pending = String(pending);
  line.classList.toggle('connection-offline', offline);
  if (after.delivered) {
    main.dataset.delivered = 'true';
    show(t('attempt.delivered'), false, params);
    clearTimeout(deliveredTimer);
    deliveredTimer = setTimeout(() => {
      delete main.dataset.delivered;
      if (line.dataset.text === t('attempt.delivered')) show('', false, params);
    }, DELIVERED_SHOWN_MS);
    return;
  }
  if (key) {
    clearTimeout(deliveredTimer);
    delete main.dataset.delivered;
    show(t(key, params), offline, params);
  } else if (main.dataset.delivered !== 'true') show('', offline, params);
}

function show(text, offline, params) {
  if (line.dataset.text === text) return;
  line.dataset.text = text;
  if (!offline) {
    line.textContent = text;
    return;
  }
  // the short form is for the eyes on a phone; the full sentence is read out and shown on wider screens
  line.replaceChildren(
    h('span', { class: 'connection-long', text }),
    h('span', { class: 'connection-short', 'aria-hidden': 'true', text: t('attempt.offlineShort', params) }),
  );
}
