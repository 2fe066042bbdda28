/** Signing in and out, and the signed-in person's language (lib/api/client.js: one style for every call). */

import { post, put } from './client.js';
import { token } from '../session.js';

/** → {token, user:{id, name, roles, language}} */
export const login = (username, password) => post('/auth/login', { username, password });

/** Saves the signed-in person's language on their account: answers without Accept-Language come in it. */
export async function saveLanguage(language) {
  if (!token()) return;
  await put('/users/me/language', { language });
}

/** Ends this tab's token on the server (every node); the caller then forgets it. */
export const logout = () => post('/auth/logout');

/** Ends every token of the signed-in user (every tab and device). */
export const logoutAll = () => post('/auth/logout-all');
