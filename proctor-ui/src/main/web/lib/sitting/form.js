/**
 * The rules of sitting-new.html that need no page: the user ids typed in a box, the body of POST /sittings from the
 * form's values, and which input a problem of the API belongs to (its `field`, e.g. commission.members[1]).
 */

/** User ids from text separated by commas, semicolons, spaces or new lines, in order, empty ones left out. */
export function splitIds(text) {
  return String(text ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * values: {kind, title, date, language, videoLink, chair, members, secretary, appealChair, appealDeputy,
 * appealMembers, students, carried, carriedFrom} as typed (the lists as text). → the body of POST /sittings; the
 * carried students (6.15.3: postponed in the earlier sitting carriedFrom) follow the others as {id, carriedFrom}.
 */
export function sittingBody(v) {
  const body = {
    kind: v.kind,
    title: String(v.title ?? '').trim(),
    date: v.date ?? '',
    language: v.language,
    commission: {
      chair: String(v.chair ?? '').trim(),
      members: splitIds(v.members),
      secretary: String(v.secretary ?? '').trim(),
    },
    appealCommission: {
      chair: String(v.appealChair ?? '').trim(),
      deputy: String(v.appealDeputy ?? '').trim(),
      members: splitIds(v.appealMembers),
    },
    students: splitIds(v.students),
  };
  const from = String(v.carriedFrom ?? '').trim();
  for (const id of splitIds(v.carried)) body.students.push({ id, carriedFrom: from });
  const link = String(v.videoLink ?? '').trim();
  if (link) body.videoLink = link;
  return body;
}

const FIELDS = [
  ['commission.chair', 'chair'],
  ['commission.secretary', 'secretary'],
  ['commission.members', 'members'],
  ['commission', 'chair'],
  ['appealCommission.chair', 'appealChair'],
  ['appealCommission.deputy', 'appealDeputy'],
  ['appealCommission.members', 'appealMembers'],
  ['appealCommission', 'appealChair'],
  ['students', 'students'],
  ['carried', 'carried'],
  ['videoLink', 'videoLink'],
  ['kind', 'kind'],
  ['title', 'title'],
  ['date', 'date'],
  ['language', 'language'],
];

/**
 * The form value a problem's field belongs to (one of sittingBody's names), or null when none; with the number of
 * students typed in the first box, a problem of students[i] past them is the carried students' (6.15.3).
 */
export function fieldOf(field, plainStudents = Infinity) {
  const f = String(field ?? '');
  const index = /^students\[(\d+)\]/.exec(f);
  if (index && Number(index[1]) >= plainStudents) return 'carried';
  for (const [prefix, name] of FIELDS) {
    if (f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}[`)) return name;
  }
  return null;
}
