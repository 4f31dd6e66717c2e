package herald.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.fakes.InMemoryAccountSettings;
import herald.domain.fakes.InMemoryUsageCounters;
import herald.domain.fakes.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message's first attempt under a plan that limits nothing needs no reservation record; any other does. */
class QuotaTest {
  private final TestClock clock = new TestClock();
  private final InMemoryUsageCounters usage = new InMemoryUsageCounters();
  private final List<String> reserved = new ArrayList<>();
  private final UsageCounters watched = new UsageCounters() {
    @Override public Reservation reserve(String messageId, Map<Counter, String> keys, Map<Counter, Long> limits) {
      reserved.add(messageId);
      return usage.reserve(messageId, keys, limits);
    }

    @Override public void sent(Reservation reservation) {
      usage.sent(reservation);
    }

    @Override public void giveBack(String messageId) {
      usage.giveBack(messageId);
    }

    @Override public Map<Counter, Count> counts(Map<Counter, String> keys) {
      return usage.counts(keys);
    }
  };

  private Quota quota(Plan plan) {
    return new Quota(new InMemoryAccountSettings(plan), watched, clock);
  }

  @Test
  void aFirstAttemptUnderAPlanWithoutLimitsIsGrantedWithoutAReservationAndCountedWhenSent() {
    Quota quota = quota(Plan.PAID);
    Reservation r = quota.reserve("m1", Account.of(Plan.PAID), true);

    assertThat(r.granted()).isTrue();
    assertThat(r.reserved()).isEmpty();
    assertThat(reserved).isEmpty();
    quota.sent(r);
    assertThat(quota.usage().tallies().get(Counter.TOTAL).sent()).isEqualTo(1);
    assertThat(quota.usage().tallies().get(Counter.DAY).sent()).isEqualTo(1);
  }

  @Test
  void aLaterAttemptOrALimitedPlanReservesAsBefore() {
    quota(Plan.PAID).reserve("m1", Account.of(Plan.PAID), false);
    Reservation trial = quota(Plan.TRIAL).reserve("m2", Account.of(Plan.TRIAL), true);

    assertThat(reserved).containsExactly("m1", "m2");
    assertThat(trial.reserved()).isNotEmpty();
  }
}
