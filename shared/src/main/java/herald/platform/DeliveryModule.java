package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SnsSmsSender;
import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Customers;
import herald.domain.delivery.Channels;
import herald.domain.channels.email.EmailSender;
import herald.domain.delivery.Messages;
import herald.domain.delivery.PrepareMessage;
import herald.domain.delivery.Recipients;
import herald.domain.delivery.RenderMessage;
import herald.domain.delivery.SendToRecipient;
import herald.domain.channels.sms.SmsSender;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.distributions.Distributions;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.delivery.StatusCounters;
import herald.domain.suppressions.Suppressions;
import herald.domain.templates.Templates;
import java.time.Clock;
import java.time.Duration;
import javax.inject.Singleton;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The sender's parts: the providers of each channel, the checks before sending, rendering and retries. */
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

  /** HERALD_RETRY_BASE_SECONDS: the first backoff of a failed send (30 s), doubling with each try. */
  @Provides @Singleton static SqsRetries retries(SqsClient sqs, Env env) {
    long base = Long.parseLong(env.optional("HERALD_RETRY_BASE_SECONDS").orElse("30"));
    return new SqsRetries(sqs, env.get("SEND_QUEUE_URL"), Duration.ofSeconds(base));
  }

  @Provides @Singleton static SendToRecipient send(Messages messages, Distributions distributions,
      Customers customers, BrandSettings brand, Suppressions suppressions, UnsubscribeLinks links,
      EmailSender email, SmsSender sms, WebhookSender webhooks, Templates templates, StatusCounters stats, Clock clock) {
    Channels channels = new Channels(email, sms, webhooks);
    PrepareMessage prepare = new PrepareMessage(distributions, customers, brand, new Recipients(suppressions, links),
        channels, new RenderMessage(templates, Json::write, clock));
    return new SendToRecipient(messages, prepare, channels, stats, clock);
  }
}
