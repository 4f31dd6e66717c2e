package herald.domain.limits;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.fakes.InMemoryAccountSettings;
import herald.domain.fakes.InMemoryUsageCounters;
import herald.domain.fakes.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the usage answers and what a dry run forecasts when the plan changes in the middle of a day. */
class PlanChangeTest {
  private final TestClock clock = new TestClock();
  private final InMemoryAccountSettings settings = new InMemoryAccountSettings(Plan.TRIAL);
  private final Quota quota = new Quota(settings, new InMemoryUsageCounters(), clock);

  private int send(int messages, String run) {
    int sent = 0;
    for (int i = 0; i < messages; i++) {
      Reservation r = quota.reserve(run + i, settings.account());
      if (r.granted()) {
        quota.sent(r);
        sent++;
      }
    }
    return sent;
  }

  @Test
  void aTrialVerifiedOnTheDayItUsedItsTenHasTheVerifiedTrialsTenThatDay() {
    assertThat(send(12, "trial-")).isEqualTo(10);
    assertThat(quota.forecast(3)).isEqualTo(new Forecast(0, 3));

    settings.save(settings.account().withPlan(Plan.TRIAL_VERIFIED));

    Usage usage = quota.usage();
    assertThat(usage.tallies().get(Counter.DAY)).isEqualTo(new Usage.Tally(10, 10L, 10L));
    assertThat(usage.tallies().get(Counter.MONTH)).isEqualTo(new Usage.Tally(10, 100L, 100L));
    assertThat(usage.tallies().get(Counter.TOTAL)).isEqualTo(new Usage.Tally(10, null, null));
    assertThat(quota.forecast(12)).isEqualTo(new Forecast(10, 2));
    assertThat(send(12, "verified-")).isEqualTo(10);
    assertThat(quota.usage().tallies().get(Counter.DAY)).isEqualTo(new Usage.Tally(20, 10L, 0L));
  }

  @Test
  void aVerifiedTrialThatPaysHasNoLimitAndOneThatReturnsHasWhatItLeftThatDay() {
    settings.save(Account.of(Plan.TRIAL_VERIFIED));
    assertThat(send(4, "verified-")).isEqualTo(4);

    settings.save(Account.of(Plan.PAID));
    assertThat(send(30, "paid-")).isEqualTo(30);
    assertThat(quota.usage().tallies().get(Counter.DAY)).isEqualTo(new Usage.Tally(34, null, null));

    settings.save(Account.of(Plan.TRIAL_VERIFIED));
    assertThat(quota.usage().tallies().get(Counter.DAY)).isEqualTo(new Usage.Tally(34, 10L, 6L));
    assertThat(send(10, "verified-again-")).isEqualTo(6);

    clock.advance(Duration.ofDays(1));
    assertThat(quota.usage().tallies().get(Counter.MONTH)).isEqualTo(new Usage.Tally(40, 100L, 90L));
    assertThat(quota.forecast(25)).isEqualTo(new Forecast(10, 15));
  }
}
