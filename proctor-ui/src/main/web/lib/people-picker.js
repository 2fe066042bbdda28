/**
 * Whom a resource names (issue 10, 3): the people shown by name, and for whoever may change them a list of
 * checkboxes of the candidates, ticked for those named now. Used by the bank's co-authors and experts
 * (pages/bank/people.js) and the exam's proctors (pages/exam/proctors.js). The server decides who may change them
 * and that each person holds the right role; the page only shows it.
 *
 * For tests: [data-people=<field>] lists [data-person=<id>]; inputs are [name=<field>][value=<id>].
 */

import { h } from './dom.js';
import { t } from './i18n.js';
import { person, sharedNames } from './people.js';

/** A list of people by name (issue 15, 2: the id, small and grey, only where two share a name), or "none". */
export function peopleList(field, people) {
  if (!people || people.length === 0) return h('p', { class: 'muted', 'data-people': field, text: t('staff.none') });
  return h(
    'ul',
    { class: 'plain-list', 'data-people': field },
    ...people.map((p) => h('li', { 'data-person': p.id }, person(p, sharedNames(people).has(p.name)))),
  );
}

/** A fieldset of checkboxes, one per candidate, ticked for the ids in {@code chosen}. */
export function peopleChoice(field, legend, candidates, chosen) {
  const set = new Set(chosen ?? []);
  const shared = sharedNames(candidates ?? []);
  const items = (candidates ?? []).map((p) => {
    const id = `${field}-${p.id}`;
    return h(
      'li',
      {},
      h('input', { type: 'checkbox', id, name: field, value: p.id, checked: set.has(p.id) }),
      h('label', { for: id }, person(p, shared.has(p.name))),
    );
  });
  return h(
    'fieldset',
    { class: 'people-choice' },
    h('legend', { text: legend }),
    items.length > 0
      ? h('ul', { class: 'plain-list' }, ...items)
      : h('p', { class: 'muted', text: t('staff.people.noCandidates') }),
  );
}

/** The ids ticked in a form for {@code field}. */
export function chosen(form, field) {
  return [...form.querySelectorAll(`input[name="${field}"]:checked`)].map((input) => input.value);
}
