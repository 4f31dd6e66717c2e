package herald.domain.fakes;

import herald.domain.channels.braze.BrazeCredentials;
import herald.domain.channels.intercom.IntercomCredentials;
import herald.domain.channels.klaviyo.KlaviyoCredentials;
import herald.domain.channels.mailchimp.MailchimpCredentials;
import herald.domain.common.SecretStore;
import herald.domain.integrations.Integration;
import herald.domain.integrations.ToolCredentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in memory. */
public final class InMemorySecretStore implements SecretStore {
  private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

  /** With each tool's example credentials for its example integration ({@link InMemoryIntegrations#examples()}). */
  public static InMemorySecretStore examples() {
    InMemorySecretStore store = new InMemorySecretStore();
    for (ToolCredentials tool : List.of(new BrazeCredentials(), new MailchimpCredentials(), new KlaviyoCredentials(),
        new IntercomCredentials())) {
      store.put(Integration.secretName("int_example_" + tool.tool()), tool.example());
    }
    return store;
  }

  @Override
  public void put(String name, Map<String, String> values) {
    secrets.put(name, Map.copyOf(values));
  }

  @Override
  public Optional<Map<String, String>> get(String name) {
    return Optional.ofNullable(secrets.get(name));
  }

  @Override
  public void delete(String name) {
    secrets.remove(name);
  }

  public Map<String, Map<String, String>> all() {
    return Map.copyOf(secrets);
  }
}
