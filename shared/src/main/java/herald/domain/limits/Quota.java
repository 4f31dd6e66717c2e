package herald.domain.limits;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The plan's count limits, for the sender and for dry runs. The sender reserves a message's unit before calling the
 * provider ({@link #reserve}): a unit past a limit is refused, and the message ends SKIPPED quota_exceeded. The
 * unit is kept when the message is sent ({@link #sent}) and given back when it ends without being sent
 * ({@link #giveBack}). A message is counted in the day and month of its first reservation. A limit counts the
 * messages sent while it applied: after a plan change, what went out under the earlier plan uses none of the new
 * plan's room unless the earlier plan had the same limit (a verified trial has its 10 on the day it is verified; a
 * paid account that returns to a trial has the trial's room again; a trial that was verified and returns keeps the
 * total it had used).
 */
public final class Quota {
  private final AccountSettings settings;
  private final UsageCounters counters;
  private final Clock clock;

  @Inject
  public Quota(AccountSettings settings, UsageCounters counters, Clock clock) {
    this.settings = settings;
    this.counters = counters;
    this.clock = clock;
  }

  public Reservation reserve(String messageId, Account account) {
    return reserve(messageId, account, false);
  }

  /**
   * As {@link #reserve(String, Account)}. A message's first attempt under a plan that limits nothing holds no unit
   * and has no earlier reservation whose periods it must keep: it is granted without a write (it is counted in the
   * periods of its send). A later attempt reserves as usual.
   */
  public Reservation reserve(String messageId, Account account, boolean firstAttempt) {
    Map<Counter, Long> limits = account.plan().limits();
    if (firstAttempt && limits.isEmpty()) {
      return new Reservation(messageId, keys(clock.instant()), java.util.Set.of(), true);
    }
    return counters.reserve(messageId, keys(clock.instant()), limits);
  }

  public void sent(Reservation reservation) {
    counters.sent(reservation);
  }

  public void sent(java.util.Collection<Reservation> reservations) {
    if (!reservations.isEmpty()) counters.sent(reservations);
  }

  public void giveBack(String messageId) {
    counters.giveBack(messageId);
  }

  /** What was sent today, this month and in total, and what is left, for the account's plan now. */
  public Usage usage() {
    return usage(settings.account().plan());
  }

  /** Dry run: of {@code messages} messages sent now, how many would go and how many would be skipped. */
  public Forecast forecast(long messages) {
    long send = Math.min(Math.max(messages, 0), usage().room());
    return new Forecast(send, Math.max(messages, 0) - send);
  }

  Usage usage(Plan plan) {
    Map<Counter, UsageCounters.Count> counts = counters.counts(keys(clock.instant()));
    Map<Counter, Usage.Tally> tallies = new EnumMap<>(Counter.class);
    for (Counter counter : Counter.values()) {
      UsageCounters.Count count = counts.getOrDefault(counter, UsageCounters.Count.NONE);
      Long limit = plan.limits().get(counter);
      tallies.put(counter, new Usage.Tally(count.sent(), limit,
          limit == null ? null : Math.max(0, limit - count.limited())));
    }
    return new Usage(plan, tallies);
  }

  private static Map<Counter, String> keys(Instant now) {
    Map<Counter, String> keys = new EnumMap<>(Counter.class);
    for (Counter counter : Counter.values()) keys.put(counter, counter.key(now));
    return keys;
  }
}
