package herald.domain.segments.rules;

import herald.domain.common.Invalid;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The time {@code before} and {@code after} compare with: an instant, a whole day (UTC) or a number of days
 * (of 24 hours) before the moment of evaluation. A time equal to an instant is neither before nor after it; a
 * day covers its 24 hours, so {@code after 2026-01-31} starts at 2026-02-01T00:00Z and {@code before 2026-01-31}
 * ends just before 2026-01-31T00:00Z. Comparing allocates nothing.
 */
public sealed interface Moment extends Operand {
  int MAX_DAYS_AGO = 36_500;
  long DAY = 86_400;

  boolean before(Instant time, Instant now);

  boolean after(Instant time, Instant now);

  record At(Instant instant) implements Moment {
    public At {
      if (instant == null) throw Invalid.required("value");
    }

    @Override public boolean before(Instant time, Instant now) {
      return time.isBefore(instant);
    }

    @Override public boolean after(Instant time, Instant now) {
      return time.isAfter(instant);
    }
  }

  record Day(LocalDate date) implements Moment {
    public Day {
      if (date == null) throw Invalid.required("value");
    }

    @Override public boolean before(Instant time, Instant now) {
      return time.getEpochSecond() < date.toEpochDay() * DAY;
    }

    @Override public boolean after(Instant time, Instant now) {
      return time.getEpochSecond() >= (date.toEpochDay() + 1) * DAY;
    }
  }

  /** {@code {"days_ago": N}}: N times 24 hours before the moment the rule is evaluated (0 is that moment). */
  record DaysAgo(int days) implements Moment {
    public DaysAgo {
      if (days < 0 || days > MAX_DAYS_AGO) {
        throw new Invalid("invalid_value", "value.days_ago", "days_ago must be 0 to " + MAX_DAYS_AGO);
      }
    }

    @Override public boolean before(Instant time, Instant now) {
      return compare(time, now) < 0;
    }

    @Override public boolean after(Instant time, Instant now) {
      return compare(time, now) > 0;
    }

    private int compare(Instant time, Instant now) {
      int bySeconds = Long.compare(time.getEpochSecond(), now.getEpochSecond() - days * DAY);
      return bySeconds != 0 ? bySeconds : Integer.compare(time.getNano(), now.getNano());
    }
  }
}
