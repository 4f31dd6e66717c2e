package herald.domain.manual;

import java.time.Duration;

/** How long a manual send waits, once confirmed, before it starts: the manual queue's delay (ManualGraceSeconds). */
public record GracePeriod(Duration duration) {
  public GracePeriod {
    if (duration == null || duration.isNegative() || duration.compareTo(ManualStarts.MAX_DELAY) > 0) {
      throw new IllegalArgumentException("the grace period is 0 to 900 seconds");
    }
  }
}
