// Issue 12, 2: question HTML on the pages. Pictures and sounds only as data-media (fetched by the page's media
// source, shown through a blob: URL), formulas rendered by KaTeX as MathML (no HTML output, no inline style), a
// formula KaTeX cannot parse shown as its source, and everything else as the allow-list always did. The DOM is
// happy-dom's (a browser DOM for Node); KaTeX is the npm package the pages are built with.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';
import { until } from './support.mjs';

const window = new Window();
Object.defineProperty(window.document, 'compatMode', { value: 'CSS1Compat' }); // KaTeX refuses quirks mode
globalThis.document = window.document;
globalThis.Node = window.Node;
globalThis.DOMParser = window.DOMParser;

const { richText, setMediaSource, useKatex } = await import('../../main/web/lib/richtext.js');
const katex = (await import('katex')).default;

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const HASH = 'ab'.repeat(32);

/** The rendering in a div, so it can be queried. */
function render(html, options) {
  const div = document.createElement('div');
  div.append(richText(html, options));
  return div;
}

test('without KaTeX (not served), a formula shows its source and the rest of the text is intact', async () => {
  const div = render('<p>Solve \\(x^2 = 4\\) now</p>');
  const span = div.querySelector('span.tex');
  assert.equal(span.textContent, '\\(x^2 = 4\\)');
  await until(() => span.dataset.tex === 'unavailable', 'the missing KaTeX is given up');
  assert.equal(div.textContent, 'Solve \\(x^2 = 4\\) now');
  useKatex(katex);
});

test('inline and displayed formulas become MathML built by KaTeX, with no style attribute', () => {
  const div = render('<p>Inline \\(\\frac{a}{b}\\), shown \\[\\sqrt{x}\\] and $$x_1 + x_2$$.</p>');
  const spans = [...div.querySelectorAll('span.tex')];
  assert.equal(spans.length, 3);
  assert.deepEqual(
    spans.map((s) => s.dataset.tex),
    ['rendered', 'rendered', 'rendered'],
  );
  const maths = spans.map((s) => s.querySelector('math'));
  assert.ok(maths.every((m) => m && m.namespaceURI === MATHML));
  assert.ok(maths[0].querySelector('mfrac'), 'a fraction');
  assert.ok(maths[1].querySelector('msqrt'), 'a root');
  assert.equal(maths[0].getAttribute('display'), null);
  assert.equal(maths[1].getAttribute('display'), 'block');
  assert.equal(maths[2].getAttribute('display'), 'block');
  assert.ok(spans[1].classList.contains('tex-display'));
  assert.equal(div.querySelectorAll('[style]').length, 0, 'the CSP allows no inline style');
  assert.ok(div.textContent.startsWith('Inline '));
});

test('HTML entities reach KaTeX as the characters they stand for', () => {
  const div = render('<p>\\(a &lt; b\\)</p>');
  const mo = [...div.querySelectorAll('mo')].map((m) => m.textContent);
  assert.ok(mo.includes('<'), mo.join());
});

test('a formula KaTeX cannot parse shows its source, and the others still render', () => {
  const div = render('<p>\\(\\frac{1}{\\) and \\(\\undefinedmacro\\) and \\(y\\)</p>');
  const spans = [...div.querySelectorAll('span.tex')];
  assert.deepEqual(
    spans.map((s) => s.dataset.tex),
    ['error', 'error', 'rendered'],
  );
  assert.equal(spans[0].textContent, '\\(\\frac{1}{\\)');
  assert.equal(spans[1].textContent, '\\(\\undefinedmacro\\)');
  assert.equal(spans[0].querySelector('math'), null);
});

test('KaTeX runs with trust off: no link, no class, no style from the formula', () => {
  const div = render(
    '<p>\\(\\href{javascript:alert(1)}{x}\\) \\(\\htmlStyle{color:red}{y}\\) \\(\\url{http://x}\\)</p>',
  );
  assert.equal(div.querySelectorAll('[href], [style]').length, 0);
  assert.ok(!div.innerHTML.includes('javascript:alert') || div.querySelectorAll('[href]').length === 0);
});

