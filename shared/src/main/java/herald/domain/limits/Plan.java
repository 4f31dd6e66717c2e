package herald.domain.limits;

import herald.domain.common.Invalid;
import java.util.Locale;
import java.util.Map;

/**
 * The account's plan and the counts it limits: an unverified trial sends 10 messages in all, a verified trial 10 a
 * day and 100 a month (UTC), a paid account has no count limit. Every message counts once, whatever its channel.
 */
public enum Plan {
  TRIAL(Map.of(Counter.TOTAL, 10L)),
  TRIAL_VERIFIED(Map.of(Counter.DAY, 10L, Counter.MONTH, 100L)),
  PAID(Map.of());

  private final Map<Counter, Long> limits;

  Plan(Map<Counter, Long> limits) {
    this.limits = limits;
  }

  /** The counters this plan limits, with their limits; the others are only counted. */
  public Map<Counter, Long> limits() {
    return limits;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Plan parse(String value, String field) {
    if (value == null) throw Invalid.required(field);
    for (Plan plan : values()) {
      if (plan.key().equals(value)) return plan;
    }
    throw new Invalid("invalid_value", field, field + " must be trial, trial_verified or paid");
  }
}
