/** The administrator's user accounts (5.11.2; issue 10): the list, CSV import, disabling, enrolment photos. */

import { del, fetchBlob, get, post, put, raw, segment } from './client.js';

const photo = (userId) => `/users/${segment(userId)}/photo`;

/** → [{id, name, roles, disabled, photo, …}] */
export const listUsers = () => get('/users');

/** file: a CSV with the header id,name,roles,password. → {created} */
export const importUsers = (file) => post('/users/import', raw(file, 'text/csv; charset=utf-8'));

/** Disables (its sessions end at once, on every node) or enables an account. → {disabled} */
export const setUserDisabled = (userId, disabled) =>
  post(`/users/${segment(userId)}/${disabled ? 'disable' : 'enable'}`);

/** The enrolment photo as a Blob. */
export const userPhoto = (userId) => fetchBlob(photo(userId), 'image/*');

/** Stores the enrolment photo, a JPEG or PNG file. */
export const putUserPhoto = (userId, file) => put(photo(userId), raw(file, file.type));

/** Removes the enrolment photo. */
export const deleteUserPhoto = (userId) => del(photo(userId));
