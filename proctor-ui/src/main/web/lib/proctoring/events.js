/**
 * What the student's page reports about itself during a proctored test (docs/proctoring.md "Flags"):
 * tab-hidden, window-blur, fullscreen-exit, copy, paste, screen-share-ended, camera-ended, each sent with
 * POST …/events {type, at} where at is the moment on the server's clock.
 *
 * The same type again within 2 s is one event (a blur and a re-blur while switching, a burst of copies).
 * Events go in the order they happened; a lost connection or an unavailable server is retried with
 * back-off, a refusal is logged and skipped.
 */

import { retryable } from './upload-queue.js';

export const EVENT_TYPES = [
  'tab-hidden',
  'window-blur',
  'fullscreen-exit',
  'copy',
  'paste',
  'screen-share-ended',
  'camera-ended',
];
const DEBOUNCE_MS = 2000;

export class EventReporter {
  /**
   * send(type, atIso) → Promise; now() → the server's clock in ms (clock.now of lib/clock.js).
   * onReported(type, response) is told of every event the server took.
   */
  constructor({
    send,
    now,
    debounceMs = DEBOUNCE_MS,
    retryFirstMs = 1000,
    retryMaxMs = 30000,
    log = console,
    onReported = () => {},
  }) {
    this.send = send;
    this.now = now;
    this.debounceMs = debounceMs;
    this.retryFirstMs = retryFirstMs;
    this.retryMaxMs = retryMaxMs;
    this.log = log;
    this.onReported = onReported;
    this.last = new Map(); // type → server ms of the last one reported
    this.waiting = [];
    this.inflight = false;
    this.timer = null;
    this.failures = 0;
    this.closed = false;
  }

  /** Records one event now; returns false when it repeats the same type within the debounce time. */
  report(type) {
    if (this.closed || !EVENT_TYPES.includes(type)) return false;
    const at = this.now();
    const previous = this.last.get(type);
    if (previous !== undefined && at - previous < this.debounceMs) return false;
    this.last.set(type, at);
    this.waiting.push({ type, at: new Date(at).toISOString() });
    this.pump();
    return true;
  }

  /** Events not yet taken by the server. */
  get pending() {
    return this.waiting.length;
  }

  pump() {
    if (this.closed || this.inflight || this.timer !== null || this.waiting.length === 0) return;
    const event = this.waiting[0];
    this.inflight = true;
    Promise.resolve()
      .then(() => this.send(event.type, event.at))
      .then(
        (response) => {
          this.inflight = false;
          this.failures = 0;
          this.waiting.shift();
          this.onReported(event.type, response);
          this.pump();
        },
        (error) => {
          this.inflight = false;
          if (!retryable(error)) {
            this.log.warn?.(
              `proctoring: event ${event.type} refused (${error?.status ?? '?'}): ${error?.message ?? ''}`,
            );
            this.waiting.shift();
            this.pump();
            return;
          }
          this.failures += 1;
          const wait = Math.min(this.retryMaxMs, this.retryFirstMs * 2 ** (this.failures - 1));
          this.timer = setTimeout(() => {
            this.timer = null;
            this.pump();
          }, wait);
        },
      );
  }

  /** The connection is back: send what waits now. */
  retryNow() {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.failures = 0;
    this.pump();
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = null;
  }
}
