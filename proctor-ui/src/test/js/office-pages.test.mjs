// Issue 15 on the office pages: an option of the bank editor as its author wrote it ("<b>", not "&lt;b&gt;"), never
// becoming markup on the way back (pages/bank/option-text.js, drawn by lib/richtext.js), and a period's key written
// in the reader's language (lib/calendar.js). Node loads the Kazakh words; the DOM is happy-dom's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';

// the words first, without a document: Node then loads every area (a page loads only those it names)
const { periodKeyLabel, weekLabel } = await import('../../main/web/lib/calendar.js');
const window = new Window();
globalThis.document = window.document;
globalThis.Node = window.Node;
globalThis.DOMParser = window.DOMParser;

const { editable, htmlOf, isPlain, textOf, toSave } = await import('../../main/web/pages/bank/option-text.js');
const { richText } = await import('../../main/web/lib/richtext.js');

/** What a page draws for stored HTML: its text, and the elements it made. */
function drawn(html) {
  const div = document.createElement('div');
  div.append(richText(html));
  return { text: div.textContent, elements: [...div.querySelectorAll('*')].map((e) => e.localName) };
}

test('a plain option stored as "&lt;b&gt;" (GIFT [plain]) is edited as "<b>", the text every page shows', () => {
  assert.ok(isPlain('&lt;b&gt;'));
  assert.equal(textOf('&lt;b&gt;'), '<b>');
  assert.deepEqual(editable('&lt;b&gt;'), { format: 'text', value: '<b>' });
  assert.deepEqual(editable('&lt;b&gt;км&lt;/b&gt; &amp; сағ'), { format: 'text', value: '<b>км</b> & сағ' });
  assert.equal(drawn('&lt;b&gt;').text, '<b>', 'the card draws the same');
  assert.deepEqual(editable('12'), { format: 'text', value: '12' });
  assert.deepEqual(editable(''), { format: 'text', value: '' }, 'a new option is text');
});

test('an option with markup is edited as HTML, as the question text is', () => {
  assert.ok(!isPlain('x<sup>2</sup>'));
  assert.deepEqual(editable('x<sup>2</sup>'), { format: 'html', value: 'x<sup>2</sup>' });
  assert.deepEqual(drawn('x<sup>2</sup>').elements, ['sup']);
});

test('text typed as text is stored escaped: it shows exactly as typed and never becomes markup', () => {
  for (const typed of [
    '<b>',
    '<b>bold</b> & x < 2',
    '<img src=x onerror="alert(1)">',
    '<script>alert(1)</script>',
    '&lt;',
  ]) {
    const html = htmlOf(typed);
    const shown = drawn(html);
    assert.equal(shown.text, typed, `${typed} shows as typed`);
    assert.deepEqual(shown.elements, [], `${typed} makes no element`);
    assert.equal(textOf(html), typed, 'and opens in the editor as typed again');
  }
  assert.equal(htmlOf('<b>'), '&lt;b&gt;');
});

test('saving: an untouched option goes back exactly as stored; a changed one is escaped (text) or kept (HTML)', () => {
  const stored = '&lt;b&gt;';
  assert.equal(toSave({ stored, shown: '<b>', value: '<b>', format: 'text' }), stored, 'not escaped twice');
  assert.equal(toSave({ stored, shown: '<b>', value: '<i>', format: 'text' }), '&lt;i&gt;');
  assert.equal(toSave({ stored: 'a&nbsp;b', shown: 'a\u00a0b', value: 'a\u00a0b ', format: 'text' }), 'a&nbsp;b');
  assert.equal(
    toSave({ stored: 'x<sup>2</sup>', shown: 'x<sup>2</sup>', value: 'x<sup>3</sup>', format: 'html' }),
    'x<sup>3</sup>',
  );
  assert.equal(
    toSave({ stored: '', shown: '', value: 'x<sup>2</sup>', format: 'html' }),
    'x<sup>2</sup>',
    'the author ticked HTML for a new option',
  );
  assert.equal(
    toSave({ stored, shown: '<b>', value: '<b>', format: 'html' }),
    '<b>',
    'ticked HTML: the same characters are now markup, as the preview shows',
  );
});

test("a period's key is written in the reader's language, never raw", () => {
  assert.equal(periodKeyLabel('2026-2027/autumn'), '2026-2027, күзгі семестр');
  assert.equal(periodKeyLabel('2026-2027/spring'), '2026-2027, көктемгі семестр');
  assert.equal(periodKeyLabel('something else'), 'something else');
  assert.equal(periodKeyLabel(''), '');
  const week = weekLabel({ period: '2026-2027/autumn', academicYear: '2026-2027', name: 'autumn', week: 14 });
  assert.ok(!week.includes('/autumn'), week);
  assert.ok(week.includes('14'), week);
});
