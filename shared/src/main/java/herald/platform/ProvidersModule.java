package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SesEmailSender;
import herald.adapters.aws.SnsSmsSender;
import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.adapters.http.ToolHttp;
import herald.adapters.tools.BrazeHttpApi;
import herald.adapters.tools.IntercomHttpApi;
import herald.adapters.tools.MailchimpHttpApi;
import herald.domain.channels.JsonWriter;
import herald.domain.channels.braze.BrazeApi;
import herald.domain.channels.email.EmailSender;
import herald.domain.channels.intercom.IntercomApi;
import herald.adapters.tools.KlaviyoHttpApi;
import herald.domain.channels.klaviyo.KlaviyoApi;
import herald.domain.channels.mailchimp.MailchimpApi;
import herald.domain.channels.sms.SmsSender;
import herald.domain.channels.webhook.WebhookAllowlist;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.limits.ConnectionSlots;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What the channel kinds call: each provider's adapter (SES emails, SNS texts, HTTP webhooks, the marketing tools'
 * APIs), built only where something sends (the kinds take them lazily); how rendered bodies become JSON; and which
 * hosts webhooks may reach though not public.
 */
@Module
public final class ProvidersModule {
  private ProvidersModule() {}

  /** SES_CONFIGURATION_SET: where SES reports deliveries, bounces and complaints. */
  @Provides @Singleton static EmailSender email(SesV2Client ses, Env env) {
    return new SesEmailSender(ses, env.optional("SES_CONFIGURATION_SET").orElse(null));
  }

  @Provides @Singleton static SmsSender sms(SnsClient sns) {
    return new SnsSmsSender(sns);
  }

  @Provides @Singleton static WebhookSender webhooks(WebhookAllowlist allowlist, Clock clock) {
    return new HttpWebhookSender(HostResolver.system(), allowlist.hosts(), clock, HttpWebhookSender.TIMEOUT);
  }

  /** Intercom's API, also the Intercom credential check ({@link IntegrationsModule}). */
  @Provides @Singleton static IntercomHttpApi intercomHttp(ToolHttp http, Clock clock) {
    return new IntercomHttpApi(http, clock);
  }

  @Provides static IntercomApi intercom(IntercomHttpApi api) {
    return api;
  }

  /** Klaviyo's events API, at the integration's base URL (also its credential check, see IntegrationsModule). */
  @Provides @Singleton static KlaviyoHttpApi klaviyoHttp(ToolHttp http, Clock clock) {
    return new KlaviyoHttpApi(http, clock);
  }

  @Provides static KlaviyoApi klaviyo(KlaviyoHttpApi api) {
    return api;
  }

  /**
   * Mailchimp's Marketing API, capped at 10 simultaneous calls per integration across every sender (slots in the
   * usage table); a message waits up to 2 s for a slot before going back to its queue.
   */
  @Provides @Singleton static MailchimpHttpApi mailchimpHttp(ToolHttp http, ConnectionSlots slots, Clock clock) {
    return new MailchimpHttpApi(http, slots, clock, Duration.ofSeconds(2));
  }

  @Provides static MailchimpApi mailchimp(MailchimpHttpApi api) {
    return api;
  }

  /** Braze's REST API (through {@code ToolHttp}, bound with the integrations). */
  @Provides static BrazeApi braze(BrazeHttpApi api) {
    return api;
  }

  /** HERALD_WEBHOOK_ALLOWLIST: hosts (host or host:port, comma-separated) a webhook may reach though not public. */
  @Provides @Singleton static WebhookAllowlist webhookAllowlist(Env env) {
    return WebhookAllowlist.of(env.optional("HERALD_WEBHOOK_ALLOWLIST").orElse(""));
  }

  @Provides public static JsonWriter json() {
    return value -> {
      try {
        return Json.write(value);
      } catch (IllegalStateException | StackOverflowError e) {
        throw new IllegalArgumentException("the value cannot be written as JSON", e);
      }
    };
  }
}
