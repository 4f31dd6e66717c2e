package herald.domain.channels.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {
  private static final String SECRET = "whsec_0123456789abcdef";
  private static final String BODY = "{\"name\":\"Zoë\",\"emoji\":\"✓\"}";
  /** openssl: printf '%s' BODY | openssl dgst -sha256 -hmac SECRET (the UTF-8 bytes of the body). */
  private static final String BODY_SIGNATURE =
      "sha256=dc8ce39ab22f3f96d0a7c74167d0f7c9578b918da1a8bc52b488693ff9ca16bd";

  @Test
  void signsWithHmacSha256AsInRfc4231() {
    assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?"))
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void signsTheUtf8BytesOfTheBodyAsLowercaseHex() {
    assertThat(WebhookSignature.sign(SECRET, BODY)).isEqualTo(BODY_SIGNATURE);
  }

  @Test
  void verifiesItsOwnSignature() {
    assertThat(WebhookSignature.verify(SECRET, BODY, WebhookSignature.sign(SECRET, BODY))).isTrue();
    assertThat(WebhookSignature.verify(SECRET, BODY, BODY_SIGNATURE)).isTrue();
  }

  @Test
  void refusesATamperedBody() {
    assertThat(WebhookSignature.verify(SECRET, BODY.replace("Zoë", "Zoe"), BODY_SIGNATURE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, BODY + " ", BODY_SIGNATURE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "", BODY_SIGNATURE)).isFalse();
  }

  @Test
  void refusesASignatureMadeWithAnotherSecret() {
    assertThat(WebhookSignature.verify("whsec_0123456789abcdeF", BODY, BODY_SIGNATURE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, BODY, WebhookSignature.sign("another-secret-of-16", BODY))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {" " + BODY_SIGNATURE, BODY_SIGNATURE + " ", "\t" + BODY_SIGNATURE + "  "})
  void acceptsAHeaderWithSurroundingSpaces(String header) {
    assertThat(WebhookSignature.verify(SECRET, BODY, header)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sha256=", "dc8ce39ab22f3f96d0a7c74167d0f7c9578b918da1a8bc52b488693ff9ca16bd",
      "sha1=dc8ce39ab22f3f96d0a7c74167d0f7c9578b918da1a8bc52b488693ff9ca16bd",
      "sha256=DC8CE39AB22F3F96D0A7C74167D0F7C9578B918DA1A8BC52B488693FF9CA16BD",
      "sha256=dc8ce39ab22f3f96d0a7c74167d0f7c9578b918da1a8bc52b488693ff9ca16b",
      "sha256=dc8ce39ab22f3f96d0a7c74167d0f7c9578b918da1a8bc52b488693ff9ca16bd0",
      "sha256 = dc8ce39ab22f3f96d0a7c74167d0f7c9578b918da1a8bc52b488693ff9ca16bd"})
  void refusesAMalformedOrTruncatedHeader(String header) {
    assertThat(WebhookSignature.verify(SECRET, BODY, header)).isFalse();
  }

  @Test
  void refusesAMissingHeader() {
    assertThat(WebhookSignature.verify(SECRET, BODY, null)).isFalse();
  }
}
