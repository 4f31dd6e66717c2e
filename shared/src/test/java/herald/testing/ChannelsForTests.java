package herald.testing;

import dagger.Binds;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.braze.BrazeApi;
import herald.domain.channels.braze.BrazeCredentials;
import herald.domain.channels.braze.BrazeKind;
import herald.domain.channels.intercom.IntercomCredentials;
import herald.domain.channels.intercom.IntercomKind;
import herald.domain.channels.klaviyo.KlaviyoCredentials;
import herald.domain.channels.klaviyo.KlaviyoKind;
import herald.domain.channels.mailchimp.MailchimpCredentials;
import herald.domain.channels.mailchimp.MailchimpKind;
import herald.domain.integrations.ToolCredentials;
import herald.domain.common.SecretStore;
import herald.domain.integrations.Integrations;
import herald.domain.channels.JsonWriter;
import herald.domain.channels.email.EmailSender;
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
 * the kinds call given by the test: its providers, suppressions, clock and webhook allowlist, the integrations and
 * secrets, and each tool's credentials as production binds them. A channel whose kind
 * calls a new port needs that port here too, as it does in ProvidersModule.
 */
@Singleton
@Component(modules = {ChannelsModule.class, ChannelsForTests.Tools.class})
interface ChannelsForTests {
  ChannelKinds kinds();

  Map<String, ChannelKind> map();

  @Component.Factory
  interface Factory {
    ChannelsForTests create(@BindsInstance EmailSender email, @BindsInstance SmsSender sms,
        @BindsInstance WebhookSender webhooks, @BindsInstance Suppressions suppressions, @BindsInstance Clock clock,
        @BindsInstance WebhookAllowlist allowlist, @BindsInstance JsonWriter json,
        @BindsInstance Integrations integrations, @BindsInstance SecretStore secrets, @BindsInstance BrazeApi braze);
  }

  /** Each tool's credentials, as IntegrationsModule binds them (the tools' kinds load their integrations). */
  @Module
  abstract class Tools {
    @Binds @IntoMap @StringKey(BrazeKind.TYPE) abstract ToolCredentials braze(BrazeCredentials tool);

    @Binds @IntoMap @StringKey(MailchimpKind.TYPE) abstract ToolCredentials mailchimp(MailchimpCredentials tool);

    @Binds @IntoMap @StringKey(KlaviyoKind.TYPE) abstract ToolCredentials klaviyo(KlaviyoCredentials tool);

    @Binds @IntoMap @StringKey(IntercomKind.TYPE) abstract ToolCredentials intercom(IntercomCredentials tool);
  }
}
