package herald.domain.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.limits.Account;
import herald.domain.limits.AccountSettings;
import herald.domain.limits.Counter;
import herald.domain.limits.Plan;
import herald.domain.limits.RateWindows;
import herald.domain.limits.Reservation;
import herald.domain.limits.UsageCounters;
import java.time.Instant;
import java.util.EnumMap;
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
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, 2L).containsEntry(Counter.TOTAL, 0L);

    counters.giveBack("m2");
    counters.giveBack("m2");
    counters.giveBack("never-reserved");
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, 1L);
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
    assertThat(counters.counts(keys(DAY_ONE)))
        .isEqualTo(Map.of(Counter.DAY, 1L, Counter.MONTH, 1L, Counter.TOTAL, 1L));
    assertThat(counters.counts(keys(DAY_TWO))).containsEntry(Counter.DAY, 0L).containsEntry(Counter.MONTH, 1L);
  }

  /** A refusal on one counter gives back what the message took on the others. */
  public static void aRefusalGivesBackTheUnitsTakenOnOtherCounters(UsageCounters counters) {
    counters.reserve("m1", keys(DAY_ONE), Map.of(Counter.MONTH, 1L));
    Reservation refused = counters.reserve("m2", keys(DAY_ONE), Map.of(Counter.DAY, 10L, Counter.MONTH, 1L));
    assertThat(refused.granted()).isFalse();
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, 0L).containsEntry(Counter.MONTH, 1L);
  }

  /**
   * Plan changes mid-period: what a paid account sent counts against the limits of the trial plan it changes to,
   * and what a trial reserved stays counted once it is paid.
   */
  public static void everyMessageOfThePeriodCountsWhicheverPlanItWentOutUnder(UsageCounters counters) {
    for (int i = 0; i < 7; i++) {
      counters.sent(counters.reserve("paid-" + i, keys(DAY_ONE), Plan.PAID.limits()));
    }
    int granted = 0;
    for (int i = 0; i < 5; i++) {
      Reservation r = counters.reserve("verified-" + i, keys(DAY_ONE), Plan.TRIAL_VERIFIED.limits());
      if (r.granted()) {
        counters.sent(r);
        granted++;
      }
    }
    assertThat(granted).isEqualTo(3);
    assertThat(counters.counts(keys(DAY_ONE)))
        .isEqualTo(Map.of(Counter.DAY, 10L, Counter.MONTH, 10L, Counter.TOTAL, 10L));

    for (int i = 0; i < 4; i++) {
      Reservation r = counters.reserve("paid-again-" + i, keys(DAY_ONE), Plan.PAID.limits());
      assertThat(r.granted()).isTrue();
      assertThat(r.reserved()).isEmpty();
      counters.sent(r);
    }
    assertThat(counters.counts(keys(DAY_ONE)))
        .isEqualTo(Map.of(Counter.DAY, 14L, Counter.MONTH, 14L, Counter.TOTAL, 14L));
    assertThat(counters.reserve("trial", keys(DAY_ONE), Plan.TRIAL.limits()).granted()).isFalse();
    assertThat(counters.reserve("next-day", keys(DAY_TWO), Plan.TRIAL_VERIFIED.limits()).granted()).isTrue();
    counters.giveBack("verified-0");
    assertThat(counters.counts(keys(DAY_ONE))).containsEntry(Counter.DAY, 13L).containsEntry(Counter.TOTAL, 14L);
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
}
