/**
 * What every signed-in page does first: localise the static text, check there is a token, show who is
 * signed in, and make the logout link work. A 401 from the API sends the user back to the login page.
 */

import { localise, t } from './i18n.js';
import { logout as endToken, logoutAll as endEveryToken } from './api/auth.js';
import { sessionEnded, signOut, token, user } from './session.js';
import { headerMenu } from './header-menu.js';

/** Prepares a signed-in page; returns false (and leaves for the login page) when nobody is signed in. */
export function startSignedInPage() {
  localise();
  if (!token()) {
    window.location.replace('index.html');
    return false;
  }
  const who = document.getElementById('who');
  const me = user();
  if (who && me) who.textContent = t('app.signedInAs', { name: me.name ?? me.id });
  const logout = document.getElementById('logout');
  if (logout) {
    signOutOn(logout, endToken); // this token is refused from now on, on every node, and its open sockets close
    // every other sign-in of the same person too (a forgotten computer in a lab)
    const everywhere = document.createElement('a');
    everywhere.id = 'logout-all';
    everywhere.className = 'logout';
    everywhere.href = 'index.html';
    everywhere.textContent = t('app.logoutAll');
    logout.after(everywhere);
    signOutOn(everywhere, endEveryToken);
  }
  headerMenu(); // issue 15 (4, 7): one row; who, sign-out (and on a phone the links and the language) in a menu
  return true;
}

/** Signs out through the server (end) when the link is followed, then forgets the token here. */
function signOutOn(link, end) {
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    try {
      await end();
    } catch {
      // already ended or the server unreachable: forgetting it here is all that is left
    }
    signOut();
    window.location.assign('index.html?signedOut=1');
  });
}

/** Ends the session after a 401 (expired or bad token) and returns to the login page with a notice. */
export function sessionExpired() {
  sessionEnded();
}
