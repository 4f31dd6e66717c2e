package herald.domain.channels.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures, against the specification's own example and its reference library. */
class WebhookSignatureTest {
  /** The example of the specification's reference libraries' tests. */
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final String BODY = "{\"test\": 2432232314}";

  @Test
  void signsTheSpecificationsExample() {
    assertThat(WebhookSignature.sign(List.of(SECRET), ID, TIMESTAMP, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void signsAsTheReferenceLibraryDoesOverTheUtf8BytesOfIdTimestampAndBody() throws Exception {
    String body = "{\"name\":\"Zoë\",\"emoji\":\"✓\"}";
    String secret = WebhookSignature.generate();

    assertThat(WebhookSignature.sign(List.of(secret), "msg_1", 1_700_000_000L, body))
        .isEqualTo(new Webhook(secret).sign("msg_1", 1_700_000_000L, body));
  }

  @Test
  void givesOneSpaceSeparatedSignaturePerSecret() throws Exception {
    String other = WebhookSignature.generate();

    assertThat(WebhookSignature.sign(List.of(SECRET, other), ID, TIMESTAMP, BODY)).isEqualTo(
        new Webhook(SECRET).sign(ID, TIMESTAMP, BODY) + " " + new Webhook(other).sign(ID, TIMESTAMP, BODY));
  }

  @Test
  void verifiesAnyOfTheSignaturesAndNothingChanged() {
    String other = WebhookSignature.generate();
    String header = WebhookSignature.sign(List.of(other, SECRET), ID, TIMESTAMP, BODY);

    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
    assertThat(WebhookSignature.verify(other, ID, TIMESTAMP, BODY, header)).isTrue();
    assertThat(WebhookSignature.verify(WebhookSignature.generate(), ID, TIMESTAMP, BODY, header)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, header)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "msg_other", TIMESTAMP, BODY, header)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY + " ", header)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, null)).isFalse();
  }

  @Test
  void generatesThirtyTwoRandomBytesInTheWhsecForm() {
    String secret = WebhookSignature.generate();

    assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.generate());
    assertThat(WebhookSignature.keyOrNull(secret)).hasSize(32);
  }

  @Test
  void takesOnlyWhsecSecretsOfTwentyFourToSixtyFourBytes() {
    assertThat(WebhookSignature.keyOrNull(SECRET)).hasSize(24);
    assertThat(WebhookSignature.keyOrNull("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isNull();
    assertThat(WebhookSignature.keyOrNull("whsec_c2hvcnQ=")).isNull();
    assertThat(WebhookSignature.keyOrNull("whsec_not base64!")).isNull();
    assertThat(WebhookSignature.keyOrNull("whsec_" + "A".repeat(88))).isNull();
  }
}
