/** The registry's pages (5.33; issue 13): the tests and sittings, one test's students, and the files for the registry. */

import { fetchBlob, get, segment } from './client.js';

const group = (name, first) => (name ? `${first ? '?' : '&'}group=${segment(name)}` : '');

/** → {exams:[…], sittings:[…]} the caller may see */
export const registryIndex = () => get('/registry');

/** A test's students, of one group or all. → {id, title, groups, students:[…]} */
export const registryExam = (examId, groupName) => get(`/registry/exams/${segment(examId)}${group(groupName, true)}`);

/** format: csv | xlsx | …, of one group or all → Blob */
export const examExport = (examId, format, groupName) =>
  fetchBlob(`/registry/exams/${segment(examId)}/export?format=${format}${group(groupName, false)}`);

/** The grade sheet (PDF) of a test, of one group or all → Blob */
export const gradeSheet = (examId, groupName) =>
  fetchBlob(`/registry/exams/${segment(examId)}/grade-sheet${group(groupName, true)}`);

/** format: csv | xlsx | … → Blob */
export const sittingExport = (sittingId, format) =>
  fetchBlob(`/registry/sittings/${segment(sittingId)}/export?format=${format}`);
