package herald.domain.limits;

import herald.domain.common.Invalid;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The account's settings: its plan, and the send rate of each channel type that has one (messages per second, a
 * whole number from 1 to {@value #MAX_RATE}); a channel without one is not paced, but email never goes faster than
 * SES allows the account.
 */
public record Account(Plan plan, Map<String, Integer> sendRates) {
  public static final int MAX_RATE = 10_000;

  public Account {
    Objects.requireNonNull(plan, "plan");
    sendRates = sendRates == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(sendRates));
    sendRates.forEach((channel, rate) -> {
      if (rate == null || rate < 1 || rate > MAX_RATE) {
        throw new Invalid("invalid_value", "send_rates." + channel,
            "a send rate is a whole number of messages per second from 1 to " + MAX_RATE);
      }
    });
  }

  public static Account of(Plan plan) {
    return new Account(plan, Map.of());
  }

  public Account withPlan(Plan next) {
    return new Account(next, sendRates);
  }

  public Account withSendRates(Map<String, Integer> rates) {
    return new Account(plan, rates);
  }
}
