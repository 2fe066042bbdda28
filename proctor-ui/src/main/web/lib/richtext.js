/**
 * Question text may carry the small HTML subset the engine keeps from imports (HtmlText.SAFELIST on the
 * server). It is never assigned to innerHTML: DOMParser builds an inert document, and only allow-listed
 * elements and attributes are copied, as new nodes of this page. Anything else keeps its text but loses
 * its markup; the contents of script-like elements are dropped altogether.
 *
 * Pictures and sounds (issue 12, 2) come as <img data-media="<sha-256>" alt="…">, <audio data-media="…"> or
 * <video data-media="…">: nothing else of them is copied (no src, no event, no style). Their bytes are fetched by
 * the page's media source (setMediaSource: the bank's files on the bank page, the student's own paper on the test
 * page, both with the page's token) and shown through a blob: URL, which the CSP allows for img-src and media-src.
 *
 * Formulas as Moodle writes them, \( … \), \[ … \] and $$ … $$, are rendered by KaTeX (served from 'self' under
 * vendor/katex-<version>) as MathML, which Chromium draws natively: no HTML output, so no inline style the CSP would refuse.
 * KaTeX builds the nodes itself (katex.render, no markup string) with trust off. A formula KaTeX cannot parse shows
 * its source text; the page never breaks on one. Text in <code> and <pre> is left as written.
 */

const ELEMENTS = new Set([
  'p',
  'br',
  'hr',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
]);

const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'noscript',
  'noembed',
  'svg',
  'math',
  'textarea',
  'select',
  'title',
  'head',
  'xmp',
  'plaintext',
  'noframes',
]);

const SPAN = /^[1-9][0-9]?$/;

/** Allowed attributes per element, each with a check of its value. */
const ATTRIBUTES = {
  td: { colspan: SPAN, rowspan: SPAN },
  th: { colspan: SPAN, rowspan: SPAN },
  ol: { start: /^-?[0-9]{1,6}$/ },
};

const MAX_DEPTH = 32;
const MEDIA = new Set(['img', 'audio', 'video']);
const HASH = /^[0-9a-f]{64}$/;
const LITERAL = new Set(['code', 'pre']);
/** \( … \) inline, \[ … \] and $$ … $$ displayed; the shortest match, over lines. */
const TEX = /\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|\$\$([\s\S]+?)\$\$/g;
const KATEX_OPTIONS = {
  output: 'mathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 500,
};

/** hash → Promise of a URL the page may show (a blob: URL); null until a page names one. */
let mediaSource = null;
let katex = null;
let katexLoading = null;

/**
 * Where this page's pictures and sounds come from: a function of a file's hash to a Promise of its URL (see
 * lib/question-media.js: bankMedia(bankId), attemptMedia(attemptId)). Set once by the page; richText(html, {media})
 * may name another for one call.
 */
export function setMediaSource(source) {
  mediaSource = source;
}

/** Gives the KaTeX module (the Node tests pass it; the pages load vendor/katex-<version>/katex.mjs on the first formula). */
export function useKatex(module) {
  katex = module;
  katexLoading = Promise.resolve(module);
}

/** Resolves once KaTeX is loaded (true) or cannot be (false): formulas drawn before then are drawn now. */
export function katexReady() {
  katexLoading ??= import('../vendor/katex-0.19.1/katex.mjs').then(
    (m) => (katex = m.default ?? m),
    () => null,
  );
  return katexLoading.then((k) => Boolean(k));
}

/** A DocumentFragment of this document holding the safe rendering of html. */
export function richText(html, { media = mediaSource } = {}) {
  const parsed = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  const fragment = document.createDocumentFragment();
  copyChildren(parsed.body, fragment, 0, { media, literal: false });
  return fragment;
}

function copyChildren(from, to, depth, context) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      appendText(to, node.data, context);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      copyElement(node, to, depth, context);
    }
  }
}

function copyElement(node, to, depth, context) {
  const name = node.localName;
  if (DROPPED.has(name)) return;
  if (depth >= MAX_DEPTH) {
    to.append(document.createTextNode(node.textContent));
    return;
  }
  if (MEDIA.has(name)) {
    const shown = mediaElement(node, context.media);
    if (shown) to.append(shown);
    return;
  }
  if (!ELEMENTS.has(name)) {
    copyChildren(node, to, depth + 1, context);
    return;
  }
  const copy = document.createElement(name);
  const allowed = ATTRIBUTES[name] ?? {};
  for (const [attribute, pattern] of Object.entries(allowed)) {
    const value = node.getAttribute(attribute);
    if (value !== null && pattern.test(value.trim())) copy.setAttribute(attribute, value.trim());
  }
  copyChildren(node, copy, depth + 1, LITERAL.has(name) ? { ...context, literal: true } : context);
  to.append(copy);
}

/**
 * A new img, audio or video for a stored file, or null for one without a valid data-media (nothing else of the
 * source element is kept: its alt text only). data-media-state says where it stands: loading, shown, failed, or
 * unavailable when the page has no media source.
 */
function mediaElement(node, source) {
  const hash = (node.getAttribute('data-media') ?? '').trim();
  if (!HASH.test(hash)) return null;
  const name = node.localName;
  const element = document.createElement(name);
  element.setAttribute('data-media', hash);
  element.className = 'question-media';
  if (name === 'img') {
    element.setAttribute('alt', node.getAttribute('alt') ?? '');
  } else {
    element.setAttribute('controls', '');
    element.setAttribute('preload', 'metadata');
  }
  if (typeof source !== 'function') {
    element.dataset.mediaState = 'unavailable';
    return element;
  }
  element.dataset.mediaState = 'loading';
  Promise.resolve()
    .then(() => source(hash))
    .then(
      (url) => {
        element.src = url;
        element.dataset.mediaState = 'shown';
      },
      () => {
        element.dataset.mediaState = 'failed';
      },
    );
  return element;
}

/** Text with its formulas: each formula a span rendered by KaTeX, or its source when it cannot be. */
function appendText(to, text, context) {
  if (context.literal || !(text.includes('\\(') || text.includes('\\[') || text.includes('$$'))) {
    to.append(document.createTextNode(text));
    return;
  }
  let at = 0;
  for (const match of text.matchAll(TEX)) {
    if (match.index > at) to.append(document.createTextNode(text.slice(at, match.index)));
    const display = match[1] === undefined;
    to.append(formula(match[0], match[1] ?? match[2] ?? match[3], display));
    at = match.index + match[0].length;
  }
  if (at < text.length) to.append(document.createTextNode(text.slice(at)));
}

function formula(source, tex, display) {
  const span = document.createElement('span');
  span.className = display ? 'tex tex-display' : 'tex';
  span.dataset.tex = 'loading';
  span.textContent = source;
  if (katex) {
    draw(span, source, tex, display);
  } else {
    katexReady().then((loaded) => {
      if (loaded) draw(span, source, tex, display);
      else span.dataset.tex = 'unavailable';
    });
  }
  return span;
}

function draw(span, source, tex, display) {
  try {
    katex.render(tex, span, { ...KATEX_OPTIONS, displayMode: display });
    span.dataset.tex = 'rendered';
  } catch {
    span.textContent = source;
    span.dataset.tex = 'error';
  }
}
