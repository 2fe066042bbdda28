/**
 * Question text may carry the small HTML subset the engine keeps from imports (HtmlText.SAFELIST on the
 * server). It is never assigned to innerHTML: DOMParser builds an inert document, and only allow-listed
 * elements and attributes are copied, as new nodes of this page. Anything else keeps its text but loses
 * its markup; the contents of script-like elements are dropped altogether.
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

/** A DocumentFragment of this document holding the safe rendering of html. */
export function richText(html) {
  const parsed = new DOMParser().parseFromString(String(html ?? ''), 'text/html');
  const fragment = document.createDocumentFragment();
  copyChildren(parsed.body, fragment, 0);
  return fragment;
}

function copyChildren(from, to, depth) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(document.createTextNode(node.data));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      copyElement(node, to, depth);
    }
  }
}

function copyElement(node, to, depth) {
  const name = node.localName;
  if (DROPPED.has(name)) return;
  if (depth >= MAX_DEPTH) {
    to.append(document.createTextNode(node.textContent));
    return;
  }
  if (!ELEMENTS.has(name)) {
    copyChildren(node, to, depth + 1);
    return;
  }
  const copy = document.createElement(name);
  const allowed = ATTRIBUTES[name] ?? {};
  for (const [attribute, pattern] of Object.entries(allowed)) {
    const value = node.getAttribute(attribute);
    if (value !== null && pattern.test(value.trim())) copy.setAttribute(attribute, value.trim());
  }
  copyChildren(node, copy, depth + 1);
  to.append(copy);
}
