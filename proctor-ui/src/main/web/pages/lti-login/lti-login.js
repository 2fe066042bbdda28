/**
 * lti-login.html#iss=…&login_hint=…&target_link_uri=…: issue 16 (2), the OIDC login initiation an LMS starts
 * (the engine's /lti/login hands its parameters over in the fragment). Asks the engine where to go, keeps the state
 * in this tab (sessionStorage) and goes to the LMS's authorisation endpoint, which posts the id_token back to
 * /lti/launch.
 */

import { errorText } from '../../lib/api/client.js';
import { ltiLogin } from '../../lib/api/lti.js';
import { setState, showMessage } from '../../lib/dom.js';
import { localise } from '../../lib/i18n.js';
import { handedOver, keepState } from '../../lib/lti.js';

const $ = (id) => document.getElementById(id);

async function start() {
  localise();
  const params = handedOver();
  try {
    const { redirect, state } = await ltiLogin(params);
    keepState(state);
    window.location.replace(redirect);
  } catch (err) {
    $('lti-busy').hidden = true;
    showMessage($('lti-error'), errorText(err));
    setState($('lti'), 'error');
  }
}

start();
