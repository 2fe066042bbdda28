/**
 * People as the pages show them (issue 15, 2): by their full name, which the API gives beside every id it shows
 * (`name`, `studentName`, `byName`, or a `people` map of id → name). The account id appears only where it tells two
 * people of the same name apart, in small grey text after the name; where there is no name (no account) the id is
 * the name.
 */

import { h } from './dom.js';

/** The name of `id` from a `people` map ({id: name}), else the id itself. */
export function nameIn(people, id) {
  if (id === undefined || id === null) return '';
  return people?.[id] || id;
}

/** The names that more than one of `persons` ([{id, name}]) bear: those need their ids shown. */
export function sharedNames(persons) {
  const seen = new Map();
  for (const p of persons) {
    const name = p.name || p.id;
    const ids = seen.get(name) ?? new Set();
    ids.add(p.id);
    seen.set(name, ids);
  }
  return new Set([...seen].filter(([, ids]) => ids.size > 1).map(([name]) => name));
}

/** The text that names a person: the name, with the id in brackets when asked to tell them apart. */
export function personText({ id, name }, withId = false) {
  const shown = name || id || '';
  return withId && id && shown !== id ? `${shown} (${id})` : shown;
}

/**
 * A person as an element: <span class="person">Name <span class="person-id">id</span></span>; the id only with
 * `withId` (two people share the name) and when it differs from the name.
 */
export function person({ id, name }, withId = false) {
  const shown = name || id || '';
  return h(
    'span',
    { class: 'person' },
    shown,
    withId && id && shown !== id ? h('span', { class: 'person-id', text: ` ${id}` }) : null,
  );
}
