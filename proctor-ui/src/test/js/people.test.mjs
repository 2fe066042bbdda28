// Issue 15 (2): people appear by name; the id only where two people share a name, small and grey after it.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';

const window = new Window();
globalThis.document = window.document;

const { nameIn, person, personText, sharedNames } = await import('../../main/web/lib/people.js');

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
