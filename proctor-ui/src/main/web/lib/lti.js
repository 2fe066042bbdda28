/**
 * Issue 16 (2): what the LTI hand-over pages share. The engine hands the LMS's parameters to a page in the address's
 * fragment (never sent to a server); the login initiation's state is kept in this tab's sessionStorage and given back
 * with the launch, which binds the launch to the browser that began it without any cookie.
 */

const STATE = 'emtihan.lti.state';
const LAUNCH = 'emtihan.lti.launch';

/** The fragment's parameters as an object, then the fragment is wiped from the address and the history. */
export function handedOver(loc = globalThis.location, history = globalThis.history) {
  const params = Object.fromEntries(new URLSearchParams((loc?.hash ?? '').replace(/^#/, '')));
  if (history?.replaceState && loc?.hash) history.replaceState(null, '', loc.pathname + loc.search);
  return params;
}

export function keepState(state) {
  sessionStorage.setItem(STATE, state);
}

/** The state this tab kept, used once. */
export function takeState() {
  const state = sessionStorage.getItem(STATE) ?? '';
  sessionStorage.removeItem(STATE);
  return state;
}

/** The verified launch ({id, messageType, role, context, link, examId}) for the teacher's next step. */
export function keepLaunch(launch) {
  sessionStorage.setItem(LAUNCH, JSON.stringify(launch ?? null));
}

export function keptLaunch() {
  try {
    return JSON.parse(sessionStorage.getItem(LAUNCH) ?? 'null');
  } catch {
    return null;
  }
}

/** Tells the LMS that opened the dynamic registration that it is done (LTI Dynamic Registration 3.6). */
export function closeRegistration(win = globalThis.window) {
  (win.opener || win.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
}
