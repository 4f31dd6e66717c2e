package herald.domain.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.limits.Account;
import herald.domain.limits.AccountSettings;
import herald.domain.limits.Counter;
import herald.domain.limits.Plan;
import herald.domain.limits.RateWindows;
import herald.domain.limits.Reservation;
import herald.domain.limits.UsageCounters;
import herald.domain.limits.UsageCounters.Count;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the limits' ports promise, checked the same way against the in-memory fakes (FakesHonourThePortsTest) and
 * the DynamoDB adapters on dynalite (DynamoDbLimitsTest), so the domain tests on the fakes prove what runs.
 * Each check takes a fresh port.
 */
public final class LimitsPortsContract {
  static final Instant DAY_ONE = Instant.parse("2026-12-05T10:00:00Z");
  static final Instant DAY_TWO = Instant.parse("2026-12-06T10:00:00Z");

  private LimitsPortsContract() {}

  public static Map<Counter, String> keys(Instant at) {
    Map<Counter, String> keys = new EnumMap<>(Counter.class);
    for (Counter counter : Counter.values()) keys.put(counter, counter.key(at));
    return keys;
  }

  public static void settingsStartWithTheDefaultPlanAndKeepWhatIsSaved(AccountSettings fresh, Plan defaultPlan) {
    assertThat(fresh.account()).isEqualTo(Account.of(defaultPlan));
    Account saved = new Account(Plan.TRIAL_VERIFIED, Map.of("email", 14, "webhook", 50));
    fresh.save(saved);
    assertThat(fresh.account()).isEqualTo(saved);
    fresh.save(saved.withPlan(Plan.PAID).withSendRates(Map.of()));
    assertThat(fresh.account()).isEqualTo(Account.of(Plan.PAID));
  }

  /** A unit per message id, never past the limit; a retry holds the same unit; a unit given back is free again. */
  public static void reservationsStopAtTheLimitCountOncePerMessageAndComeBack(UsageCounters counters) {
    Map<Counter, Long> limits = Map.of(Counter.DAY, 2L);
    assertThat(counters.reserve("m1", keys(DAY_ONE), limits).granted()).isTrue();
    assertThat(counters.reserve("m2", keys(DAY_ONE), limits).granted()).isTrue();
    Reservation refused = counters.reserve("m3", keys(DAY_ONE), limits);
    assertThat(refused.granted()).isFalse();
    assertThat(refused.reserved()).isEmpty();
    Reservation again = counters.reserve("m1", keys(DAY_ONE), limits);
    assertThat(again.granted()).isTrue();
    assertThat(again.reserved()).containsExactly(Counter.DAY);
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, new Count(2, 2))
        .containsEntry(Counter.TOTAL, Count.NONE);

