/**
 * The sitting's papers as PDF (issue 5, 8) on the pages: a button that fetches the paper with the page's token (a
 * plain link cannot carry it) and offers it as a download. The protocol for the commission, each act of technical
 * failure (6.15.2), each decided appeal (6.15.5).
 *
 * For tests: the button gets data-pdf-bytes (the size) and data-pdf-magic (its first four bytes) once downloaded,
 * or data-pdf-error.
 */

import { fetchBlob } from '../api/client.js';
import { downloadBlob, h } from '../dom.js';
import { t } from '../i18n.js';

const segment = (id) => encodeURIComponent(id);

export const protocolPath = (sittingId) => `/sittings/${segment(sittingId)}/protocol.pdf`;
export const actPath = (sittingId, actId) => `/sittings/${segment(sittingId)}/acts/${segment(actId)}/pdf`;
export const appealPath = (sittingId, appealId) => `/sittings/${segment(sittingId)}/appeals/${segment(appealId)}/pdf`;

/** Wires an existing button (the protocol's, in the markup) to download path() as filename(); onError(err). */
export function wirePdf(button, path, filename, onError) {
  button.addEventListener('click', () => download(button, path(), filename(), onError));
}

/** A new button for one paper; onError(err) shows a failure where the page shows errors. */
export function pdfButton(label, path, filename, onError) {
  return h('button', {
    type: 'button',
    class: 'button button-small pdf-button',
    text: label,
    'data-pdf': filename,
    on: { click: (event) => download(event.currentTarget, path, filename, onError) },
  });
}

async function download(button, path, filename, onError = () => {}) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('sitting.pdf.busy');
  delete button.dataset.pdfError;
  try {
    const blob = await fetchBlob(path, 'application/pdf');
    button.dataset.pdfMagic = await blob.slice(0, 4).text();
    button.dataset.pdfBytes = String(blob.size);
    downloadBlob(blob, filename);
  } catch (err) {
    button.dataset.pdfError = err?.code ?? 'error';
    onError(err);
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}
