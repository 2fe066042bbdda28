/**
 * Moving between questions on the student's test page: Previous / Next, the navigator with one button per
 * question (answered, not saved, marked; aria-current on the shown one) and the progress line. It draws what
 * pages/attempt/questions.js tells it.
 *
 * For tests: #nav-list button[data-question] (classes answered, not-saved, marked).
 */

import { h } from '../../lib/dom.js';
import { t } from '../../lib/i18n.js';
import { moves } from '../../lib/attempt/question-state.js';

const $ = (id) => document.getElementById(id);
const ui = {
  prev: $('prev'),
  next: $('next'),
  progress: $('progress'),
  barProgress: $('bar-progress'),
  navList: $('nav-list'),
};

/** One button per question; pick(index) when one is clicked, step(-1 | +1) on Previous / Next. */
export function buildNavigator(questions, { pick, step }) {
  ui.navList.replaceChildren(
    ...questions.map((question, index) =>
      h(
        'li',
        {},
        h('button', {
          type: 'button',
          class: 'nav-button',
          'data-question': question.id,
          text: String(index + 1),
          on: { click: () => pick(index) },
        }),
      ),
    ),
  );
  ui.prev.addEventListener('click', () => step(-1));
  ui.next.addEventListener('click', () => step(1));
}

/** The shown question: aria-current on its button, Previous / Next enabled where they lead somewhere. */
export function showCurrent(questionId, index, total) {
  const { previous, next } = moves(index, total);
  ui.prev.disabled = !previous;
  ui.next.disabled = !next;
  for (const button of ui.navList.querySelectorAll('button')) {
    if (button.dataset.question === questionId) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  }
}

/** A question's button from lib/attempt/question-state.js navButton(). */
export function renderNavButton(questionId, state) {
  const button = ui.navList.querySelector(`button[data-question="${CSS.escape(questionId)}"]`);
  if (!button) return;
  button.classList.toggle('answered', state.answered);
  button.classList.toggle('not-saved', state.notSaved);
  button.classList.toggle('marked', state.marked);
  const label = t(state.labelKey, { n: state.n });
  button.setAttribute('aria-label', state.marked ? `${label} ${t('attempt.navMarked')}` : label);
}

/** "answered of total", in the page and in the bar. */
export function renderProgress({ answered, total }) {
  ui.progress.textContent = t('attempt.progress', { answered, total });
  ui.barProgress.textContent = ui.progress.textContent;
}
