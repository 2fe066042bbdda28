/**
 * The live-event WebSocket (`/api/v1/ws?token=<JWT>`, API.md "Live events") with reconnection.
 *
 * live = connectLive({onOpen, onMessage, onState, beforeReconnect}) opens the socket at once. onOpen(send)
 * runs on every (re)connection, so subscriptions are sent again; onMessage gets each parsed JSON message;
 * onState gets 'connecting' | 'open' | 'reconnecting' | 'closed' and, while reconnecting, the delay in ms.
 * beforeReconnect() (optional, may return a Promise) runs before each new attempt; if it throws the error
 * is reported through onState('reconnecting') and the back-off continues. After a drop the delay doubles
 * from 1 s up to 30 s, with jitter, and starts again from 1 s once a connection has lasted 10 s.
 * A node that stops closes its sockets with 1012 (NODE_LEAVING): the page reconnects within a second, whatever the
 * back-off was. live.close() ends it for good. When the server closes the socket with SESSION_ENDED (4401: the token expired or was
 * ended by a logout, a change of roles or password, a disabled account) there is no reconnecting: the page signs in again.
 */

import { iceServerList } from './api/live.js';
import { currentLanguage } from './i18n.js';
import { sessionEnded, token } from './session.js';

/** The close code of a socket whose token expired or was ended (API.md "Live events"). */
export const SESSION_ENDED = 4401;

/**
 * Close codes of a node that stops or restarts (RFC 6455: 1012 service restart, 1001 going away, 1013 try again
 * later; issue 14, 6): the page connects again soon, and the load balancer sends it to a node that stays.
 */
export const NODE_LEAVING = [1012, 1001, 1013];

const FIRST_DELAY = 1000;
const MAX_DELAY = 30000;
const STABLE_AFTER = 10000;

/** The WebSocket address of the engine that served this page. */
export function liveUrl() {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}/api/v1/ws?token=${encodeURIComponent(token() ?? '')}&lang=${currentLanguage()}`;
}

export function connectLive({
  onOpen = () => {},
  onMessage = () => {},
  onState = () => {},
  beforeReconnect = null,
} = {}) {
  let socket = null;
  let closed = false;
  let delay = FIRST_DELAY;
  let timer = null;
  let openedAt = 0;

  const send = (message) => {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  };

  function open() {
    if (closed) return;
    onState('connecting');
    let ws;
    try {
      ws = new WebSocket(liveUrl());
    } catch {
      retry();
      return;
    }
    socket = ws;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      openedAt = Date.now();
      onState('open');
      onOpen(send);
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) return;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && typeof message === 'object') onMessage(message, send);
    });
    ws.addEventListener('close', (event) => {
      if (socket !== ws) return;
      socket = null;
      if (event.code === SESSION_ENDED) {
        closed = true;
        onState('closed');
        sessionEnded();
        return;
      }
      if (openedAt && Date.now() - openedAt >= STABLE_AFTER) delay = FIRST_DELAY;
      openedAt = 0;
      if (NODE_LEAVING.includes(event.code)) {
        // a planned stop, not a failure: start the back-off again, and spread the sockets of the node over a second
        delay = FIRST_DELAY;
        retry(Math.round(100 + Math.random() * 900));
        return;
      }
      retry();
    });
    // an 'error' is always followed by 'close', which does the rest
  }

  function retry(soon = null) {
    if (closed) return;
    const wait = soon ?? Math.round(delay * (0.75 + Math.random() * 0.5));
    if (soon === null) delay = Math.min(delay * 2, MAX_DELAY);
    onState('reconnecting', wait);
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (closed) return;
      if (beforeReconnect) {
        try {
          await beforeReconnect();
        } catch {
          retry();
          return;
        }
      }
      open();
    }, wait);
  }

  // Coming back online or to the tab: try at once instead of waiting out the back-off.
  const now = () => {
    if (closed || socket || document.visibilityState === 'hidden') return;
    clearTimeout(timer);
    delay = FIRST_DELAY;
    timer = setTimeout(open, 0);
  };
  window.addEventListener('online', now);
  document.addEventListener('visibilitychange', now);

  open();
  return {
    send,
    /** Closes the socket (the server notices); the back-off reconnects. For tests and for a token change. */
    drop() {
      socket?.close();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      window.removeEventListener('online', now);
      document.removeEventListener('visibilitychange', now);
      const ws = socket;
      socket = null;
      ws?.close();
      onState('closed');
    },
  };
}

let ice = null; // {iceServers, expiresAt} for this user, kept until an hour before it expires

/**
 * The STUN/TURN servers for this user's RTCPeerConnections (GET /live/ice-servers: TURN credentials that expire).
 * → an iceServers array; [] when the engine has none or cannot be asked (then only one network connects).
 */
export async function iceServers() {
  if (!ice || Date.parse(ice.expiresAt) - Date.now() < 3_600_000) {
    try {
      ice = await iceServerList();
    } catch {
      return [];
    }
  }
  return ice.iceServers ?? [];
}
