// Issue 15 (2): the file and date fields in the page's language (lib/file-input.js, lib/date-input.js), not the
// browser's "Choose File · No file chosen" and "mm/dd/yyyy"; the API gets exactly what the browser's fields gave.
// Node loads the Kazakh words (lib/i18n.js without a document); the DOM is happy-dom's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { Window } from 'happy-dom';

const window = new Window();
globalThis.window = window;
globalThis.document = window.document;
globalThis.Node = window.Node;

const { dateText, dateTimeText, dateTimeValue, dateValue, localDateInput, parseDate, parseDateTime, setDateValue } =
  await import('../../main/web/lib/date-input.js');
const { chosenText, localFileInput } = await import('../../main/web/lib/file-input.js');

test('a day is read as the kk, ru and en pattern writes it (day first), or as the browser field gave it', () => {
  assert.equal(parseDate('01.12.2026'), '2026-12-01');
  assert.equal(parseDate(' 1.2.2027 '), '2027-02-01');
  assert.equal(parseDate('01/12/2026'), '2026-12-01');
  assert.equal(parseDate('2026-12-01'), '2026-12-01', 'what a test or a default sets, as the native field held it');
  assert.equal(parseDate('29.02.2028'), '2028-02-29', 'a leap year');
  for (const wrong of ['29.02.2027', '31.04.2026', '00.01.2026', '01.13.2026', '12/31/2026', '2026', '', 'ертең'])
    assert.equal(parseDate(wrong), null, wrong);
  assert.equal(dateText('2026-12-01'), '01.12.2026');
  assert.equal(dateText(''), '');
});

test('a date and time: the 24-hour clock after the day, or the datetime-local form', () => {
  assert.equal(parseDateTime('01.12.2026 09:30'), '2026-12-01T09:30');
  assert.equal(parseDateTime('1.12.2026, 9.05'), '2026-12-01T09:05');
  assert.equal(parseDateTime('2026-12-01T09:30'), '2026-12-01T09:30');
  for (const wrong of ['01.12.2026', '01.12.2026 24:00', '01.12.2026 9:60', '01.12.2026 09:30 x', '31.11.2026 10:00'])
    assert.equal(parseDateTime(wrong), null, wrong);
  assert.equal(dateTimeText('2026-12-01T09:30'), '01.12.2026 09:30');
});

test('a date field becomes a text field with the pattern and a hint in the page language, id and name kept', () => {
  document.body.innerHTML =
    '<form><label for="d">Күні</label><input id="d" name="date" type="date" required aria-describedby="h"></form>';
  const input = localDateInput(document.getElementById('d'));
  assert.equal(input.type, 'text');
  assert.equal(input.name, 'date');
  assert.ok(input.required);
  assert.equal(input.placeholder, 'КК.АА.ЖЖЖЖ');
  assert.equal(input.getAttribute('aria-describedby'), 'h d-format', 'the page hint stays, the pattern is added');
  assert.match(
    document.getElementById('d-format').textContent,
    /Күні, айы, жылы нүкте арқылы, мысалы \d\d\.\d\d\.\d{4}/,
  );
  assert.equal(dateValue(input), '', 'empty');
  input.value = '01.12.2026';
  input.dispatchEvent(new window.Event('input'));
  assert.equal(dateValue(input), '2026-12-01', 'what the API took from the browser field');
  const readout = document.querySelector('#d-format .date-readout');
  assert.equal(readout.dataset.state, 'read');
  assert.ok(readout.textContent.includes('2026'), readout.textContent);
  input.value = '31.02.2026';
  input.dispatchEvent(new window.Event('change'));
  assert.equal(readout.dataset.state, 'invalid');
  assert.equal(input.getAttribute('aria-invalid'), 'true');
  assert.equal(dateValue(input), '31.02.2026', 'no date: the text goes as typed, so the server names the field');
  setDateValue(input, '2026-12-01');
  assert.equal(input.value, '01.12.2026');
  assert.equal(input.getAttribute('aria-invalid'), null, 'a date again: no longer marked');
  input.value = '2026-12-05'; // the browser test sets the value as the native field held it
  input.dispatchEvent(new window.Event('input'));
  assert.equal(dateValue(input), '2026-12-05');
});

test('a datetime-local field keeps its value and gives back the wall time the page adds its zone to', () => {
  document.body.innerHTML = '<input id="o" type="datetime-local" value="2026-12-07T09:00">';
  const input = localDateInput(document.getElementById('o'));
  assert.equal(input.value, '07.12.2026 09:00');
  assert.equal(input.placeholder, 'КК.АА.ЖЖЖЖ СС:ММ');
  assert.equal(dateTimeValue(input), '2026-12-07T09:00');
  input.value = '8.12.2026 14.30';
  assert.equal(dateTimeValue(input), '2026-12-08T14:30');
});

test('a file field: the input keeps its id, name and label; the face and "none chosen" are in the page language', () => {
  document.body.innerHTML =
    '<form id="f"><label for="users-file">Файл</label><input id="users-file" name="file" type="file" required></form>';
  const input = localFileInput(document.getElementById('users-file'));
  assert.equal(document.getElementById('users-file'), input, 'the same element, found by its id');
  assert.equal(input.name, 'file');
  assert.ok(input.required);
  assert.equal(input.labels?.[0]?.textContent ?? 'Файл', 'Файл');
  const field = input.closest('.file-field');
  assert.equal(field.dataset.for, 'users-file');
  const face = field.querySelector('.file-face');
  assert.equal(face.textContent, 'Файлды таңдау');
  assert.equal(face.getAttribute('aria-hidden'), 'true', 'the input is the one control reached');
  const chosen = field.querySelector('.file-chosen');
  assert.equal(chosen.textContent, 'Файл таңдалмаған');
  let opened = 0;
  input.click = () => (opened += 1);
  face.dispatchEvent(new window.MouseEvent('click', { bubbles: true }));
  assert.equal(opened, 1, 'the face opens the chooser');
  assert.equal(localFileInput(input), input, 'twice is once');
  assert.equal(document.querySelectorAll('.file-field').length, 1);
});

test('the chosen files are named, several as a list; emptied by the page, the field says so again', () => {
  assert.equal(chosenText([{ name: 'accounts.csv' }]), 'accounts.csv');
  assert.equal(chosenText([{ name: 'a.json' }, { name: 'b.json' }]), 'a.json және b.json');
  assert.equal(chosenText([]), 'Файл таңдалмаған');
  document.body.innerHTML = '<input id="p" type="file">';
  const input = localFileInput(document.getElementById('p'));
  const chosen = input.closest('.file-field').querySelector('.file-chosen');
  chosen.textContent = 'photo.jpg'; // as after a change event
  chosen.dataset.chosen = '1';
  input.value = ''; // a page empties the field after an upload: no event fires
  assert.equal(chosen.textContent, 'Файл таңдалмаған');
  assert.equal(chosen.dataset.chosen, '0');
});
