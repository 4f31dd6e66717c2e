package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.dynamodb.DynamoDbAccountSettings;
import herald.adapters.dynamodb.DynamoDbConnectionSlots;
import herald.adapters.dynamodb.DynamoDbRateWindows;
import herald.adapters.dynamodb.DynamoDbUsageCounters;
import herald.domain.limits.AccountSettings;
import herald.domain.limits.ConnectionSlots;
import herald.domain.limits.Pause;
import herald.domain.limits.Plan;
import herald.domain.limits.RateWindows;
import herald.domain.limits.UsageCounters;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The account's settings, its usage counters, the send-rate windows and the connection slots, with their tables from
 * the environment.
 */
@Module
public final class LimitsModule {
  /** The longest a sender waits for a token of the next second. */
  static final Duration LONGEST_PAUSE = Duration.ofMillis(1100);

  private LimitsModule() {}

  /**
   * HERALD_DEFAULT_PLAN: the plan of an account that never set one ({@code trial}, as the template says; the local
   * runtime and the tests start {@code paid}).
   */
  @Provides @Singleton static AccountSettings account(DynamoDbClient dynamo, Env env) {
    Plan plan = Plan.parse(env.optional("HERALD_DEFAULT_PLAN").orElse("trial"), "HERALD_DEFAULT_PLAN");
    return new DynamoDbAccountSettings(dynamo, env.get("SETTINGS_TABLE"), plan);
  }

  @Provides @Singleton static UsageCounters usage(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbUsageCounters(dynamo, env.get("USAGE_TABLE"), clock);
  }

  @Provides @Singleton static RateWindows rateWindows(DynamoDbClient dynamo, Env env) {
    return new DynamoDbRateWindows(dynamo, env.get("USAGE_TABLE"));
  }

  /** Caps on simultaneous connections to a provider (Mailchimp's 10 per account), in the usage table. */
  @Provides @Singleton static ConnectionSlots connectionSlots(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbConnectionSlots(dynamo, env.get("USAGE_TABLE"), clock);
  }

  /** Sleeps until the instant, never longer than {@link #LONGEST_PAUSE}. */
  @Provides static Pause pause(Clock clock) {
    return until -> {
      long millis = Math.min(LONGEST_PAUSE.toMillis(), until.toEpochMilli() - clock.millis());
      if (millis <= 0) return;
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