test('text in code and pre is left as written; an unclosed delimiter is plain text', () => {
  const div = render('<pre>\\(x\\)</pre><code>$$y$$</code><p>costs $$5</p>');
  assert.equal(div.querySelectorAll('span.tex').length, 0);
  assert.equal(div.textContent, '\\(x\\)$$y$$costs $$5');
});

test('a picture with data-media is a new img with its alt text, its bytes from the page source as a blob: URL', async () => {
  const asked = [];
  const div = render(
    `<p>See <img data-media="${HASH}" alt="a red dot" src="http://evil.example/x.png" onerror="alert(1)" style="x" width="9000"></p>`,
    {
      media: (hash) => {
        asked.push(hash);
        return Promise.resolve('blob:http://localhost/1');
      },
    },
  );
  const img = div.querySelector('img');
  assert.equal(img.getAttribute('alt'), 'a red dot');
  assert.equal(img.getAttribute('data-media'), HASH);
  assert.deepEqual(
    [...img.attributes].map((a) => a.name).sort(),
    ['alt', 'class', 'data-media', 'data-media-state'],
    'nothing of the source element but its alt text',
  );
  await until(() => img.dataset.mediaState === 'shown', 'the picture is shown');
  assert.equal(img.getAttribute('src'), 'blob:http://localhost/1');
  assert.deepEqual(asked, [HASH]);
});

test('sounds and videos get controls and the same source; a failed fetch is marked, never thrown', async () => {
  const div = render(`<audio data-media="${HASH}" autoplay onplay="x()"></audio><video data-media="${HASH}"></video>`, {
    media: () => Promise.reject(new Error('404')),
  });
  const [audio, video] = [div.querySelector('audio'), div.querySelector('video')];
  assert.ok(audio.hasAttribute('controls') && video.hasAttribute('controls'));
  assert.ok(!audio.hasAttribute('autoplay') && !audio.hasAttribute('onplay'));
  await until(() => audio.dataset.mediaState === 'failed' && video.dataset.mediaState === 'failed', 'marked failed');
  assert.equal(audio.getAttribute('src'), null);
});

test('no picture without a valid data-media: a src, an upper-case or short hash, a javascript: value', () => {
  setMediaSource(() => Promise.resolve('blob:x'));
  const div = render(
    '<p><img src="http://evil.example/a.png" alt="a">' +
      `<img data-media="${HASH.toUpperCase()}"><img data-media="abc"><img data-media="javascript:alert(1)">` +
      '<img src="@@PLUGINFILE@@/a.png"><audio src="x.mp3"></audio><svg><image href="x"/></svg>text</p>',
  );
  assert.equal(div.querySelectorAll('img, audio, video, svg, image').length, 0);
  assert.equal(div.textContent, 'text');
  setMediaSource(null);
});

test('the page-wide source is used when a call names none; without any the picture says it is unavailable', async () => {
  const without = render(`<img data-media="${HASH}" alt="x">`).querySelector('img');
  assert.equal(without.dataset.mediaState, 'unavailable');
  setMediaSource(() => Promise.resolve('blob:page'));
  const img = render(`<img data-media="${HASH}" alt="x">`).querySelector('img');
  await until(() => img.dataset.mediaState === 'shown', 'shown from the page source');
  assert.equal(img.getAttribute('src'), 'blob:page');
  setMediaSource(null);
});

test('the allow-list is as before: scripts dropped with their text, unknown elements keep their text only', () => {
  const div = render('<p onclick="x()">a<script>alert(1)</script><b>b</b><span style="c">c</span></p>');
  assert.equal(div.innerHTML, '<p>a<b>b</b>c</p>');
});
