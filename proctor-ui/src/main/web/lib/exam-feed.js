/**
 * The live side of an exam's staff pages (the progress page and the proctor's dashboard): the page's table of
 * students starts from a fetch of the exam's state and then follows the exam's live events (lib/live.js).
 *
 * - sync() fetches the state; events that arrive meanwhile are buffered and applied again on top of it, so none is
 *   lost between the server's snapshot and the page's table. It runs on every (re)subscription and every `every` ms.
 * - The socket subscribes to the exam and shows its state in #live-state[data-live] / #live-text (staff.live.*);
 *   before each reconnection the state is fetched over HTTP (a 401 there ends the session).
 * - The page's own events (`events`) go to apply(event, true); every other message to onMessage(event).
 */

import { ApiError } from './api/client.js';
import { t } from './i18n.js';
import { connectLive } from './live.js';
import { sessionExpired } from './page.js';
import { $, resyncing } from './staff.js';

export class ExamFeed {
  /**
   * fetch() → the state; replace(data) puts it in the table; apply(event, live) applies one event; done() after the
   * buffered events were applied again; errorBox() where a failed sync shows; onOpen(send) on every connection.
   */
  constructor({
    examId,
    events,
    fetch,
    replace,
    apply,
    done = () => {},
    onMessage = () => {},
    onOpen = () => {},
    errorBox,
    every = 60000,
  }) {
    Object.assign(this, { examId, events: new Set(events), fetch, replace, apply, done, onMessage, onOpen });
    this.syncing = null; // the running fetch, while events are buffered
    this.buffered = [];
    this.liveState = 'connecting';
    this.live = null;
    ({ resync: this.resync, schedule: this.scheduleResync } = resyncing(() => this.sync(), errorBox, every));
  }

  async sync() {
    this.buffered = [];
    const fetching = this.fetch();
    this.syncing = fetching;
    let data;
    try {
      data = await fetching;
    } finally {
      if (this.syncing === fetching) this.syncing = null;
    }
    this.replace(data);
    const replay = this.buffered;
    this.buffered = [];
    for (const event of replay) this.apply(event, false);
    this.done(data);
  }

  open() {
    this.live = connectLive({
      onOpen: (send) => {
        this.onOpen(send);
        send({ type: 'subscribe', examId: this.examId });
      },
      onMessage: (event) => this.onEvent(event),
      onState: (state, wait) => {
        if (state === 'open' || state === 'connecting') this.showLive('connecting');
        else if (state === 'reconnecting')
          this.showLive('reconnecting', { seconds: Math.max(1, Math.round(wait / 1000)) });
        else if (state === 'closed' && this.liveState !== 'error') this.showLive('closed');
      },
      // before a new socket: check the session over HTTP (a 401 ends it) and refresh the table meanwhile
      beforeReconnect: async () => {
        try {
          await this.sync();
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) sessionExpired();
          throw err;
        }
      },
    });
    return this.live;
  }

  send(message) {
    return this.live?.send(message);
  }

  close() {
    this.live?.close();
  }

  showLive(state, params = {}) {
    this.liveState = state;
    $('live-state').dataset.live = state;
    $('live-text').textContent = t(`staff.live.${state}`, params);
  }

  onEvent(event) {
    if (event.type === 'subscribed') {
      this.showLive('live');
      this.resync().then(this.scheduleResync);
    } else if (event.type === 'error' && event.error === 'forbidden') {
      this.showLive('error', { message: event.message ?? '' });
      this.close();
    } else if (this.events.has(event.type)) {
      if (event.examId && event.examId !== this.examId) return;
      if (this.syncing) this.buffered.push(event);
      this.apply(event, true);
    } else {
      this.onMessage(event);
    }
  }
}
