/** Individual statements (5.34; issue 13): a student applies, the signers sign in order, the dean issues. */

import { fetchBlob, get, post, segment } from './client.js';

const base = (statementId) => `/statements/${segment(statementId)}`;

/** → [{id, studentId, examId, reason, status, signatures, documentType, …}] the caller may see */
export const listStatements = () => get('/statements');

/** {examId, reason, text, document: {base64}} → the statement */
export const applyForStatement = (application) => post('/statements', application);

/** A signer approves or refuses with a reason → the statement */
export const signStatement = (statementId, approved, reason) =>
  post(`${base(statementId)}/signatures`, { approved, reason });

/** The dean issues the signed statement → the statement */
export const issueStatement = (statementId) => post(`${base(statementId)}/issue`);

/** The applicant's scanned document → Blob */
export const statementDocument = (statementId) => fetchBlob(`${base(statementId)}/document`);
