package herald.api;

import herald.domain.common.Invalid;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;

/**
 * A range of time asked for in a query ({@code from}, {@code to}: a date-time such as {@code 2026-12-06T07:00:00Z},
 * or a date, its first instant in UTC) and its {@code granularity}, {@code hour} or {@code day}: both ends rounded
 * down to it, {@code from} not after {@code to}, and at most {@code maxPoints} points. Refused with the field at fault.
 */
record TimeRange(Instant from, Instant to, ChronoUnit unit) {
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

  static TimeRange of(HttpRequest request, String defaultGranularity, int maxPoints, Instant now) {
    String granularity = request.query().getOrDefault("granularity", defaultGranularity);
    ChronoUnit unit = switch (granularity) {
      case "hour" -> ChronoUnit.HOURS;
      case "day" -> ChronoUnit.DAYS;
      default -> throw new Invalid("invalid_value", "granularity", "granularity is hour or day");
    };
    Instant to = instant(request.query().get("to"), "to", now).truncatedTo(unit);
    Instant defaultFrom = to.minus(unit == ChronoUnit.HOURS ? Duration.ofHours(47) : Duration.ofDays(29));
    Instant from = instant(request.query().get("from"), "from", defaultFrom).truncatedTo(unit);
    if (from.isAfter(to)) throw new Invalid("invalid_value", "from", "from must not be after to");
    if (points(from, to, unit) > maxPoints) {
      throw new Invalid("invalid_value", "from", "at most " + maxPoints + " " + granularity + "s from from to to");
    }
    return new TimeRange(from, to, unit);
  }

  static long points(Instant from, Instant to, ChronoUnit unit) {
    return unit.between(from, to) + 1;
  }

  /** The last instant of the range (the end of its last hour or day). */
  Instant end() {
    return to.plus(1, unit).minusMillis(1);
  }

  private static Instant instant(String text, String field, Instant otherwise) {
    if (text == null || text.isBlank()) return otherwise;
    Instant at;
    try {
      at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    } catch (DateTimeException e) {
      throw new Invalid("invalid_value", field, field + " is a date-time such as 2026-12-06T07:00:00Z or a date");
    }
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new Invalid("invalid_value", field, field + " is between 2000 and 9999");
    }
    return at;
  }
}
