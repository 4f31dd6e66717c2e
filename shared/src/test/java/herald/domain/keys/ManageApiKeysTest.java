package herald.domain.keys;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Ids;
import herald.domain.common.NotFound;
import herald.domain.fakes.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ManageApiKeysTest {
  private final TestClock clock = new TestClock();
  private final InMemoryApiKeys store = new InMemoryApiKeys();
  private final ManageApiKeys keys = new ManageApiKeys(store, clock, "the-deployment-key");

  @Test
  void issuesAStrongSecretAndStoresOnlyItsHashUnderAnIdDerivedFromIt() throws Exception {
    IssuedKey issued = keys.create(new NewKey("  CI pipeline "));
    String secret = issued.secret();
    assertThat(secret).matches("hk_[A-Za-z0-9_-]{43}");
    String hash = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    ApiKey stored = store.get(issued.key().id()).orElseThrow();
    assertThat(stored.id()).isEqualTo(Ids.derived("key_", hash)).matches("key_[0-9a-f]{32}");
    assertThat(stored.secretHash()).isEqualTo(hash).doesNotContain(secret);
    assertThat(stored.name()).isEqualTo("CI pipeline");
    assertThat(stored.createdAt()).isEqualTo(clock.instant());
    assertThat(stored.lastUsedAt()).isNull();
    assertThat(stored.revokedAt()).isNull();
    assertThat(issued.toString()).doesNotContain(secret);
    assertThat(keys.create(new NewKey("other")).secret()).isNotEqualTo(secret);
  }

  @Test
  void aStoredKeyIsFoundWithOneReadAndTheRootKeyWithNone() {
    IssuedKey issued = keys.create(new NewKey("ci"));
    store.reads = 0;
    Authentication found = keys.authenticate(issued.secret());
    assertThat(store.reads).isEqualTo(1);
    assertThat(found).isEqualTo(new Authentication.Granted("ci", issued.key()));

    store.reads = 0;
    assertThat(keys.authenticate("the-deployment-key")).isEqualTo(new Authentication.Granted("root", null));
    assertThat(store.reads).isZero();
  }

  @Test
  void unknownAndMalformedSecretsAreUnknownAndGarbageCostsNoRead() {
    keys.create(new NewKey("ci"));
    store.reads = 0;
    for (String garbage : new String[] {null, "", "nope", "the-deployment-key ", "hk_short", "hk_" + "!".repeat(43)}) {
      assertThat(keys.authenticate(garbage)).as(String.valueOf(garbage)).isInstanceOf(Authentication.Unknown.class);
    }
    assertThat(store.reads).isZero();
    assertThat(keys.authenticate("hk_" + "A".repeat(43))).isInstanceOf(Authentication.Unknown.class);
    assertThat(store.reads).isEqualTo(1);
  }

  @Test
  void aRevokedKeyIsRecognisedAsRevokedAndKeepsItsFirstRevocationTime() {
    IssuedKey issued = keys.create(new NewKey("ci"));
    clock.advance(Duration.ofHours(1));
    keys.revoke(issued.key().id());
    var revokedAt = clock.instant();
    clock.advance(Duration.ofHours(1));
    keys.revoke(issued.key().id());

    assertThat(keys.authenticate(issued.secret())).isInstanceOfSatisfying(Authentication.Revoked.class,
        r -> assertThat(r.key().revokedAt()).isEqualTo(revokedAt));
    assertThat(keys.list()).singleElement().satisfies(k -> assertThat(k.revokedAt()).isEqualTo(revokedAt));
  }

  @Test
  void revokingAnUnknownIdIsNotFound() {
    assertThatThrownBy(() -> keys.revoke("key_00000000000000000000000000000000")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> keys.revoke("root")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> keys.revoke("../etc")).isInstanceOf(NotFound.class);
  }

  @Test
  void lastUseIsRecordedAtMostOnceAMinute() {
    IssuedKey issued = keys.create(new NewKey("ci"));
    String id = issued.key().id();
    assertThat(keys.recordUse(current(id))).isTrue();
    var first = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    assertThat(keys.recordUse(current(id))).isFalse();
    clock.advance(Duration.ofSeconds(29));
    assertThat(keys.recordUse(current(id))).isFalse();
    assertThat(current(id).lastUsedAt()).isEqualTo(first);
    assertThat(store.useWrites).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    assertThat(keys.recordUse(current(id))).isTrue();
    assertThat(current(id).lastUsedAt()).isEqualTo(clock.instant());
    assertThat(store.useWrites).isEqualTo(2);
  }

  @Test
  void aStaleCopyOfTheKeyStillWritesAtMostOncePerMinute() {
    ApiKey stale = keys.create(new NewKey("ci")).key();
    assertThat(keys.recordUse(stale)).isTrue();
    assertThat(keys.recordUse(stale)).as("the store's condition refuses the second write").isFalse();
    assertThat(store.useWrites).isEqualTo(1);
  }

  @Test
  void listsEveryKeyOldestFirst() {
    keys.create(new NewKey("b"));
    clock.advance(Duration.ofSeconds(1));
    keys.create(new NewKey("a"));
    assertThat(keys.list()).extracting(ApiKey::name).containsExactly("b", "a");
  }

  @Test
  void aNameIsRequiredShortAndPlain() {
    assertRefused(() -> new NewKey(null), "missing_field", "name");
    assertRefused(() -> new NewKey("   "), "missing_field", "name");
    assertRefused(() -> new NewKey("x".repeat(101)), "too_long", "name");
    assertRefused(() -> new NewKey("a\nb"), "invalid_characters", "name");
    assertRefused(() -> new NewKey("a\u0000b"), "invalid_characters", "name");
    assertRefused(() -> new NewKey("a\uD800b"), "invalid_characters", "name");
    assertRefused(() -> new NewKey("Root"), "reserved_name", "name");
    assertThat(new NewKey("x".repeat(100)).name()).hasSize(100);
  }

  @Test
  void theDeploymentKeyMustBeSet() {
    assertThatThrownBy(() -> new ManageApiKeys(store, clock, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  private ApiKey current(String id) {
    return store.get(id).orElseThrow();
  }
}
