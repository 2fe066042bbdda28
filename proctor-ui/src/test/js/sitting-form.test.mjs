// Unit tests of sitting-new.html's rules (lib/sitting/form.js): ids typed in a box, the body of POST /sittings and
// which input a problem of the API is shown next to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldOf, sittingBody, splitIds } from '../../main/web/lib/sitting/form.js';

test('ids are split on commas, semicolons and new lines, in order, empty ones left out', () => {
  assert.deepEqual(splitIds(' st2\nst1,\r\n\n st3 ; st4 '), ['st2', 'st1', 'st3', 'st4']);
  assert.deepEqual(splitIds(''), []);
  assert.deepEqual(splitIds(undefined), []);
});

test('the body has the commissions and the students in order; an empty video link is left out', () => {
  const body = sittingBody({
    kind: 'thesis-defence',
    title: ' Defence ',
    date: '2026-12-01',
    language: 'ru',
    videoLink: ' ',
    chair: ' c1 ',
    members: 'm1, m2',
    secretary: 'sec1',
    appealChair: 'ac1',
    appealDeputy: 'ad1',
    appealMembers: '',
    students: 'st2\nst1',
  });
  assert.deepEqual(body, {
    kind: 'thesis-defence',
    title: 'Defence',
    date: '2026-12-01',
    language: 'ru',
    commission: { chair: 'c1', members: ['m1', 'm2'], secretary: 'sec1' },
    appealCommission: { chair: 'ac1', deputy: 'ad1', members: [] },
    students: ['st2', 'st1'],
  });
  assert.equal(sittingBody({ videoLink: 'https://meet.example.org/x' }).videoLink, 'https://meet.example.org/x');
});

test("the API's fields map to the form's inputs", () => {
  assert.equal(fieldOf('students'), 'students');
  assert.equal(fieldOf('students[2]'), 'students');
  assert.equal(fieldOf('commission.members[1]'), 'members');
  assert.equal(fieldOf('commission.chair'), 'chair');
  assert.equal(fieldOf('commission'), 'chair');
  assert.equal(fieldOf('appealCommission.deputy'), 'appealDeputy');
  assert.equal(fieldOf('appealCommission.members'), 'appealMembers');
  assert.equal(fieldOf('videoLink'), 'videoLink');
  assert.equal(fieldOf('date'), 'date');
  assert.equal(fieldOf('something-else'), null);
});

test('students carried from an earlier sitting follow the others, and their problems show by their box', () => {
  const body = sittingBody({ students: 'st1\nst2', carried: 'st7 st8', carriedFrom: ' s-earlier ' }); // 6.15.3
  assert.deepEqual(body.students, [
    'st1',
    'st2',
    { id: 'st7', carriedFrom: 's-earlier' },
    { id: 'st8', carriedFrom: 's-earlier' },
  ]);
  assert.deepEqual(sittingBody({ students: 'st1' }).students, ['st1'], 'none carried');
  assert.equal(fieldOf('students[1]', 2), 'students');
  assert.equal(fieldOf('students[2].carriedFrom', 2), 'carried');
  assert.equal(fieldOf('students[3]', 2), 'carried');
});
