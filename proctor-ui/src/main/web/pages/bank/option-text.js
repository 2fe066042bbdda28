/**
 * Issue 15 (item on the bank page): an option's text in the editor as its author wrote it. The engine stores every
 * option as HTML: a plain-text option "<b>" (GIFT [plain], Moodle's plain_text) is stored as "&lt;b&gt;", which the
 * cards and the test page draw as "<b>" (lib/richtext.js). The editor used to put that stored HTML into the option's
 * field, so the author read "&lt;b&gt;", and saving what they read as text would have stored it escaped twice.
 *
 * Now an option without markup is edited as text: the field shows its text ("<b>"), and what is typed there is
 * stored escaped, so it always shows as typed and can never become markup (nor an injection: richText decides what
 * markup is drawn, and escaped text is none). An option with markup (bold, a picture, sub- and superscripts) is
 * edited as HTML, as the question text is, with a preview of what the student sees; the author switches a row
 * between the two with its "HTML" box. An option left untouched is saved exactly as it was stored.
 */

/** The elements inside parsed option HTML (none for plain text). */
function parsed(html) {
  return new DOMParser().parseFromString(String(html ?? ''), 'text/html').body;
}

/** Whether stored option HTML is plain text: no element at all, only text and character references. */
export function isPlain(html) {
  return parsed(html).querySelector('*') === null;
}

/** The text of plain option HTML, as the pages draw it: "&lt;b&gt; &amp; x" → "<b> & x". */
export function textOf(html) {
  return parsed(html).textContent;
}

/** Text typed as text → the HTML that every page shows as exactly that text: "<b> & x" → "&lt;b&gt; &amp; x". */
export function htmlOf(text) {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * How an option is edited: {format: 'text'|'html', value (what the field shows)} for stored HTML. Empty (a new
 * option) is text.
 */
export function editable(html) {
  return isPlain(html) ? { format: 'text', value: textOf(html) } : { format: 'html', value: String(html ?? '') };
}

/**
 * The HTML to save for a field: stored (what the option held when the editor opened), shown (what the field showed
 * then), value (what it holds now), format ('text' or 'html'). Unchanged, the stored HTML goes back as it was.
 */
export function toSave({ stored, shown, value, format }) {
  const typed = String(value ?? '').trim();
  if (stored !== undefined && typed === String(shown ?? '').trim() && format === editable(stored).format) return stored;
  return format === 'text' ? htmlOf(typed) : typed;
}
