package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import herald.adapters.http.HostResolver;
import herald.adapters.http.HttpWebhookSender;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSignature;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook adapter against a real HTTP server on 127.0.0.1 (allowlisted), checked from the receiver's side. */
class HttpWebhookSenderTest {
  private static final String SECRET = "whsec_receiver_shared_secret";
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:30:00Z"), ZoneOffset.UTC);
  private static final HostResolver NO_DNS = host -> {
    throw new AssertionError("an allowlisted literal address needs no lookup, yet " + host + " was looked up");
  };

  private WebhookReceiver receiver;
  private HttpWebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    receiver = new WebhookReceiver();
    sender = new HttpWebhookSender(HttpWebhookSender.client(Duration.ofMillis(300)), NO_DNS,
        Set.of("127.0.0.1:" + receiver.port()), CLOCK, Duration.ofMillis(300));
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void postsTheExactBodySignedSoThatTheReceiverCanVerifyIt() {
    String body = "{\"id\":\"msg_1\",\"data\":{\"name\":\"Zoë Ångström\",\"note\":\"✓ 10€\"}}";
    WebhookCall call = new WebhookCall("msg_1", receiver.url("/hooks/in"),
        Map.of("Authorization", "Bearer abc", "X-Shop", "acme"), body, SECRET, AT);

    assertThat(sender.send(call)).isEqualTo("204");

    assertThat(receiver.received()).hasSize(1);
    WebhookReceiver.Received got = receiver.received().get(0);
    assertThat(got.method()).isEqualTo("POST");
    assertThat(got.target()).isEqualTo("/hooks/in");
    assertThat(got.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    String receivedBody = new String(got.body(), StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(SECRET, receivedBody, got.header("X-Herald-Signature"))).isTrue();
    assertThat(WebhookSignature.verify("another_secret_value", receivedBody, got.header("X-Herald-Signature")))
        .isFalse();
    assertThat(got.header("Content-Type")).isEqualTo("application/json");
    assertThat(got.header("Idempotency-Key")).isEqualTo("msg_1");
    assertThat(got.header("X-Herald-Timestamp")).isEqualTo(Long.toString(AT.getEpochSecond()));
    assertThat(got.header("Authorization")).isEqualTo("Bearer abc");
    assertThat(got.header("X-Shop")).isEqualTo("acme");
  }

  @Test
  void heraldsOwnHeadersCannotBeOverriddenByConfiguredOnes() {
    WebhookCall call = new WebhookCall("msg_2", receiver.url("/in"),
        Map.of("Idempotency-Key", "forged", "content-type", "text/plain", "X-Extra", "1"), "{}", SECRET, AT);

    sender.send(call);

    WebhookReceiver.Received got = receiver.received().get(0);
    assertThat(got.headers().get("Idempotency-Key")).containsExactly("msg_2");
    assertThat(got.headers().get("Content-Type")).containsExactly("application/json");
    assertThat(got.header("X-Extra")).isEqualTo("1");
  }

  @Test
  void stampsTheSendTimeFromTheClockWhenTheCallHasNone() {
    sender.send(new WebhookCall("msg_3", receiver.url("/in"), Map.of(), "{}", SECRET, null));

    assertThat(receiver.received().get(0).header("X-Herald-Timestamp"))
        .isEqualTo(Long.toString(CLOCK.instant().getEpochSecond()));
  }

  @Test
  void sendsNoSignatureWhenTheChannelHasNoSecret() {
    sender.send(new WebhookCall("msg_4", receiver.url("/in"), Map.of(), "{}", null, AT));

    assertThat(receiver.received().get(0).header("X-Herald-Signature")).isNull();
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
    HttpWebhookSender toClosedPort = new HttpWebhookSender(HttpWebhookSender.client(Duration.ofSeconds(2)), NO_DNS,
        Set.of("127.0.0.1"), CLOCK, Duration.ofSeconds(2));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> toClosedPort.send(
        new WebhookCall("msg_5", "http://127.0.0.1:" + closedPort + "/in", Map.of(), "{}", SECRET, AT)));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("connection_failed");
  }

  @Test
  void refusesAClientThatFollowsRedirects() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> new HttpWebhookSender(following, NO_DNS, Set.of(), CLOCK, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultClientWaitsTenSecondsAndFollowsNoRedirect() {
    HttpClient client = HttpWebhookSender.client(HttpWebhookSender.TIMEOUT);

    assertThat(HttpWebhookSender.TIMEOUT).isEqualTo(Duration.ofSeconds(10));
    assertThat(client.connectTimeout()).contains(Duration.ofSeconds(10));
    assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
    assertThat(client.proxy()).contains(HttpClient.Builder.NO_PROXY);
  }

  private WebhookCall call(String path) {
    return new WebhookCall("msg_" + path.hashCode(), receiver.url(path), Map.of(), "{\"a\":1}", SECRET, AT);
  }

  private DeliveryFailure failure(WebhookCall call) {
    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(call));
    assertThat(failure).as("a DeliveryFailure").isNotNull();
    return failure;
  }
}
