package herald.adapters.http;

import herald.domain.channels.DeliveryFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What the tools' adapters share in reading an answer: a refusal as a {@link DeliveryFailure} (429 and 5xx may
 * pass, anything else is for good), the wait a tool asked for, and the tool's own message made safe to keep on the
 * message (no e-mail address, number or quoted value, which may be the customer's data; at most 160 characters).
 */
public final class ToolAnswers {
  static final int MAX_MESSAGE = 160;
  private static final Pattern EMAIL = Pattern.compile("[^\\s\"'<>(),;:]+@[^\\s\"'<>(),;:]+");
  private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d \\-().]{4,}\\d");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\s]+");

  private ToolAnswers() {}

  /**
   * The failure for an answer that is not 2xx: 429 and 5xx are transient ({@code http_429}) and wait {@code
   * retryAfter} when the tool said (null: the usual backoff); any other status fails for good, as {@code
   * http_<status>: <the tool's message, made safe>}.
   */
  public static DeliveryFailure failure(ToolResponse response, Duration retryAfter, String toolMessage) {
    String code = "http_" + response.status();
    if (response.status() == 429 || response.status() >= 500) return DeliveryFailure.retryLater(code, retryAfter);
    String message = safe(toolMessage);
    return DeliveryFailure.permanent(message.isEmpty() ? code : code + ": " + message, null);
  }

  /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
  public static Duration retryAfter(ToolResponse response, Clock clock) {
    String value = response.header("Retry-After").map(String::trim).orElse(null);
    if (value == null || value.isEmpty()) return null;
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration wait = Duration.between(clock.instant(),
            ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** A tool's message fit to keep: personal data replaced by {@code …}, on one line, at most 160 characters. */
  public static String safe(String message) {
    if (message == null) return "";
    String safe = EMAIL.matcher(message).replaceAll("…");
    safe = QUOTED.matcher(safe).replaceAll("\"…\"");
    safe = NUMBER.matcher(safe).replaceAll("…");
    safe = CONTROL.matcher(safe).replaceAll(" ").trim();
    return safe.length() <= MAX_MESSAGE ? safe : safe.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
