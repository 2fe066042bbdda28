/**
 * The connection line of the student's test page: says clearly when the page is offline and how many answers
 * wait on this device.
 *
 * For tests: <main data-connection data-pending>.
 */

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
  line.textContent = key ? t(key, params) : '';
}