    counters.giveBack("m2");
    counters.giveBack("m2");
    counters.giveBack("never-reserved");
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, new Count(1, 1));
    assertThat(counters.reserve("m3", keys(DAY_ONE), limits).granted()).isTrue();
    assertThat(counters.reserve("m4", keys(DAY_ONE), limits).granted()).isFalse();
  }

  /** A retried message keeps the periods and limits of its first reservation. */
  public static void aRetryKeepsItsFirstPeriodsAndLimits(UsageCounters counters) {
    Reservation first = counters.reserve("m1", keys(DAY_ONE), Map.of(Counter.DAY, 10L));
    Reservation retry = counters.reserve("m1", keys(DAY_TWO), Map.of());
    assertThat(retry.keys()).isEqualTo(first.keys());
    assertThat(retry.reserved()).containsExactly(Counter.DAY);
    counters.sent(retry);
    assertThat(counters.counts(keys(DAY_ONE))).isEqualTo(Map.of(Counter.DAY, new Count(1, 1),
        Counter.MONTH, new Count(1, 0), Counter.TOTAL, new Count(1, 0)));
    assertThat(counters.counts(keys(DAY_TWO))).containsEntry(Counter.DAY, Count.NONE)
        .containsEntry(Counter.MONTH, new Count(1, 0));
  }

  /** A refusal on one counter gives back what the message took on the others. */
  public static void aRefusalGivesBackTheUnitsTakenOnOtherCounters(UsageCounters counters) {
    counters.reserve("m1", keys(DAY_ONE), Map.of(Counter.MONTH, 1L));
    Reservation refused = counters.reserve("m2", keys(DAY_ONE), Map.of(Counter.DAY, 10L, Counter.MONTH, 1L));
    assertThat(refused.granted()).isFalse();
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, Count.NONE)
        .containsEntry(Counter.MONTH, new Count(1, 1));
  }

  /**
   * Plan changes mid-period: a limit counts only the messages sent while it applied. What a paid account sent uses
   * none of the room of the trial it changes to; a trial verified the day it used its 10 has the verified trial's
   * 10 that day; what a verified trial reserved stays counted once it is paid, and limits it again if it returns.
   */
  public static void aLimitCountsOnlyWhatWasSentWhileItApplied(UsageCounters counters) {
    for (int i = 0; i < 7; i++) sendUnder(counters, "paid-" + i, Plan.PAID);
    assertThat(sendAll(counters, "verified-", 12, Plan.TRIAL_VERIFIED)).isEqualTo(10);
    assertThat(counters.counts(keys(DAY_ONE))).isEqualTo(Map.of(Counter.DAY, new Count(17, 10),
        Counter.MONTH, new Count(17, 10), Counter.TOTAL, new Count(17, 0)));

    assertThat(sendAll(counters, "paid-again-", 4, Plan.PAID)).isEqualTo(4);
    assertThat(sendAll(counters, "verified-again-", 1, Plan.TRIAL_VERIFIED)).isZero();
    assertThat(counters.counts(keys(DAY_ONE)).get(Counter.DAY)).isEqualTo(new Count(21, 10));

    assertThat(sendAll(counters, "trial-", 12, Plan.TRIAL)).isEqualTo(10);
    assertThat(sendAll(counters, "verified-next-day-", 12, Plan.TRIAL_VERIFIED, DAY_TWO)).isEqualTo(10);
    assertThat(counters.counts(keys(DAY_TWO))).isEqualTo(Map.of(Counter.DAY, new Count(10, 10),
        Counter.MONTH, new Count(41, 20), Counter.TOTAL, new Count(41, 10)));
    assertThat(sendAll(counters, "trial-again-", 1, Plan.TRIAL, DAY_TWO)).isZero();

    counters.giveBack("verified-0");
    assertThat(counters.counts(keys(DAY_ONE)).get(Counter.DAY)).isEqualTo(new Count(30, 9));
  }

  /**
   * A batch's sends counted at once count as each one alone would: on the counters no limit holds, once each,
   * beside the units the limited ones hold.
   */
  public static void aBatchOfSendsCountsAsEachOneAlone(UsageCounters counters) {
    List<Reservation> batch = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) batch.add(counters.reserve("paid-" + i, keys(DAY_ONE), Plan.PAID.limits()));
    for (int i = 0; i < 3; i++) {
      batch.add(counters.reserve("verified-" + i, keys(DAY_ONE), Plan.TRIAL_VERIFIED.limits()));
    }
    counters.sent(batch);
    assertThat(counters.counts(keys(DAY_ONE))).isEqualTo(Map.of(Counter.DAY, new Count(10, 3),
        Counter.MONTH, new Count(10, 3), Counter.TOTAL, new Count(10, 0)));
    counters.sent(List.of());
    assertThat(counters.counts(keys(DAY_ONE)).get(Counter.TOTAL)).isEqualTo(new Count(10, 0));
  }

  private static int sendAll(UsageCounters counters, String prefix, int messages, Plan plan) {
    return sendAll(counters, prefix, messages, plan, DAY_ONE);
  }

  private static int sendAll(UsageCounters counters, String prefix, int messages, Plan plan, Instant at) {
    int sent = 0;
    for (int i = 0; i < messages; i++) {
      Reservation r = counters.reserve(prefix + i, keys(at), plan.limits());
      if (r.granted()) {
        counters.sent(r);
        sent++;
      }
    }
    return sent;
  }

  private static void sendUnder(UsageCounters counters, String messageId, Plan plan) {
    Reservation r = counters.reserve(messageId, keys(DAY_ONE), plan.limits());
    assertThat(r.granted()).isTrue();
    counters.sent(r);
  }

  /** A window hands out its capacity, then answers each refused attempt's place in the line. */
  public static void aWindowHandsOutItsCapacityThenPlacesInLine(RateWindows windows) {
    assertThat(windows.take("email", 100, 2)).isZero();
    assertThat(windows.take("email", 100, 2)).isZero();
    assertThat(windows.take("email", 100, 2)).isEqualTo(1);
    assertThat(windows.take("email", 100, 2)).isEqualTo(2);
    assertThat(windows.take("email", 101, 2)).isZero();
    assertThat(windows.take("sms", 100, 2)).isZero();
    assertThat(windows.take("email", 100, 3)).isZero();
    assertThat(windows.take("email", 100, 3)).isEqualTo(3);
  }

  /**
   * Several tokens at once: all wanted when the window has room, else what it has left, else none and a place in
   * the line; tokens handed back are taken again, and never more than the capacity in all.
   */
  public static void aWindowHandsOutSeveralTokensAtOnceAndTakesBackTheUnused(RateWindows windows) {
    assertThat(windows.take("email", 200, 5, 3)).isEqualTo(new RateWindows.Taken(3, 0));
    assertThat(windows.take("email", 200, 5, 3)).isEqualTo(new RateWindows.Taken(2, 0));
    assertThat(windows.take("email", 200, 5, 3)).isEqualTo(new RateWindows.Taken(0, 1));
    assertThat(windows.take("email", 200, 5)).isEqualTo(2);
    windows.handBack("email", 200, 2);
    assertThat(windows.take("email", 200, 5, 9)).isEqualTo(new RateWindows.Taken(2, 0));
    assertThat(windows.take("email", 200, 5)).isEqualTo(3);
    assertThat(windows.take("email", 201, 5, 9)).isEqualTo(new RateWindows.Taken(5, 0));
    windows.handBack("sms", 200, 1);
    assertThat(windows.take("sms", 200, 1, 1)).isEqualTo(new RateWindows.Taken(1, 0));
  }
}
