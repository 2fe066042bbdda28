/**
 * The clock of the student's test page (pages/attempt/attempt.js): counts down to attempt.deadline on the server's
 * clock (lib/clock.js), turns the timer red in the last five minutes, announces 10, 5 and 1 minute left to
 * screen readers, and shows a visible warning at 10 and at 1 minute. When the time is up it calls onTimeUp.
 *
 * attemptClock(session, onTimeUp) reads session.attempt.deadline and session.clock each time run() is called,
 * so the deadline set when the questions are first served (or moved by the server) is counted down again. Before
 * that (deadline null: a proctored attempt's identity step) it says the time has not started.
 */

import { countdown } from '../../lib/clock.js';
import { formatCountdown, t } from '../../lib/i18n.js';

const $ = (id) => document.getElementById(id);
const ui = {
  timerBox: $('timer-box'),
  timer: $('timer'),
  announcer: $('time-announcer'),
  timeWarning: $('time-warning'),
};

/** Minutes left at which the time is announced to screen readers. */
const ANNOUNCE_AT_MINUTES = [10, 5, 1];
const LOW_TIME_MS = 5 * 60 * 1000;

/** session: { attempt, clock } as the page holds them. */
export function attemptClock(session, onTimeUp) {
  let stopCountdown = () => {};
  const announced = new Set();

  function showRemaining(ms) {
    ui.timer.textContent = formatCountdown(ms);
    ui.timerBox.classList.toggle('timer-low', ms <= LOW_TIME_MS);
    const minutes = Math.ceil(ms / 60000);
    for (const mark of ANNOUNCE_AT_MINUTES) {
      if (minutes === mark && !announced.has(mark) && ms > 0) {
        announced.add(mark);
        ui.announcer.textContent = mark === 1 ? t('attempt.timeAnnounceOne') : t('attempt.timeAnnounce', { n: mark });
      }
    }
    // visible warnings at 10 and 1 minute (issue 3), kept until the next one
    const warning = minutes <= 1 && ms > 0 ? 'attempt.warn1' : minutes <= 10 && ms > 0 ? 'attempt.warn10' : null;
    if (warning && ui.timeWarning.dataset.key !== warning) {
      ui.timeWarning.dataset.key = warning;
      ui.timeWarning.textContent = t(warning);
      ui.timeWarning.hidden = false;
    }
  }

  return {
    /** Counts down to attempt.deadline (again, when an identity wait moved it). */
    run() {
      stopCountdown();
      // a proctored attempt's clock starts when its questions are first served (after the identity step)
      if (!session.attempt.deadline) {
        ui.timer.textContent = t('attempt.clockNotStarted');
        return;
      }
      stopCountdown = countdown(session.attempt.deadline, session.clock, showRemaining, onTimeUp);
    },
    stop() {
      stopCountdown();
    },
  };
}
