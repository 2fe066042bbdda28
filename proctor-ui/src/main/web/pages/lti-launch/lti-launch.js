/**
 * lti-launch.html#id_token=…&state=…: issue 16 (2), the LMS's answer to the login initiation (the engine's
 * /lti/launch hands the form post over in the fragment). Gives the engine the id_token with the state the LMS posted
 * and the state this tab kept; the engine checks the token and answers an Emtihan token, kept in this tab's
 * sessionStorage like any sign-in (never a cookie), and the page to open: the exam's rules for a student, the exam
 * for its teacher, the choice of an exam when the activity has none yet or the LMS asks for one (deep linking).
 */

// issue 16 (2): first, so the launch's locale is this tab's language before lib/i18n.js loads the words
import './language.js';
import { errorText } from '../../lib/api/client.js';
import { ltiLaunch } from '../../lib/api/lti.js';
import { setState, showMessage } from '../../lib/dom.js';
import { localise, t } from '../../lib/i18n.js';
import { handedOver, keepLaunch, takeState } from '../../lib/lti.js';
import { signIn } from '../../lib/session.js';

const $ = (id) => document.getElementById(id);

async function start() {
  localise();
  const params = handedOver();
  const browserState = takeState();
  $('lti-busy').hidden = true;
  if (params.error) {
    // the LMS refused the authentication request (OIDC error response): say what it said
    showMessage($('lti-error'), t('lti.launch.lmsError', { error: params.error_description || params.error }));
    setState($('lti'), 'error');
    return;
  }
  try {
    const answer = await ltiLaunch(params.id_token ?? '', params.state ?? '', browserState);
    signIn(answer);
    keepLaunch(answer.launch);
    if (answer.next) {
      window.location.replace(answer.next);
      return;
    }
    $('lti-waiting').hidden = false;
    setState($('lti'), 'ready');
  } catch (err) {
    showMessage($('lti-error'), errorText(err));
    setState($('lti'), 'error');
  }
}

start();
