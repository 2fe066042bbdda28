/**
 * English: the words for failures the page itself meets (no connection, an answer that is no refusal). A refusal's
 * sentence comes from the server, in the page's language (Accept-Language; lib/api/client.js). A page may phrase a declared
 * code its own way here as `api.<code>`, with the code's `{args}` (RefusalCatalogueTest holds them to the catalogue).
 */
export default {
  'error.network': 'The server cannot be reached. Check your connection.',
  'error.http': 'The server answered with an error ({status}).',
  'error.unexpected': 'Something went wrong: {message}',
};
