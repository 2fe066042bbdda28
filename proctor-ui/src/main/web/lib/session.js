/**
 * The signed-in user, kept in sessionStorage (per tab, gone when the tab closes; never a cookie), and
 * the hand-over of a submit result from the attempt page to the result page.
 */

const TOKEN = 'emtihan.token';
const USER = 'emtihan.user';
const RESULT = 'emtihan.result.';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

/** {id, name, roles} of the signed-in user, or null. */
export function user() {
  try {
    return JSON.parse(sessionStorage.getItem(USER) ?? 'null');
  } catch {
    return null;
  }
}

export function signIn(login) {
  sessionStorage.setItem(TOKEN, login.token);
  sessionStorage.setItem(USER, JSON.stringify(login.user ?? null));
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

/** Keeps the submit response (status, points, percent, letter, receipt) for the result page. */
export function keepResult(attemptId, result) {
  sessionStorage.setItem(RESULT + attemptId, JSON.stringify(result));
}

/** The submit response kept for attemptId, or null. */
export function keptResult(attemptId) {
  try {
    return JSON.parse(sessionStorage.getItem(RESULT + attemptId) ?? 'null');
  } catch {
    return null;
  }
}
