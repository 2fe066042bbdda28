/**
 * Issue 15 (2): a file field in the person's language. The browser draws <input type="file"> in its own language
 * ("Choose File · No file chosen" on a Kazakh page of an English Chromium); here the input stays in the page, with its
 * id, name, accept, required and label, visually hidden but focusable (Space or Enter opens the chooser, and a
 * screen reader hears its own label), and beside it a button-like face in the page's language and the chosen file's
 * name, or "no file chosen". Clicking the face opens the same chooser; browser tests still set files on the input
 * by its id (Selenium's sendKeys, CDP's DOM.setFileInputFiles), and the name follows the input's change event.
 *
 * For tests: .file-field[data-for=<input id>] > input.file-input, .file-face, .file-chosen[data-chosen].
 */

import { h } from './dom.js';
import { formatList, t } from './i18n.js';

/** What the field says it holds: the names of the files (several as a list), or that none is chosen. */
export function chosenText(files) {
  const names = [...(files ?? [])].map((f) => f.name);
  return names.length === 0 ? t('input.file.none') : formatList(names);
}

/** Says again what the field holds. */
export function showChosen(input) {
  const chosen = input.closest('.file-field')?.querySelector('.file-chosen');
  if (!chosen) return;
  const count = input.files?.length ?? 0;
  chosen.textContent = chosenText(input.files);
  chosen.dataset.chosen = String(count);
}

/** Wraps an <input type="file"> in the field described above; returns the input. */
export function localFileInput(input) {
  if (input.closest('.file-field')) return input;
  const face = h('span', {
    class: 'button file-face',
    'aria-hidden': 'true', // the input itself is the control a keyboard and a screen reader reach
    text: t(input.multiple ? 'input.file.chooseMany' : 'input.file.choose'),
    on: {
      click: (event) => {
        event.preventDefault(); // inside the input's own <label>, the label would open the chooser a second time
        input.click();
      },
    },
  });
  const chosen = h('span', { class: 'file-chosen', 'aria-live': 'polite', 'data-chosen': '0' });
  const field = h('span', { class: 'file-field', 'data-for': input.id });
  input.replaceWith(field);
  input.classList.add('file-input');
  field.append(input, face, chosen);
  input.addEventListener('change', () => showChosen(input));
  followValue(input);
  input.form?.addEventListener('reset', () => setTimeout(() => showChosen(input), 0));
  showChosen(input);
  return input;
}

/** A page that empties the input (input.value = '', which fires no event) has the name follow as well. */
function followValue(input) {
  let proto = Object.getPrototypeOf(input);
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'value')) proto = Object.getPrototypeOf(proto);
  const native = proto && Object.getOwnPropertyDescriptor(proto, 'value');
  if (!native?.set) return;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return native.get.call(this);
    },
    set(value) {
      native.set.call(this, value);
      showChosen(this);
    },
  });
}

/** Every file field under root, made local. */
export function localFileInputs(root = document) {
  return [...root.querySelectorAll('input[type="file"]')].map(localFileInput);
}
