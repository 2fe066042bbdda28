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

/**
 * Issue 15 (3): names for the people a live event brings before the page's table knows them. The engine puts the
 * student's `name` on `attempt-started` (from the student's own sign-in token: no read on the start); any other id the
 * page has no name for is asked for here, all of them in one request (`read()` → {id: name}, e.g. the exam's
 * `people`), at most one request at a time and one per `every` ms, a short `wait` after the first unknown id so that a
 * burst of new students makes one request. An id the answer does not name (no account) is not asked for again.
 */
export class NameLookup {
  /** read(): Promise<{id: name}>; onNames(map): called with the names found; timers injectable for tests. */
  constructor({
    read,
    onNames,
    wait = 300,
    every = 5000,
    now = () => Date.now(),
    later = (fn, ms) => setTimeout(fn, ms),
  }) {
    Object.assign(this, { read, onNames, wait, every, now, later });
    this.wanted = new Set();
    this.asked = new Set(); // ids asked for once: named or not, never again
    this.lastRead = -Infinity;
    this.pending = false; // a read is scheduled or running
  }

  /** The page shows `id` without a name: it is asked for (once) in the next batch. */
  want(id) {
    if (!id || this.asked.has(id) || this.wanted.has(id)) return;
    this.wanted.add(id);
    this.schedule();
  }

  schedule() {
    if (this.pending || this.wanted.size === 0) return;
    this.pending = true;
    const due = Math.max(this.wait, this.lastRead + this.every - this.now());
    this.later(() => this.flush(), due);
  }

  async flush() {
    const ids = [...this.wanted];
    this.wanted.clear();
    ids.forEach((id) => this.asked.add(id));
    this.lastRead = this.now();
    try {
      const people = (await this.read()) ?? {};
      const found = {};
      for (const id of ids) if (people[id] && people[id] !== id) found[id] = people[id];
      if (Object.keys(found).length > 0) this.onNames(found);
    } catch {
      ids.forEach((id) => this.asked.delete(id)); // asked again at the next unknown id or resync
    } finally {
      this.pending = false;
      this.schedule();
    }
  }
}
