package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.Multibinds;
import dagger.multibindings.StringKey;
import herald.adapters.aws.SecretsManagerStore;
import herald.adapters.dynamodb.DynamoDbIntegrations;
import herald.adapters.http.HostResolver;
import herald.adapters.http.SsrfGuard;
import herald.adapters.http.ToolHttp;
import herald.adapters.tools.IntercomHttpApi;
import herald.adapters.tools.KlaviyoHttpApi;
import herald.adapters.tools.BrazeHttpApi;
import herald.adapters.tools.MailchimpHttpApi;
import herald.domain.channels.braze.BrazeCredentials;
import herald.domain.channels.braze.BrazeKind;
import herald.domain.channels.intercom.IntercomCredentials;
import herald.domain.channels.intercom.IntercomKind;
import herald.domain.channels.klaviyo.KlaviyoCredentials;
import herald.domain.channels.klaviyo.KlaviyoKind;
import herald.domain.channels.mailchimp.MailchimpCredentials;
import herald.domain.channels.mailchimp.MailchimpKind;
import herald.domain.channels.webhook.WebhookAllowlist;
import herald.domain.common.SecretStore;
import herald.domain.distributions.IntegrationUsage;
import herald.domain.integrations.IntegrationCheck;
import herald.domain.integrations.IntegrationUsers;
import herald.domain.integrations.Integrations;
import herald.domain.integrations.ToolCredentials;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Integrations with marketing tools: their table (INTEGRATIONS_TABLE), the secret store (Secrets Manager under
 * HERALD_SECRETS_PREFIX, herald/&lt;stack&gt;/), each tool's credentials by tool name, and each tool's credential
 * check ({@link IntegrationCheck}: each tool's adapter adds its own line here). Everything is built on first
 * use, so a function that never touches an integration needs neither the table nor Secrets Manager.
 */
@Module
public abstract class IntegrationsModule {
  private IntegrationsModule() {}

  @Provides @Singleton static Integrations integrations(DynamoDbClient dynamo, Env env) {
    return new DynamoDbIntegrations(dynamo, env.get("INTEGRATIONS_TABLE"));
  }

  @Provides @Singleton static SecretStore secrets(SecretsManagerClient client, Env env, Clock clock) {
    return new SecretsManagerStore(client, env.get("HERALD_SECRETS_PREFIX"), clock);
  }

  /** The send-time SSRF check an adapter runs on its base URL before each call (the address to connect to). */
  @Provides @Singleton static SsrfGuard ssrfGuard(WebhookAllowlist allowlist) {
    return new SsrfGuard(HostResolver.system(), allowlist.hosts());
  }

  /** How the tools' adapters call their APIs: each URL through the SSRF guard, 10 s timeouts. */
  @Provides @Singleton static ToolHttp toolHttp(SsrfGuard guard) {
    return new ToolHttp(guard, ToolHttp.TIMEOUT);
  }

  @Binds abstract IntegrationUsers users(IntegrationUsage usage);

  @Binds @IntoMap @StringKey(BrazeKind.TYPE) abstract ToolCredentials braze(BrazeCredentials tool);

  @Binds @IntoMap @StringKey(MailchimpKind.TYPE) abstract ToolCredentials mailchimp(MailchimpCredentials tool);

  @Binds @IntoMap @StringKey(KlaviyoKind.TYPE) abstract ToolCredentials klaviyo(KlaviyoCredentials tool);

  @Binds @IntoMap @StringKey(IntercomKind.TYPE) abstract ToolCredentials intercom(IntercomCredentials tool);

  @Binds @IntoMap @StringKey(IntercomKind.TYPE) abstract IntegrationCheck intercomCheck(IntercomHttpApi api);

  /** Each tool's credential check, by tool name; a tool's adapter binds its own ({@code @Binds @IntoMap}). */
  @Multibinds abstract Map<String, IntegrationCheck> checks();

  @Binds @IntoMap @StringKey(KlaviyoKind.TYPE) abstract IntegrationCheck klaviyoCheck(KlaviyoHttpApi api);
  @Binds @IntoMap @StringKey(BrazeKind.TYPE) abstract IntegrationCheck brazeCheck(BrazeHttpApi api);
  @Binds @IntoMap @StringKey(MailchimpKind.TYPE) abstract IntegrationCheck mailchimpCheck(MailchimpHttpApi api);
}
