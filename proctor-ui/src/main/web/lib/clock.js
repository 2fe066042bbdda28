/** The server's clock as seen from this browser, and a countdown to an instant on it. */

/**
 * serverTime is what the server said its clock read while answering a request sent at sentAt and received
 * at receivedAt (both Date.now()); the midpoint is taken as the moment it was read.
 */
export function serverClock(serverTime, sentAt, receivedAt = sentAt) {
  const offset = Date.parse(serverTime) - (sentAt + receivedAt) / 2;
  return { offset, now: () => Date.now() + offset };
}

/**
 * Calls onTick(remainingMs) about four times a second (and at once when the tab becomes visible again,
 * since hidden tabs are throttled), then onEnd() once when the deadline is reached on the server's clock.
 * Returns a function that stops it.
 */
export function countdown(deadline, clock, onTick, onEnd) {
  const end = Date.parse(deadline);
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const remaining = end - clock.now();
    onTick(Math.max(0, remaining));
    if (remaining <= 0) {
      stop();
      onEnd();
    }
  };
  const interval = setInterval(tick, 250);
  const page = globalThis.document;
  const onVisible = () => {
    if (page.visibilityState === 'visible') tick();
  };
  page?.addEventListener('visibilitychange', onVisible);
  function stop() {
    stopped = true;
    clearInterval(interval);
    page?.removeEventListener('visibilitychange', onVisible);
  }
  tick();
  return stop;
}
