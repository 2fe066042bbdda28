/** The live connection's helpers (issue 11): the STUN/TURN servers for this user's RTCPeerConnections. */

import { get } from './client.js';

/** → {iceServers: [...], expiresAt}: TURN credentials that expire. */
export const iceServerList = () => get('/live/ice-servers');
