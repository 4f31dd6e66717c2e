package herald.platform;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The sender's backoff of retries (its providers are the channels', in {@link ProvidersModule}). */
@Module(includes = StoresModule.class)
public final class DeliveryModule {
  private DeliveryModule() {}

  /** HERALD_RETRY_BASE_SECONDS: the first backoff of a failed send, doubling with each try
   * (the template sets 42 s, the local runtime 1 s; 30 s when unset). */
  @Provides @Singleton static SqsRetries retries(SqsClient sqs, Env env) {
    long base = Long.parseLong(env.optional("HERALD_RETRY_BASE_SECONDS").orElse("30"));
    return new SqsRetries(sqs, env.get("SEND_QUEUE_URL"), Duration.ofSeconds(base));
  }
}
