/**
 * The connection line of the student's test page: says clearly when the page is offline and how many answers
 * wait on this device. Issue 15 (4): offline, it is a line under the timer (css/app.css .attempt-top), never over
 * the answers or the buttons; a phone shows its short form (.connection-short) and a screen reader reads the full
 * sentence (.connection-long).
 *
 * For tests: <main data-connection data-pending>.
 */

import { h } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { connectionLine } from '../../lib/attempt/question-state.js';

const main = document.getElementById('attempt');
const line = document.getElementById('connection');

/** Draws the line for the answer book's state and the browser's. */
export function renderConnection(book) {
  const { offline, pending, key, params } = connectionLine(book, navigator.onLine);
  main.dataset.connection = offline ? 'offline' : 'online';
  main.dataset.pending = String(pending);
  line.classList.toggle('connection-offline', offline);
  const text = key ? t(key, params) : '';
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
