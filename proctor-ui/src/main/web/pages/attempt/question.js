/**
 * The question shown on the student's test page: its heading and text (the stem), its options, the save line of
 * its answer, the mark-for-review button and the Clear button. It draws what pages/attempt/questions.js tells it
 * and reads the chosen options; it keeps no state of its own.
 *
 * For tests: #save-state[data-save].
 */

import { h } from '../../lib/dom.js';
import { formatTime, t } from '../../lib/i18n.js';
import { richText } from '../../lib/richtext.js';
import { optionLetter, saveLine } from '../../lib/attempt/question-state.js';

const $ = (id) => document.getElementById(id);
const ui = {
  heading: $('question-heading'),
  saveState: $('save-state'),
  text: $('question-text'),
  hint: $('question-hint'),
  options: $('options'),
  clear: $('clear'),
  mark: $('mark'),
};

/** The heading ("Question n of total"), the question's text and whether one or several options may be chosen. */
export function renderStem(question, index, total) {
  ui.heading.textContent = t('attempt.questionOf', { n: index + 1, total });
  ui.text.replaceChildren(richText(question.text));
  ui.hint.textContent = question.multiple ? t('attempt.chooseMany') : t('attempt.chooseOne');
}

/**
 * The options with the chosen ones checked; none can be changed once the attempt is finishing. Options are
 * sanitised HTML like the question text (the engine cleans both); rendered through the same allow-list.
 */
export function renderOptions(question, chosen, finishing) {
  const type = question.multiple ? 'checkbox' : 'radio';
  ui.options.replaceChildren(
    ...question.options.map((option, i) =>
      h(
        'label',
        { class: 'option' },
        h('input', {
          type,
          name: `answer-${question.id}`,
          value: option.id,
          checked: chosen.has(option.id),
          disabled: finishing,
        }),
        h('span', { class: 'option-letter', text: optionLetter(i) }),
        h('span', { class: 'option-text' }, richText(option.text)),
      ),
    ),
  );
  enableClear(!finishing && chosen.size > 0);
}

/** The ids of the checked options. */
export function checkedChoices() {
  return [...ui.options.querySelectorAll('input:checked')].map((input) => input.value);
}

export function enableClear(enabled) {
  ui.clear.disabled = !enabled;
}

export function focusFirstOption() {
  ui.options.querySelector('input')?.focus();
}

export function focusHeading() {
  ui.heading.focus();
}

/** The save line of the shown answer (status from the answer book). */
export function renderSaveState(status) {
  const line = saveLine(status, formatTime);
  ui.saveState.dataset.save = line.state;
  ui.saveState.textContent = t(line.key, line.params);
}

export function renderMark(on) {
  ui.mark.setAttribute('aria-pressed', String(on));
  ui.mark.textContent = on ? t('attempt.unmark') : t('attempt.mark');
}

/** The student's hands on the question: choosing an option, Clear, Mark. */
export function onQuestionInput({ changed, clear, mark }) {
  ui.options.addEventListener('change', changed);
  ui.clear.addEventListener('click', clear);
  ui.mark.addEventListener('click', mark);
}

/** After the end: no option can be changed any more. */
export function lockOptions() {
  for (const input of ui.options.querySelectorAll('input')) input.disabled = true;
  ui.clear.disabled = true;
}
