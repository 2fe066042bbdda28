/**
 * The banks (5.19-5.31, 7.6; issues 12-13): passports, questions (one filtered page of a big bank, its topics, editing
 * one in place, classifying many at once), imports and exports, pictures and sounds, who works on a bank, and its
 * life (approval, panel, conclusions, lock). One style for every call: lib/api/client.js.
 */

import { del, fetchBlob, get, patch, post, put, raw, segment } from './client.js';

const base = (bankId) => `/banks/${segment(bankId)}`;

/** → [{id, passport, status, owner, questionCount, byDifficulty:{easy, medium, hard}}] */
export const listBanks = () => get('/banks');

/** passport: {discipline, programme, language, compilers:[…], references:[…]} → {id} */
export const createBank = (passport) => post('/banks', { passport });

/** → {id, passport, status, owner, questionCount, byDifficulty} */
export const getBank = (bankId) => get(base(bankId));

/** → {ok, problems:[{rule, message}]} */
export const validateBank = (bankId) => get(`${base(bankId)}/validation`);

/** questions: [{id?, text, options, correct, difficulty, topic?}]; an id already in the bank replaces that question. → {added} */
export const saveQuestions = (bankId, questions) => post(`${base(bankId)}/questions`, questions);

/** → nothing (204) */
export const deleteQuestion = (bankId, questionId) => del(`${base(bankId)}/questions/${segment(questionId)}`);

/** The filter as query parameters (only those set; an empty topic is a filter of its own). */
export function filterQuery(filter) {
  const query = new URLSearchParams();
  if (filter.topic !== undefined && filter.topic !== null) query.set('topic', filter.topic);
  if (filter.difficulty) query.set('difficulty', filter.difficulty);
  if (filter.q) query.set('q', filter.q);
  return query;
}

/**
 * filter: {topic?: string ('' for none), difficulty?: easy|medium|hard|unclassified, q?: string}; offset, limit.
 * → {total, offset, limit, items: [question with number, fractions, optionFeedback, feedback, scoringNote…]}
 */
export async function searchQuestions(bankId, filter, offset, limit) {
  const query = filterQuery(filter);
  query.set('offset', String(offset));
  query.set('limit', String(limit));
  return get(`${base(bankId)}/questions/search?${query}`);
}

/** → [{topic, total, easy, medium, hard, unclassified}] by name; '' is the questions without a topic. */
export const bankTopics = (bankId) => get(`${base(bankId)}/topics`);

/** patch: any fields of a question; → the question as stored now. */
export const editQuestion = (bankId, questionId, changes) =>
  patch(`${base(bankId)}/questions/${segment(questionId)}`, changes);

/** which: {ids: [...]} or {match: filter}; difficulty: easy|medium|hard or null (unclassified). → {changed} */
export const classifyQuestions = (bankId, which, difficulty) =>
  post(`${base(bankId)}/questions/classify`, { ...which, difficulty });

const IMPORT_TYPES = { gift: 'text/plain; charset=utf-8', 'moodle-xml': 'application/xml' };

/**
 * Sends a Moodle XML or GIFT file (or a .zip of one with its pictures, as application/zip) as it is. format:
 * 'moodle-xml' | 'gift'; difficulty: '' or the difficulty for questions the file gives none. → {imported, unclassified, skipped}
 */
export async function importQuestions(bankId, format, difficulty, file) {
  const query = new URLSearchParams({ format });
  if (difficulty) query.set('difficulty', difficulty);
  const zip = file.name.toLowerCase().endsWith('.zip');
  const type = zip ? 'application/zip' : (IMPORT_TYPES[format] ?? 'application/xml');
  return post(`${base(bankId)}/import?${query}`, raw(file, type));
}

/** format: moodle-xml | qti3 → a Blob of the export (the bearer token goes with it, so no plain link). */
export const exportBank = (bankId, format) => fetchBlob(`${base(bankId)}/export?${new URLSearchParams({ format })}`);

/** Adds a picture or sound to the bank (the bank editor): → {hash, type}; the type is read from the bytes. */
export const uploadBankMedia = (bankId, file) =>
  post(`${base(bankId)}/media`, raw(file, file.type || 'application/octet-stream'));

/** → {bankId, owner, coAuthors, experts, people:{owner, coAuthors, experts}, mayManage, candidates|null} (issue 10, 3) */
export const bankAccess = (bankId) => get(`${base(bankId)}/access`);

/** people: {coAuthors:[userId], experts:[userId]} → the same as bankAccess */
export const saveBankAccess = (bankId, people) => put(`${base(bankId)}/access`, people);

// The bank's life (issue 13, 1): each step answers with the life after it (a conclusion with the conclusion)

/** → {status, locked, approval, panels, conclusions, usable, locks, audit, may} */
export const bankLife = (bankId) => get(`${base(bankId)}/life`);

/** 5.19: {meetingDate, minutes} */
export const approveBank = (bankId, approval) => post(`${base(bankId)}/approval`, approval);

/** 5.24: {academicYear, experts:[userId]} */
export const nameBankPanel = (bankId, panel) => put(`${base(bankId)}/panel`, panel);

/** 5.25-5.27: {academicYear, decision, standards, difficulty, wording: {assessment, comment}} */
export const concludeBank = (bankId, conclusion) => post(`${base(bankId)}/conclusions`, conclusion);

/** 5.31: {reason} */
export const lockBank = (bankId, why) => post(`${base(bankId)}/lock`, why);

/** 5.31: {reason} */
export const unlockBank = (bankId, why) => post(`${base(bankId)}/unlock`, why);

/** The bank's passport as a PDF Blob. */
export const passportPdf = (bankId) => fetchBlob(`${base(bankId)}/passport/pdf`, 'application/pdf');

/** An expert conclusion as a PDF Blob. */
export const conclusionPdf = (bankId, number) =>
  fetchBlob(`${base(bankId)}/conclusions/${number}/pdf`, 'application/pdf');
