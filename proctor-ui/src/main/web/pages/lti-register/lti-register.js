/**
 * lti-register.html?code=…#openid_configuration=…&registration_token=…: issue 16 (1), LTI Dynamic Registration. The
 * LMS opens the engine's /lti/register (with the one-use code an Emtihan administrator made); the engine registers
 * with the LMS and keeps it; the page then tells the LMS it is done (postMessage org.imsglobal.lti.close).
 */

import { errorText } from '../../lib/api/client.js';
import { ltiRegister } from '../../lib/api/lti.js';
import { setState, showMessage } from '../../lib/dom.js';
import { localise, t } from '../../lib/i18n.js';
import { closeRegistration, handedOver } from '../../lib/lti.js';

const $ = (id) => document.getElementById(id);

async function start() {
  localise();
  const params = handedOver();
  $('lti-close').addEventListener('click', () => closeRegistration());
  try {
    const platform = await ltiRegister({
      code: params.code ?? '',
      openidConfiguration: params.openid_configuration ?? '',
      registrationToken: params.registration_token ?? '',
    });
    $('lti-busy').hidden = true;
    $('lti-done-text').textContent = t('lti.register.done', { name: platform.name, clientId: platform.clientId });
    $('lti-done').hidden = false;
    setState($('lti'), 'ready');
  } catch (err) {
    $('lti-busy').hidden = true;
    showMessage($('lti-error'), errorText(err));
    setState($('lti'), 'error');
  }
}

start();
