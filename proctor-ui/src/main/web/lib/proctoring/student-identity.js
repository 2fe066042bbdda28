/**
 * Step 2 of a proctored attempt (docs/proctoring.md; clause 5.17.2): the identity photos when the exam asks for
 * them and, under the "wait" policy, the wait for the proctor's approval (a live identity message, or polling the
 * attempt). Once the photos are in, the attempt is fetched again: now with its questions and its deadline (the
 * clock starts when they are first served; issue 10, 4). It holds the attempt view the page is to show.
 */

import { ApiError } from '../api/client.js';
import { getAttempt } from '../api/attempts.js';
import { t } from '../i18n.js';
import { IdentityStep } from './identity.js';

const WAIT_POLL_MS = 10000;

export class IdentityFlow {
  /** el: {wait, waitHeading}; camera() → the camera's stream for the photos; onUnauthorized: the session ended. */
  constructor({ attempt, el, camera, onUnauthorized }) {
    this.attempt = attempt;
    this.settings = attempt.proctoring;
    this.el = el;
    this.camera = camera;
    this.onUnauthorized = onUnauthorized;
    this.status = this.settings.identityStatus ?? 'none';
    this.reason = this.settings.identityReason ?? null;
    this.waiters = [];
    this.step = null;
  }

  /** True while the page waits for a proctor's decision. */
  get waiting() {
    return this.waiters.length > 0;
  }

  /** Takes the photos (again, after a rejection) until they are in, and the attempt with its questions. */
  async identify() {
    for (;;) {
      if (this.status === 'none' || this.status === 'rejected') {
        const step = (this.step ??= new IdentityStep({
          attemptId: this.attempt.id,
          stream: this.camera(),
          maxImageBytes: this.settings.maxImageBytes,
          onUnauthorized: this.onUnauthorized,
        }));
        step.stream = this.camera();
        const answer = await step.run(
          this.status === 'rejected' ? this.reason || t('identity.rejectedNoReason') : null,
        );
        this.status = answer.status ?? 'pending';
        this.reason = null;
      }
      if (this.status === 'pending' && this.settings.identityPolicy === 'wait') {
        await this.waitForProctor();
        continue;
      }
      if (this.status === 'rejected') continue;
      // the photos are in: the server serves the questions now, and the clock starts (issue 10, 4)
      await this.refetch();
      return;
    }
  }

  /** Under the "wait" policy: until a proctor decides (live identity message, or polling the attempt). */
  async waitForProctor() {
    this.el.wait.hidden = false;
    this.el.waitHeading.focus();
    const poll = setInterval(() => this.poll(), WAIT_POLL_MS);
    try {
      await new Promise((resolve) => this.waiters.push(resolve));
    } finally {
      clearInterval(poll);
      this.el.wait.hidden = true;
    }
    if (this.status === 'approved') await this.refetch();
  }

  async poll() {
    try {
      const fresh = await getAttempt(this.attempt.id);
      const status = fresh.proctoring?.identityStatus;
      if (status && status !== 'pending') {
        this.reason = fresh.proctoring?.identityReason ?? this.reason;
        this.decided(status, fresh);
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.onUnauthorized();
    }
  }

  /** A proctor decided (fresh: the attempt as polled, if it was); whoever waits goes on. */
  decided(status, fresh = null) {
    this.status = status;
    if (fresh && status === 'approved') this.attempt = fresh;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The attempt again, now with its questions and its deadline (the clock starts when they are first served). */
  async refetch() {
    if (this.attempt.questions?.length > 0) return;
    for (let tries = 0; ; tries += 1) {
      try {
        this.attempt = await getAttempt(this.attempt.id);
        return;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          this.onUnauthorized();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(10000, 1000 * 2 ** tries)));
      }
    }
  }
}
