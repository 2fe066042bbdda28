/** Small DOM helpers shared by the pages. Text always goes in as text, never as markup. */

/**
 * Creates an element. props: {class, text, hidden, disabled, on: {event: handler}, ...attributes};
 * children: nodes or strings (strings become text nodes).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'on') for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    else if (key === 'hidden' || key === 'disabled' || key === 'checked') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** The page's <main>, whose data-state (loading | ready | error) tests wait on. */
export function setState(main, state) {
  main.dataset.state = state;
  main.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

/** Shows text in an alert box (role=alert is set in the markup) or hides it when text is empty. */
export function showMessage(box, text) {
  box.textContent = text ?? '';
  box.hidden = !text;
}

/** The value of a query parameter of this page's URL, or null. */
export function param(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** Offers a Blob as a file download; the object URL is released afterwards. */
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: filename, class: 'sr-only', tabindex: '-1' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
