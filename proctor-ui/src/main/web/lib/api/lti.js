/** Issue 16: Emtihan as an LTI 1.3 tool: launches from an LMS, registrations of LMS platforms, the tool's keys. */

import { del, get, post, put, segment } from './client.js';

/** The OIDC login initiation's parameters → {redirect, state}. */
export const ltiLogin = (params) => post('/lti/login', params, { anonymous: true });

/**
 * The platform's id_token with the state it posted and the state this browser kept → {token, user, launch, next}.
 * Sent without the tab's token: a refused launch must show its reason, not end the session of whoever was signed in.
 */
export const ltiLaunch = (idToken, state, browserState) =>
  post('/lti/launch', { idToken, state, browserState }, { anonymous: true });

/** Dynamic registration: {code, openidConfiguration, registrationToken} → the registration kept. */
export const ltiRegister = (body) => post('/lti/register', body, { anonymous: true });

/** → {platforms, tool: {loginUrl, launchUrl, deepLinkUrl, jwksUrl, registrationUrl}, audit} */
export const ltiPlatforms = () => get('/lti/platforms');
export const createPlatform = (platform) => post('/lti/platforms', platform);
export const updatePlatform = (id, platform) => put(`/lti/platforms/${segment(id)}`, platform);
export const removePlatform = (id) => del(`/lti/platforms/${segment(id)}`);

/** → {url, hours}: a one-use dynamic-registration address. */
export const registrationCode = () => post('/lti/registration-codes');

export const ltiKeys = () => get('/lti/keys');
export const rotateLtiKeys = () => post('/lti/keys/rotate');

/** The teacher binds the launch's link to an exam → {examId, next}. */
export const bindLaunch = (launchId, examId) => post(`/lti/launches/${segment(launchId)}/exam`, { examId });

/** The teacher answers a deep-linking request with an exam → {returnUrl, jwt}. */
export const deepLink = (launchId, examId) => post(`/lti/launches/${segment(launchId)}/deep-link`, { examId });

/** Issue 16 (2): the same with an oral sitting the caller runs → {sittingId, next} / {returnUrl, jwt}. */
export const bindLaunchSitting = (launchId, sittingId) =>
  post(`/lti/launches/${segment(launchId)}/exam`, { sittingId });
export const deepLinkSitting = (launchId, sittingId) =>
  post(`/lti/launches/${segment(launchId)}/deep-link`, { sittingId });
