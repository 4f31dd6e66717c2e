package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SnsSmsSender;
import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.domain.channels.JsonWriter;
import herald.domain.channels.sms.SmsSender;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.channels.webhook.WebhookUrls;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The sender's providers (SNS texts, webhooks), how rendered bodies become JSON, and the backoff of retries. */
@Module(includes = StoresModule.class)
public final class DeliveryModule {
  private DeliveryModule() {}

  @Provides @Singleton static SmsSender sms(SnsClient sns) {
    return new SnsSmsSender(sns);
  }

  /** HERALD_WEBHOOK_ALLOWLIST: hosts webhooks may reach though not public (the local runtime's own machine). */
  @Provides @Singleton static WebhookSender webhooks(Env env, Clock clock) {
    return new HttpWebhookSender(HostResolver.system(),
        WebhookUrls.allowlist(env.optional("HERALD_WEBHOOK_ALLOWLIST").orElse("")), clock);
  }

  @Provides static JsonWriter json() {
    return Json::write;
  }

  /** HERALD_RETRY_BASE_SECONDS: the first backoff of a failed send (30 s), doubling with each try. */
  @Provides @Singleton static SqsRetries retries(SqsClient sqs, Env env) {
    long base = Long.parseLong(env.optional("HERALD_RETRY_BASE_SECONDS").orElse("30"));
    return new SqsRetries(sqs, env.get("SEND_QUEUE_URL"), Duration.ofSeconds(base));
  }
}
