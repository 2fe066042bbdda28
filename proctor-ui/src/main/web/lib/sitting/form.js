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
 * appealMembers, students} as typed (the lists as text). → the body of POST /sittings.
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
  ['videoLink', 'videoLink'],
  ['kind', 'kind'],
  ['title', 'title'],
  ['date', 'date'],
  ['language', 'language'],
];

/** The form value a problem's field belongs to (one of sittingBody's names), or null when none. */
export function fieldOf(field) {
  const f = String(field ?? '');
  for (const [prefix, name] of FIELDS) {
    if (f === prefix || f.startsWith(`${prefix}.`) || f.startsWith(`${prefix}[`)) return name;
  }
  return null;
}
