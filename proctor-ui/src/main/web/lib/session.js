/**
 * The signed-in user, kept in sessionStorage (per tab, gone when the tab closes; never a cookie), and
 * the hand-over of a submit result from the attempt page to the result page.
 */

const TOKEN = 'emtihan.token';
let ending = false;
const USER = 'emtihan.user';
const RESULT = 'emtihan.result.';
const ZONE = 'emtihan.timeZone';

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
  if (login.timeZone) sessionStorage.setItem(ZONE, login.timeZone); // issue 15 (1): the exams' zone
  ending = false;
}

/** Issue 15 (1): the zone the exams are held in, as the engine said at sign-in (calendar.timeZone), or null. */
export function examTimeZone() {
  try {
    return globalThis.sessionStorage?.getItem(ZONE) ?? null;
  } catch {
    return null;
  }
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(USER);
}

/**
 * The server no longer honours this tab's token (a 401 from the API, or the live socket closed with 4401: expired,
 * logged out, roles or password changed, account disabled): forget it and go to the sign-in page, once.
 */
export function sessionEnded() {
  if (ending) return;
  ending = true;
  signOut();
  if (typeof window !== 'undefined' && window.location) window.location.replace('index.html?expired=1');
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
