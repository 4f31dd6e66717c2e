package herald.domain.limits;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What the account's usage is counted over: a UTC day, a UTC month, all time. */
public enum Counter {
  DAY("today"), MONTH("this_month"), TOTAL("total");

  private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTHS = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
  private final String label;

  Counter(String label) {
    this.label = label;
  }

  /** How answers name it ({@code today}). */
  public String label() {
    return label;
  }

  /** The counter's key for the period holding {@code at}: {@code day#2026-12-05}, {@code month#2026-12}, {@code total}. */
  public String key(Instant at) {
    return switch (this) {
      case DAY -> "day#" + DAYS.format(at);
      case MONTH -> "month#" + MONTHS.format(at);
      case TOTAL -> "total";
    };
  }
}
