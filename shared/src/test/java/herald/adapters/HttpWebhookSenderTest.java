package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSignature;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook adapter against a real HTTP server on 127.0.0.1 (allowlisted), checked from the receiver's side with
 * the Standard Webhooks reference library as an independent verifier.
 */
class HttpWebhookSenderTest {
  private static final String SECRET = WebhookSignature.generate();
  private static final String OTHER = WebhookSignature.generate();
  private static final Instant NOW = Instant.now();
  private static final Clock CLOCK = Clock.fixed(NOW.plusSeconds(3), ZoneOffset.UTC);
  private static final HostResolver NO_DNS = host -> {
    throw new AssertionError("an allowlisted literal address needs no lookup, yet " + host + " was looked up");
  };

  private WebhookReceiver receiver;
  private HttpWebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    sender = new HttpWebhookSender(NO_DNS, Set.of("127.0.0.1:" + receiver.port()), CLOCK, Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void postsTheExactBodySignedSoThatTheReferenceLibraryVerifiesIt() throws Exception {
    String body = "{\"id\":\"msg_1\",\"data\":{\"name\":\"Zoë Ångström\",\"note\":\"✓ 10€\"}}";
    WebhookCall call = new WebhookCall("msg_1", receiver.url("/hooks/in"),
        Map.of("Authorization", "Bearer abc", "X-Shop", "acme"), body, List.of(SECRET), NOW);

    assertThat(sender.send(call)).isEqualTo("204");

    assertThat(receiver.received()).hasSize(1);
    WebhookReceiver.Received got = receiver.received().get(0);
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.target()).isEqualTo("/hooks/in");
    assertThat(got.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    String receivedBody = new String(got.body(), StandardCharsets.UTF_8);
    new Webhook(SECRET).verify(receivedBody, headers(got));
    assertThatThrownBy(() -> new Webhook(OTHER).verify(receivedBody, headers(got)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> new Webhook(SECRET).verify(receivedBody.replace("Zoë", "Zoe"), headers(got)))
        .isInstanceOf(WebhookVerificationException.class);
    assertThat(got.header("webhook-id")).isEqualTo("msg_1");
    assertThat(got.header("webhook-timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(got.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}=");
    assertThat(got.header("Content-Type")).startsWith("application/json");
    assertThat(got.header("Idempotency-Key")).isEqualTo("msg_1");
    assertThat(got.header("X-Herald-Signature")).isNull();
    assertThat(got.header("X-Herald-Timestamp")).isNull();
    assertThat(got.header("Authorization")).isEqualTo("Bearer abc");
    assertThat(got.header("X-Shop")).isEqualTo("acme");
  }

  @Test
  void signsWithEverySecretGivenSoThatBothVerifyDuringARotation() throws Exception {
    sender.send(new WebhookCall("msg_r", receiver.url("/in"), Map.of(), "{\"a\":1}", List.of(SECRET, OTHER), NOW));

    WebhookReceiver.Received got = receiver.received().get(0);
    assertThat(got.header("webhook-signature")).matches("v1,\\S+ v1,\\S+");
    new Webhook(SECRET).verify("{\"a\":1}", headers(got));
    new Webhook(OTHER).verify("{\"a\":1}", headers(got));
    assertThatThrownBy(() -> new Webhook(WebhookSignature.generate()).verify("{\"a\":1}", headers(got)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aReplayedRequestWithAnOldTimestampIsRefusedByTheReceiversLibrary() throws Exception {
    Instant anHourAgo = NOW.minus(Duration.ofHours(1));
    sender.send(new WebhookCall("msg_old", receiver.url("/in"), Map.of(), "{}", List.of(SECRET), anHourAgo));
    WebhookReceiver.Received captured = receiver.received().get(0);

    assertThatThrownBy(() -> new Webhook(SECRET).verify("{}", headers(captured)))
        .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("timestamp");
    Map<String, List<String>> restamped = new TreeMap<>(headers(captured));
    restamped.put("webhook-timestamp", List.of(Long.toString(NOW.getEpochSecond())));
    assertThatThrownBy(() -> new Webhook(SECRET).verify("{}", restamped))
        .as("a fresh timestamp on a captured signature").isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void heraldsOwnHeadersCannotBeOverriddenByConfiguredOnes() {
    WebhookCall call = new WebhookCall("msg_2", receiver.url("/in"), Map.of("Idempotency-Key", "forged",
        "content-type", "text/plain", "webhook-id", "forged", "Webhook-Signature", "v1,forged", "X-Extra", "1"),
        "{}", List.of(SECRET), NOW);

    sender.send(call);

    WebhookReceiver.Received got = receiver.received().get(0);
    assertThat(got.headers().get("Idempotency-Key")).containsExactly("msg_2");
    assertThat(got.headers().get("webhook-id")).containsExactly("msg_2");
    assertThat(got.headers().get("webhook-signature")).hasSize(1).noneMatch(v -> v.contains("forged"));
    assertThat(got.headers().get("Content-Type")).hasSize(1).allMatch(v -> v.startsWith("application/json"));
    assertThat(got.header("X-Extra")).isEqualTo("1");
  }

  @Test
  void stampsTheSendTimeFromTheClockWhenTheCallHasNone() {
    sender.send(new WebhookCall("msg_3", receiver.url("/in"), Map.of(), "{}", List.of(SECRET), null));

    assertThat(receiver.received().get(0).header("webhook-timestamp"))
        .isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
  }

  @Test
  void sendsNoSignatureWhenTheCallHasNoSecret() {
    sender.send(new WebhookCall("msg_4", receiver.url("/in"), Map.of(), "{}", List.of(), NOW));

    assertThat(receiver.received().get(0).header("webhook-signature")).isNull();
    assertThat(receiver.received().get(0).header("webhook-id")).isEqualTo("msg_4");
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 204})
  void aTwoHundredIsSuccessAndReturnsTheStatus(int status) {
    assertThat(sender.send(call("/status/" + status))).isEqualTo(Integer.toString(status));
    assertThat(receiver.count()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 410, 422})
  void aClientErrorIsPermanent(int status) {
    DeliveryFailure failure = failure(call("/status/" + status));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("http_" + status);
    assertThat(receiver.count()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503})
  void tooManyRequestsAndServerErrorsAreTransient(int status) {
    DeliveryFailure failure = failure(call("/status/" + status));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("http_" + status);
    assertThat(receiver.count()).isEqualTo(1);
  }

  @Test
  void aServerThatHangsPastTheTimeoutIsATransientTimeout() {
    long started = System.nanoTime();

    DeliveryFailure failure = failure(call("/hang"));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(receiver.hits("/hang")).isEqualTo(1);
  }

  @Test
  void anAnswerWhoseBodyNeverEndsCountsByItsStatusWithoutWaitingForTheBody() {
    long started = System.nanoTime();

    assertThat(sender.send(call("/hang-after-headers"))).isEqualTo("200");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aRedirectIsPermanentAndNotFollowed() {
    DeliveryFailure failure = failure(call("/redirect"));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("redirect_not_followed");
    assertThat(receiver.hits("/redirect")).isEqualTo(1);
    assertThat(receiver.hits("/elsewhere")).isZero();
  }

  @Test
  void aRefusedConnectionIsTransient() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpWebhookSender toClosedPort = new HttpWebhookSender(NO_DNS, Set.of("127.0.0.1"), CLOCK,
        Duration.ofSeconds(2));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> toClosedPort.send(
        new WebhookCall("msg_5", "http://127.0.0.1:" + closedPort + "/in", Map.of(), "{}", List.of(SECRET), NOW)));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("connection_failed");
  }

  private WebhookCall call(String path) {
    return new WebhookCall("msg_" + path.hashCode(), receiver.url(path), Map.of(), "{\"a\":1}", List.of(SECRET), NOW);
  }

  private DeliveryFailure failure(WebhookCall call) {
    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(call));
    assertThat(failure).as("a DeliveryFailure").isNotNull();
    return failure;
  }

  /** The received headers as the reference library reads them (lower-case names). */
  static Map<String, List<String>> headers(WebhookReceiver.Received got) {
    Map<String, List<String>> headers = new TreeMap<>();
    got.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
    return headers;
  }
}
