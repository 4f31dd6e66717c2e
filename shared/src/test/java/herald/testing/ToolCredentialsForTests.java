package herald.testing;

import dagger.Binds;
import dagger.Module;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import herald.domain.channels.braze.BrazeCredentials;
import herald.domain.channels.braze.BrazeKind;
import herald.domain.channels.intercom.IntercomCredentials;
import herald.domain.channels.intercom.IntercomKind;
import herald.domain.channels.klaviyo.KlaviyoCredentials;
import herald.domain.channels.klaviyo.KlaviyoKind;
import herald.domain.channels.mailchimp.MailchimpCredentials;
import herald.domain.channels.mailchimp.MailchimpKind;
import herald.domain.integrations.ToolCredentials;

/**
 * Each tool's credentials by tool name, as {@code IntegrationsModule} binds them (that module also builds AWS
 * clients, so the test component takes only these): what a tool's kind loads its integration with at send.
 */
@Module
abstract class ToolCredentialsForTests {
  private ToolCredentialsForTests() {}

  @Binds @IntoMap @StringKey(BrazeKind.TYPE) abstract ToolCredentials braze(BrazeCredentials tool);

  @Binds @IntoMap @StringKey(MailchimpKind.TYPE) abstract ToolCredentials mailchimp(MailchimpCredentials tool);

  @Binds @IntoMap @StringKey(KlaviyoKind.TYPE) abstract ToolCredentials klaviyo(KlaviyoCredentials tool);

  @Binds @IntoMap @StringKey(IntercomKind.TYPE) abstract ToolCredentials intercom(IntercomCredentials tool);
}
