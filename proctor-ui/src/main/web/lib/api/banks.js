/**
 * The calls of bank.html that lib/api/staff.js does not make (issue 12): one filtered page of a big bank's questions,
 * its topics, editing one question in place, classifying many at once, and downloading an export. Same pattern as
 * lib/api/staff.js: a Promise of the parsed body, or an ApiError.
 */

import { request } from './client.js';

const segment = (id) => encodeURIComponent(id);
const base = (bankId) => `/banks/${segment(bankId)}`;

/**
 * filter: {topic?: string ('' for none), difficulty?: easy|medium|hard|unclassified, q?: string}; offset, limit.
 * → {total, offset, limit, items: [question with number, fractions, optionFeedback, feedback, scoringNote…]}
 */
export async function searchQuestions(bankId, filter, offset, limit) {
  const query = filterQuery(filter);
  query.set('offset', String(offset));
  query.set('limit', String(limit));
  return (await request('GET', `${base(bankId)}/questions/search?${query}`)).data;
}

/** The filter as query parameters (only those set; an empty topic is a filter of its own). */
export function filterQuery(filter) {
  const query = new URLSearchParams();
  if (filter.topic !== undefined && filter.topic !== null) query.set('topic', filter.topic);
  if (filter.difficulty) query.set('difficulty', filter.difficulty);
  if (filter.q) query.set('q', filter.q);
  return query;
}

/** → [{topic, total, easy, medium, hard, unclassified}] by name; '' is the questions without a topic. */
export async function bankTopics(bankId) {
  return (await request('GET', `${base(bankId)}/topics`)).data;
}

/** patch: any fields of a question; → the question as stored now. */
export async function editQuestion(bankId, questionId, patch) {
  return (await request('PATCH', `${base(bankId)}/questions/${segment(questionId)}`, { body: patch })).data;
}

/**
 * which: {ids: [...]} or {match: filter}; difficulty: easy|medium|hard or null (unclassified). → {changed}
 */
export async function classifyQuestions(bankId, which, difficulty) {
  const body = { ...which, difficulty };
  return (await request('POST', `${base(bankId)}/questions/classify`, { body })).data;
}

/** format: moodle-xml | qti3 → a Blob of the export (the bearer token goes with it, so no plain link). */
export async function exportBank(bankId, format) {
  const query = new URLSearchParams({ format });
  return (await request('GET', `${base(bankId)}/export?${query}`, { accept: '*/*', blob: true })).data;
}
