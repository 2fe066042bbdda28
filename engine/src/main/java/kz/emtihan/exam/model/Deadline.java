package kz.emtihan.exam.model;

import java.time.Duration;
import java.time.Instant;

/**
 * 5.20.3: 50 minutes, enforced. The window's close also ends the attempt: whichever comes first.
 * The same rule runs inside {@code start-attempt.lua} against the store's clock.
 */
public final class Deadline {
  private Deadline() {}

  public static Instant of(Instant started, Duration duration, Instant windowCloses) {
    Instant byDuration = started.plus(duration);
    return byDuration.isBefore(windowCloses) ? byDuration : windowCloses;
  }
}
