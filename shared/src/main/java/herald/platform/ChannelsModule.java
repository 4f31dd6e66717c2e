package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.braze.BrazeKind;
import herald.domain.channels.email.EmailKind;
import herald.domain.channels.intercom.IntercomKind;
import herald.domain.channels.klaviyo.KlaviyoKind;
import herald.domain.channels.mailchimp.MailchimpKind;
import herald.domain.channels.sms.SmsKind;
import herald.domain.channels.webhook.WebhookKind;

/**
 * The registry of channels: each kind bound under its type, the key that names the channel everywhere (a
 * distribution's {@code channels[].type}, a send job, a message, the counters). Adding a channel is one package
 * with its kind, and one line here. What the kinds call (their providers) is bound by {@link ProvidersModule}.
 */
@Module
public abstract class ChannelsModule {
  private ChannelsModule() {}

  @Binds @IntoMap @StringKey(EmailKind.TYPE) abstract ChannelKind email(EmailKind kind);

  @Binds @IntoMap @StringKey(SmsKind.TYPE) abstract ChannelKind sms(SmsKind kind);

  @Binds @IntoMap @StringKey(WebhookKind.TYPE) abstract ChannelKind webhook(WebhookKind kind);

  @Binds @IntoMap @StringKey(BrazeKind.TYPE) abstract ChannelKind braze(BrazeKind kind);

  @Binds @IntoMap @StringKey(MailchimpKind.TYPE) abstract ChannelKind mailchimp(MailchimpKind kind);

  @Binds @IntoMap @StringKey(KlaviyoKind.TYPE) abstract ChannelKind klaviyo(KlaviyoKind kind);

  @Binds @IntoMap @StringKey(IntercomKind.TYPE) abstract ChannelKind intercom(IntercomKind kind);
}
