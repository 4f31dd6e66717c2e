package herald.local;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions: {@code rate(N unit)} with minute(s), hour(s) or day(s), singular for 1 and
 * plural otherwise, as AWS requires; and {@code cron(...)}, which the local runtime accepts but does not run.
 */
final class ScheduleExpression {
  private static final Pattern RATE = Pattern.compile("rate\\((\\d{1,9}) (minute|hour|day)(s?)\\)");

  private ScheduleExpression() {}

  /** How often a rate(...) expression fires; null for a cron(...) one. Throws for anything else. */
  static Duration period(String expression) {
    String text = expression == null ? "" : expression.strip();
    if (text.startsWith("cron(") && text.endsWith(")")) return null;
    Matcher m = RATE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("schedule " + expression + " is neither rate(N minute|minutes|hour|hours"
          + "|day|days) nor cron(...)");
    }
    long value = Long.parseLong(m.group(1));
    if (value < 1) throw new IllegalArgumentException("schedule " + expression + ": the rate must be at least 1");
    if ((value == 1) != m.group(3).isEmpty()) {
      throw new IllegalArgumentException("schedule " + expression + ": the unit is singular for 1 and plural"
          + " otherwise, as in rate(1 day) and rate(2 days)");
    }
    return switch (m.group(2)) {
      case "minute" -> Duration.ofMinutes(value);
      case "hour" -> Duration.ofHours(value);
      default -> Duration.ofDays(value);
    };
  }
}
