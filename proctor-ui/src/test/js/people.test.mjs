// Issue 15 (2): people appear by name; the id only where two people share a name, small and grey after it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';

const window = new Window();
globalThis.document = window.document;

const { NameLookup, nameIn, person, personText, sharedNames } = await import('../../main/web/lib/people.js');

test('a name comes from the view’s people; an id without an account stands for itself', () => {
  const people = { s1: 'Айгерім Нұрланқызы' };
  assert.equal(nameIn(people, 's1'), 'Айгерім Нұрланқызы');
  assert.equal(nameIn(people, 'gone'), 'gone');
  assert.equal(nameIn(undefined, 's2'), 's2');
  assert.equal(nameIn(people, null), '');
});

test('only names borne by two different people need their ids', () => {
  const shared = sharedNames([
    { id: 's1', name: 'Асель Омарова' },
    { id: 's2', name: 'Асель Омарова' },
    { id: 's3', name: 'Бақыт Ержанұлы' },
    { id: 's3', name: 'Бақыт Ержанұлы' },
  ]);
  assert.deepEqual([...shared], ['Асель Омарова']);
});

test('a person shows the name, and the id in its own grey span only when asked', () => {
  const alone = person({ id: 's3', name: 'Бақыт Ержанұлы' });
  assert.equal(alone.textContent, 'Бақыт Ержанұлы');
  assert.equal(alone.querySelector('.person-id'), null);
  const twin = person({ id: 's2', name: 'Асель Омарова' }, true);
  assert.equal(twin.querySelector('.person-id').textContent.trim(), 's2');
  assert.equal(person({ id: 'gone', name: 'gone' }, true).querySelector('.person-id'), null, 'no id twice');
  assert.equal(personText({ id: 's2', name: 'Асель Омарова' }, true), 'Асель Омарова (s2)');
  assert.equal(personText({ id: 's2', name: '' }), 's2');
});

// Issue 15 (3): a student who starts after the page was read shows by name without waiting for the next resync.
test('unknown ids from live events are named in one batched read, each asked once', async () => {
  let clock = 0;
  const timers = [];
  const reads = [];
  const named = [];
  const lookup = new NameLookup({
    read: async () => {
      reads.push(clock);
      return { s7: 'Нұрлан Әбенов', s8: 'Айша Серікова', s1: 'Old' };
    },
    onNames: (found) => named.push(found),
    now: () => clock,
    later: (fn, ms) => timers.push({ fn, at: clock + ms }),
  });
  lookup.want('s7');
  lookup.want('s8');
  lookup.want('s7');
  lookup.want('ghost');
  assert.equal(timers.length, 1, 'one read scheduled for the burst');
  clock = timers[0].at;
  await timers.shift().fn();
  assert.deepEqual(reads, [300]);
  assert.deepEqual(named, [{ s7: 'Нұрлан Әбенов', s8: 'Айша Серікова' }], 'only the ids asked for, with a name');
  lookup.want('ghost');
  lookup.want('s7');
  assert.equal(timers.length, 0, 'an id asked once (named or not) is not asked again');
  lookup.want('s9');
  assert.equal(timers.length, 1);
  assert.equal(timers[0].at, 300 + 5000, 'at most one read per five seconds');
});

test('a failed read asks for its ids again', async () => {
  const timers = [];
  let fail = true;
  const named = [];
  const lookup = new NameLookup({
    read: async () => {
      if (fail) throw new Error('503');
      return { s7: 'Нұрлан Әбенов' };
    },
    onNames: (found) => named.push(found),
    now: () => 0,
    later: (fn) => timers.push(fn),
  });
  lookup.want('s7');
  await timers.shift()();
  assert.deepEqual(named, []);
  fail = false;
  lookup.want('s7');
  await timers.shift()();
  assert.deepEqual(named, [{ s7: 'Нұрлан Әбенов' }]);
});

test('the default timer is called as a plain function (a browser refuses setTimeout with another `this`)', async () => {
  const saved = globalThis.setTimeout;
  let calledWith;
  globalThis.setTimeout = function (fn, ms) {
    if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
    calledWith = ms;
    return 0;
  };
  try {
    const lookup = new NameLookup({ read: async () => ({}), onNames: () => {} });
    lookup.want('s1');
    assert.equal(calledWith, 300);
  } finally {
    globalThis.setTimeout = saved;
  }
});
