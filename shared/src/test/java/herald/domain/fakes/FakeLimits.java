package herald.domain.fakes;

import herald.domain.channels.ChannelKinds;
import herald.domain.limits.Limits;
import herald.domain.limits.Plan;
import herald.domain.limits.Quota;
import herald.domain.limits.SendRate;
import java.time.Clock;

/** The sender's limits on in-memory ports. */
public final class FakeLimits {
  public final InMemoryAccountSettings account;
  public final InMemoryUsageCounters usage = new InMemoryUsageCounters();
  public final InMemoryRateWindows windows = new InMemoryRateWindows();
  public final Limits limits;
  public final Quota quota;

  public FakeLimits(Plan plan, ChannelKinds kinds, Clock clock) {
    account = new InMemoryAccountSettings(plan);
    quota = new Quota(account, usage, clock);
    limits = new Limits(account, quota, new SendRate(kinds, windows, until -> {}, clock));
  }

  /** A paid account without send rates: nothing limited. */
  public static Limits unlimited(ChannelKinds kinds, Clock clock) {
    return new FakeLimits(Plan.PAID, kinds, clock).limits;
  }
}
