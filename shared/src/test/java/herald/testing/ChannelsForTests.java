package herald.testing;

import dagger.BindsInstance;
import dagger.Component;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.braze.BrazeApi;
import herald.domain.common.SecretStore;
import herald.domain.integrations.Integrations;
import herald.domain.channels.intercom.IntercomApi;
import herald.domain.channels.JsonWriter;
import herald.domain.channels.email.EmailSender;
import herald.domain.channels.klaviyo.KlaviyoApi;
import herald.domain.channels.mailchimp.MailchimpApi;
import herald.domain.channels.sms.SmsSender;
import herald.domain.channels.webhook.WebhookAllowlist;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.suppressions.Suppressions;
import herald.platform.ChannelsModule;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/**
 * The production registry of channels ({@link ChannelsModule}, exactly as the functions include it), with what
 * the kinds call given by the test: its providers, suppressions, clock, webhook allowlist, integrations and secrets
 * (and the tools' credentials, {@link ToolCredentialsForTests}). A channel whose kind
 * calls a new port needs that port here too, as it does in ProvidersModule.
 */
@Singleton
@Component(modules = {ChannelsModule.class, ToolCredentialsForTests.class})
interface ChannelsForTests {
  ChannelKinds kinds();

  Map<String, ChannelKind> map();

  @Component.Factory
  interface Factory {
    ChannelsForTests create(@BindsInstance EmailSender email, @BindsInstance SmsSender sms,
        @BindsInstance WebhookSender webhooks, @BindsInstance Suppressions suppressions, @BindsInstance Clock clock,
        @BindsInstance WebhookAllowlist allowlist, @BindsInstance JsonWriter json,
        @BindsInstance Integrations integrations, @BindsInstance SecretStore secrets,
        @BindsInstance IntercomApi intercom, @BindsInstance KlaviyoApi klaviyo, @BindsInstance BrazeApi braze,
        @BindsInstance MailchimpApi mailchimp);
  }
}
