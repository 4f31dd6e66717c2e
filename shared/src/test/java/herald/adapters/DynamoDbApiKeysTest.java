package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.dynamodb.DynamoDbApiKeys;
import herald.domain.keys.ApiKey;
import herald.domain.keys.Authentication;
import herald.domain.keys.IssuedKey;
import herald.domain.keys.ManageApiKeys;
import herald.domain.keys.NewKey;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbApiKeysTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private Env env;
  private DynamoDbApiKeys keys;

  @BeforeEach
  void freshTable() {
    env = StandIns.get().freshEnv();
    keys = new DynamoDbApiKeys(StandIns.dynamo(env), env.get("API_KEYS_TABLE"));
  }

  @Test
  void createsAKeyAndReadsItBackById() {
    ApiKey key = key("key_1", "ci", T0);
    keys.create(key);
    assertThat(keys.get("key_1")).contains(key);
    assertThat(keys.get("key_2")).isEmpty();
    assertThatThrownBy(() -> keys.create(key)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void findsAnIssuedKeyBySecretThroughTheUseCase() {
    ManageApiKeys manage = new ManageApiKeys(keys, java.time.Clock.systemUTC(), "root-key");
    IssuedKey issued = manage.create(new NewKey("deploy bot"));
    assertThat(manage.authenticate(issued.secret())).isInstanceOfSatisfying(Authentication.Granted.class,
        g -> assertThat(g.actor()).isEqualTo("deploy bot"));
    var item = StandIns.dynamo(env).getItem(r -> r.tableName(env.get("API_KEYS_TABLE"))
        .key(java.util.Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
            issued.key().id())))).item();
    assertThat(item.toString()).doesNotContain(issued.secret());
  }

  @Test
  void listsEveryKeyOldestFirst() {
    keys.create(key("key_b", "second", T0.plusSeconds(5)));
    keys.create(key("key_a", "first", T0));
    assertThat(keys.all()).extracting(ApiKey::name).containsExactly("first", "second");
  }

  @Test
  void revokesOnceAndKeepsTheKey() {
    keys.create(key("key_1", "ci", T0));
    assertThat(keys.revoke("key_1", T0.plusSeconds(60))).isTrue();
    assertThat(keys.revoke("key_1", T0.plusSeconds(120))).isTrue();
    assertThat(keys.get("key_1")).get().extracting(ApiKey::revokedAt).isEqualTo(T0.plusSeconds(60));
    assertThat(keys.revoke("key_missing", T0)).isFalse();
    assertThat(keys.get("key_missing")).isEmpty();
  }

  @Test
  void recordsLastUseOnlyWhenTheLastOneIsOldEnough() {
    keys.create(key("key_1", "ci", T0));
    Instant used = T0.plusSeconds(10);
    assertThat(keys.recordUse("key_1", used, used.minus(Duration.ofMinutes(1)))).isTrue();
    Instant soon = used.plusSeconds(30);
    assertThat(keys.recordUse("key_1", soon, soon.minus(Duration.ofMinutes(1)))).isFalse();
    assertThat(keys.get("key_1")).get().extracting(ApiKey::lastUsedAt).isEqualTo(used);

    Instant later = used.plusSeconds(61);
    assertThat(keys.recordUse("key_1", later, later.minus(Duration.ofMinutes(1)))).isTrue();
    assertThat(keys.get("key_1")).get().extracting(ApiKey::lastUsedAt).isEqualTo(later);
    assertThat(keys.recordUse("key_missing", later, later)).isFalse();
    assertThat(keys.get("key_missing")).isEmpty();
  }

  private static ApiKey key(String id, String name, Instant created) {
    return new ApiKey(id, name, "ab".repeat(32), created, null, null);
  }
}
