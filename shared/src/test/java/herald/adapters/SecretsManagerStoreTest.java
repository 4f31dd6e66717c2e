package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SecretsManagerStore;
import herald.adapters.dynamodb.DynamoDbIntegrations;
import herald.domain.fakes.TestClock;
import herald.domain.integrations.Integration;
import herald.platform.AwsModule;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The Secrets Manager adapter (through the real SDK client, on the in-memory endpoint) and the integrations table. */
class SecretsManagerStoreTest {
  private final Env env = StandIns.get().freshEnv();
  private final TestClock clock = new TestClock();
  private final SecretsManagerClient client =
      AwsModule.configure(SecretsManagerClient.builder(), env, "SECRETS_MANAGER").build();
  private final String prefix = env.get("HERALD_SECRETS_PREFIX");
  private final SecretsManagerStore store = new SecretsManagerStore(client, prefix, clock);

  @Test
  void keepsEachSecretAsAJsonObjectUnderTheStacksPrefix() {
    store.put("integrations/int_1", Map.of("api_key", "k-1", "rest_endpoint", "https://rest.iad-01.braze.com"));

    assertThat(StandIns.get().secretsManager.value(prefix + "integrations/int_1")).contains("\"api_key\":\"k-1\"");
    assertThat(new SecretsManagerStore(client, prefix, clock).get("integrations/int_1"))
        .contains(Map.of("api_key", "k-1", "rest_endpoint", "https://rest.iad-01.braze.com"));
    store.put("integrations/int_1", Map.of("api_key", "k-2"));
    assertThat(new SecretsManagerStore(client, prefix, clock).get("integrations/int_1")).contains(Map.of("api_key", "k-2"));
    store.delete("integrations/int_1");
    store.delete("integrations/int_1");
    assertThat(new SecretsManagerStore(client, prefix, clock).get("integrations/int_1")).isEmpty();
  }

  @Test
  void aReaderKeepsWhatItReadForAMinuteThenReadsAgain() {
    SecretsManagerStore writer = new SecretsManagerStore(client, prefix, clock);
    writer.put("webhooks/dist_1/0", Map.of("secret", "whsec_old"));
    assertThat(store.get("webhooks/dist_1/0")).contains(Map.of("secret", "whsec_old"));

    writer.put("webhooks/dist_1/0", Map.of("secret", "whsec_new"));
    clock.advance(SecretsManagerStore.TTL.minusSeconds(1));
    assertThat(store.get("webhooks/dist_1/0")).as("cached: no call per message").contains(Map.of("secret", "whsec_old"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.get("webhooks/dist_1/0")).contains(Map.of("secret", "whsec_new"));
  }

  @Test
  void theIntegrationsTableHoldsNoCredentialOnlyWhichAreSet() {
    DynamoDbIntegrations integrations = new DynamoDbIntegrations(StandIns.dynamo(env), env.get("INTEGRATIONS_TABLE"));
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    Integration first = new Integration("int_a", "klaviyo", "K", null, List.of("private_api_key"), 1, t0, t0);
    Integration second = new Integration("int_b", "braze", "B", "https://proxy.example.com", List.of("api_key",
        "rest_endpoint"), 1, t0.plusSeconds(1), t0.plusSeconds(1));
    integrations.create(first);
    integrations.create(second);

    assertThat(integrations.get("int_b")).contains(second);
    assertThat(integrations.list(null, 1).items()).containsExactly(first);
    assertThat(integrations.list(integrations.list(null, 1).next(), 1).items()).containsExactly(second);
    Integration renamed = new Integration("int_a", "klaviyo", "K2", null, List.of("private_api_key"), 2, t0, t0);
    assertThat(integrations.replace(renamed, 2)).isFalse();
    assertThat(integrations.replace(renamed, 1)).isTrue();
    assertThat(integrations.delete("int_a")).isTrue();
    assertThat(integrations.delete("int_a")).isFalse();
    assertThat(integrations.get("int_a")).isEmpty();
  }
}
