package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.domain.trigger.ActiveDistributions;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The trigger's configuration: how long its active distributions per trigger type are used again
 * (ACTIVE_DISTRIBUTIONS_CACHE_SECONDS, the template's ActiveDistributionsCacheSeconds; unset, 0: read every time).
 */
@Module
public final class TriggerModule {
  private TriggerModule() {}

  @Provides @Singleton static ActiveDistributions.CacheTime cacheTime(Env env) {
    String seconds = env.optional("ACTIVE_DISTRIBUTIONS_CACHE_SECONDS").orElse("0").trim();
    return new ActiveDistributions.CacheTime(Duration.ofSeconds(Long.parseLong(seconds)));
  }
}
