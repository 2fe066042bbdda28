/**
 * How the sitting pages (the console, the student's page, the presentation view) follow their sitting: the live socket says when it
 * changes (`sitting`) and the page reads it again; `following-sitting` marks the page as hearing changes
 * (main[data-following], which the tests wait on); the sitting's video room gets its messages; and the page keeps
 * the server's clock, set from each reading and corrected by the socket's `time` messages.
 */

import { serverClock } from '../clock.js';
import { connectLive } from '../live.js';

/** The server's clock as a page knows it. */
export class PageClock {
  constructor() {
    this.current = { offset: 0, now: () => Date.now() };
  }

  now() {
    return this.current.now();
  }

  /** From a reading of the sitting ({serverTime, sentAt, receivedAt}). */
  fromView(view) {
    if (view.serverTime) this.current = serverClock(view.serverTime, view.sentAt, view.receivedAt);
  }

  /** From a live `time` message: only a drift of more than a second is taken (the reading is the better estimate). */
  correct(serverTime) {
    const offset = Date.parse(serverTime) - Date.now();
    if (Math.abs(offset - this.current.offset) > 1000) this.current = { offset, now: () => Date.now() + offset };
  }
}

/** room: the page's RoomView or StudentRoom (none on the presentation view); reload() reads the sitting again; onState(state) for a live indicator. */
export function followSitting({ sittingId, main, room, clock, reload, onState = () => {} }) {
  return connectLive({
    onOpen: (send) => {
      send({ type: 'sitting', sittingId });
      room?.connected(send);
      reload(); // anything missed while disconnected
    },
    onMessage: (message) => {
      room?.onMessage(message);
      if (message.type === 'time' && message.serverTime) clock.correct(message.serverTime);
      else if (message.type === 'following-sitting')
        main.dataset.following = 'true'; // changes from now on are heard
      else if (message.type === 'sitting') reload();
    },
    onState,
  });
}
