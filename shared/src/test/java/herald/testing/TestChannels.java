package herald.testing;

import herald.adapters.json.ChannelJson;
import herald.adapters.json.DistributionJson;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.braze.BrazeApi;
import herald.domain.common.SecretStore;
import herald.domain.fakes.InMemoryIntegrations;
import herald.domain.fakes.InMemorySecretStore;
import herald.domain.integrations.Integrations;
import herald.domain.channels.intercom.IntercomApi;
import herald.domain.channels.email.EmailSender;
import herald.domain.channels.klaviyo.KlaviyoApi;
import herald.domain.channels.mailchimp.MailchimpApi;
import herald.domain.channels.sms.SmsSender;
import herald.domain.channels.webhook.WebhookAllowlist;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.fakes.InMemorySuppressions;
import herald.domain.suppressions.Suppressions;
import herald.platform.ProvidersModule;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The real channel kinds for tests, built by {@link ChannelsForTests} from the production module. Providers a test
 * does not give refuse to send (a test that sends says where to), suppressions are empty, the clock is the
 * system's, the webhook allowlist is empty and the example integrations hold their tools' example credentials unless
 * given.
 */
public final class TestChannels {
  private EmailSender email = e -> {
    throw new IllegalStateException("this test gives no email provider");
  };
  private SmsSender sms = s -> {
    throw new IllegalStateException("this test gives no SMS provider");
  };
  private WebhookSender webhooks = w -> {
    throw new IllegalStateException("this test gives no webhook provider");
  };
  private IntercomApi intercom = i -> {
    throw new IllegalStateException("this test gives no Intercom provider");
  };
  private KlaviyoApi klaviyo = k -> {
    throw new IllegalStateException("this test gives no Klaviyo API");
  };
  private BrazeApi braze = b -> {
    throw new IllegalStateException("this test gives no Braze API");
  };
  private Suppressions suppressions = new InMemorySuppressions();
  private Clock clock = Clock.systemUTC();
  private WebhookAllowlist allowlist = new WebhookAllowlist(Set.of());
  private Integrations integrations = InMemoryIntegrations.examples();
  private SecretStore secrets = InMemorySecretStore.examples();
  private MailchimpApi mailchimp = m -> {
    throw new IllegalStateException("this test gives no Mailchimp API");
  };

  private TestChannels() {}

  public static TestChannels with() {
    return new TestChannels();
  }

  /** The kinds with the defaults: for tests that read, write, check and preview channels. */
  public static ChannelKinds kinds() {
    return with().build();
  }

  /** Distributions as JSON, with the real kinds. */
  public static DistributionJson distributionJson() {
    return new DistributionJson(new ChannelJson(kinds()));
  }

  public TestChannels email(EmailSender given) {
    email = given;
    return this;
  }

  public TestChannels sms(SmsSender given) {
    sms = given;
    return this;
  }

  public TestChannels webhooks(WebhookSender given) {
    webhooks = given;
    return this;
  }

  public TestChannels intercom(IntercomApi given) {
    intercom = given;
    return this;
  }

  public TestChannels klaviyo(KlaviyoApi given) {
    klaviyo = given;
    return this;
  }

  public TestChannels braze(BrazeApi given) {
    braze = given;
    return this;
  }

  public TestChannels suppressions(Suppressions given) {
    suppressions = given;
    return this;
  }

  public TestChannels clock(Clock given) {
    clock = given;
    return this;
  }

  /** Hosts ({@code host} or {@code host:port}) webhooks may reach though not public. */
  public TestChannels allowlist(String... hosts) {
    allowlist = new WebhookAllowlist(Set.of(hosts));
    return this;
  }

  /** The saved integrations the marketing tools' channels name (by default, one example per tool). */
  public TestChannels integrations(Integrations given) {
    integrations = given;
    return this;
  }

  /** Where webhook secrets and credentials are kept (by default, in memory, with the example integrations'). */
  public TestChannels secrets(SecretStore given) {
    secrets = given;
    return this;
  }

  public TestChannels mailchimp(MailchimpApi given) {
    mailchimp = given;
    return this;
  }

  public ChannelKinds build() {
    return component().kinds();
  }

  /** The map exactly as Dagger builds it for the registry. */
  public Map<String, ChannelKind> map() {
    return component().map();
  }

  private ChannelsForTests component() {
    return DaggerChannelsForTests.factory().create(email, sms, webhooks, suppressions, clock, allowlist, ProvidersModule.json(),
        integrations, secrets, intercom, klaviyo, braze, mailchimp);
  }
}
