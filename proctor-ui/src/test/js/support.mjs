// Shared by the page modules' unit tests: waiting for something asynchronous to have happened, without fixed sleeps.
import assert from 'node:assert/strict';

/** One turn of the event loop. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Resolves once condition() holds, checking every 5 ms; fails naming what it waited for after about 2 s. */
export async function until(condition, what) {
  for (let i = 0; i < 400; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail(`timed out waiting until ${what}`);
}

/**
 * A stand-in for the browser's WebSocket, installed as globalThis.WebSocket: every socket the page opens is kept in
 * the returned array, and a test fires its events ('open' also marks it open).
 */
export function fakeWebSockets() {
  const sockets = [];
  class FakeSocket {
    static OPEN = 1;
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.listeners = {};
      sockets.push(this);
    }
    addEventListener(type, fn) {
      (this.listeners[type] ??= []).push(fn);
    }
    close() {}
    fire(type, event = {}) {
      if (type === 'open') this.readyState = 1;
      for (const fn of this.listeners[type] ?? []) fn(event);
    }
  }
  globalThis.WebSocket = FakeSocket;
  return sockets;
}
