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
