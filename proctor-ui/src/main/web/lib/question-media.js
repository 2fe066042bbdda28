/**
 * Where a page's pictures and sounds of questions come from (issue 12, 2), for lib/richtext.js: the bank's files on
 * the bank page (its staff), the files of the student's own paper on the test page. Each file is fetched once with
 * the page's token and kept as a blob: URL for the life of the page (a file never changes: its name is its SHA-256).
 */

import { fetchBlob as blobOf, segment } from './api/client.js';

/** The bank's files: GET /banks/{bankId}/media/{hash}. */
export function bankMedia(bankId) {
  return cached((hash) => `/banks/${segment(bankId)}/media/${hash}`);
}

/** The files of the attempt's own paper: GET /attempts/{attemptId}/media/{hash}. */
export function attemptMedia(attemptId) {
  return cached((hash) => `/attempts/${segment(attemptId)}/media/${hash}`);
}

/**
 * hash → Promise of a blob: URL. A transient failure (no connection, 502-504) is tried again after 1, 2 and 4 s, so a
 * blip does not leave a question without its picture; a refusal (404, 403) is not. A failed file is forgotten, so the
 * next drawing of its question tries again.
 */
export function cached(
  pathOf,
  fetchBlob = async (path) => ({ data: await blobOf(path) }),
  { retries = 3, delay = (n) => 1000 * 2 ** n } = {},
) {
  const urls = new Map();
  const fetchWithRetries = (path, n) =>
    fetchBlob(path).catch((err) => {
      if (n >= retries || !err?.transient) throw err;
      return new Promise((resolve) => setTimeout(resolve, delay(n))).then(() => fetchWithRetries(path, n + 1));
    });
  return (hash) => {
    if (!urls.has(hash)) {
      const url = fetchWithRetries(pathOf(hash), 0).then(({ data }) => URL.createObjectURL(data));
      url.catch(() => urls.delete(hash));
      urls.set(hash, url);
    }
    return urls.get(hash);
  };
}
