package herald.domain.channels.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.channels.DeliveryFailure;
import herald.domain.fakes.InMemorySecretStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sealing webhook secrets into the secret store, and opening them to sign, rotation included. */
class WebhookSecretsTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private final InMemorySecretStore store = new InMemorySecretStore();
  private final WebhookSecrets secrets = new WebhookSecrets(store);

  @Test
  void aRotatedSealedChannelSignsWithBothSecretsForADayThenWithTheNewOneOnly() {
    String first = WebhookSignature.generate();
    WebhookChannel saved = secrets.seal("dist_1", new WebhookChannel("https://hooks.example.com/in", first,
        Map.of(), null));
    assertThat(saved.secret()).isNull();
    assertThat(saved.toString()).doesNotContain(first);
    assertThat(store.all().toString()).contains(first);

    String second = WebhookSignature.generate();
    WebhookChannel rotated = secrets.seal("dist_1", saved.rotated(second, NOW));
    secrets.replaced("dist_1", saved, rotated);
    assertThat(rotated.secret()).isNull();
    assertThat(rotated.previousSecretRef()).isEqualTo(saved.secretRef());

    WebhookChannel opened = secrets.open("dist_1", rotated);
    List<String> signing = opened.signingSecrets(NOW.plusSeconds(60));
    assertThat(signing).containsExactly(second, first);
    String header = WebhookSignature.sign(signing, "msg_1", 1_740_823_260L, "{}");
    assertThat(WebhookSignature.verify(first, "msg_1", 1_740_823_260L, "{}", header)).isTrue();
    assertThat(WebhookSignature.verify(second, "msg_1", 1_740_823_260L, "{}", header)).isTrue();
    assertThat(opened.signingSecrets(NOW.plus(WebhookChannel.ROTATION_OVERLAP))).containsExactly(second);

    WebhookChannel again = secrets.seal("dist_1", rotated.rotated(WebhookSignature.generate(), NOW));
    secrets.replaced("dist_1", rotated, again);
    assertThat(store.all().toString()).doesNotContain(first).contains(second);
    secrets.replaced("dist_1", again, null);
    assertThat(store.all()).isEmpty();
  }

  @Test
  void aChannelStillHoldingItsSecretSignsWithItAndAMissingCurrentSecretFailsForGood() {
    String secret = WebhookSignature.generate();
    WebhookChannel old = new WebhookChannel("https://hooks.example.com/in", secret, Map.of(), null);
    assertThat(secrets.open("dist_1", old).signingSecrets(NOW)).containsExactly(secret);

    WebhookChannel dangling = new WebhookChannel("https://hooks.example.com/in", null, Map.of(), null, null, null,
        false, "whr_gone", null);
    assertThatThrownBy(() -> secrets.open("dist_1", dangling)).isInstanceOf(DeliveryFailure.class)
        .hasMessageContaining("webhook_secret_missing");
  }
}
