package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import herald.adapters.aws.SnsSmsSender;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.sms.Sms;
import herald.platform.AwsModule;
import herald.platform.Env;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SMS adapter through a real SDK SnsClient against a small SNS Query-protocol endpoint (form-encoded
 * Publish in, XML out), which records what it received and refuses some numbers the way SNS does.
 */
class SnsSmsSenderTest {
  private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
  /** Numbers the endpoint refuses: HTTP status, error type and code. */
  private static final Map<String, String[]> REFUSALS = Map.of(
      "+447700900400", new String[] {"400", "Sender", "InvalidParameter"},
      "+447700900401", new String[] {"400", "Sender", "ParameterValueInvalid"},
      "+447700900402", new String[] {"400", "Sender", "OptedOut"},
      "+447700900403", new String[] {"403", "Sender", "AuthorizationError"},
      "+447700900429", new String[] {"429", "Sender", "Throttled"},
      "+447700900500", new String[] {"500", "Receiver", "InternalError"},
      "+447700900503", new String[] {"503", "Receiver", "ServiceUnavailable"});

  private HttpServer server;
  private final List<Map<String, String>> published = new CopyOnWriteArrayList<>();
  private final List<String> messageIds = new CopyOnWriteArrayList<>();
  private SnsSmsSender sender;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::publish);
    server.start();
    sender = new SnsSmsSender(sns("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void publishesATransactionalTextWithItsSenderIdAndReturnsTheSnsMessageId() {
    String text = "Your code is 123456 & expires at 10:00 — Zoë\nReply STOP to opt out";

    String id = sender.send(new Sms("msg_1", "+447700900123", text, "transactional", "AcmeShop"));

    assertThat(published).hasSize(1);
    Map<String, String> form = published.get(0);
    assertThat(form).containsEntry("Action", "Publish").containsEntry("Version", "2010-03-31")
        .containsEntry("PhoneNumber", "+447700900123").containsEntry("Message", text);
    assertThat(form).doesNotContainKeys("TopicArn", "TargetArn");
    assertThat(attributes(form)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "AWS.SNS.SMS.SMSType", "String:Transactional",
        "AWS.SNS.SMS.SenderID", "String:AcmeShop"));
    assertThat(id).isEqualTo(messageIds.get(0));
  }

  @Test
  void aPromotionalTextWithoutSenderIdCarriesOnlyItsType() {
    sender.send(new Sms("msg_2", "+14155550100", "20% off today", "promotional", null));

    assertThat(attributes(published.get(0))).containsExactlyEntriesOf(Map.of("AWS.SNS.SMS.SMSType", "String:Promotional"));
  }

  @Test
  void withoutATypeOrSenderIdNoAttributeIsSent() {
    sender.send(new Sms("msg_3", "+14155550100", "Hello", null, " "));

    assertThat(attributes(published.get(0))).isEmpty();
  }

  @Test
  void anUnknownSmsTypeIsRefusedBeforeAnyCall() {
    DeliveryFailure failure = failure(new Sms("msg_4", "+14155550100", "Hello", "marketing", null));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("invalid_sms_type");
    assertThat(published).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+12345678", "+123456789012345", "+447700900123", "+819012345678"})
  void acceptsE164NumbersOfEightToFifteenDigits(String phone) {
    assertThat(sender.send(new Sms("msg_5", phone, "Hi", "transactional", null))).isNotBlank();
    assertThat(published).extracting(form -> form.get("PhoneNumber")).containsExactly(phone);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"447700900123", "+0447700900123", "+1234567", "+1234567890123456", "+44 7700 900123",
      "+44-7700-900123", "+44(0)7700900123", "++447700900123", "+44770090012a", "00447700900123", " +447700900123",
      "+447700900123\n", "+４４7700900123"})
  void refusesANumberThatIsNotE164BeforeCallingSns(String phone) {
    DeliveryFailure failure = failure(new Sms("msg_6", phone, "Hi", "transactional", null));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("invalid_phone_number");
    assertThat(published).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"+447700900400, invalid_parameter", "+447700900401, parameter_value_invalid",
      "+447700900402, opted_out", "+447700900403, authorization_error"})
  void refusalsBySnsArePermanentWithTheErrorCodeAsReason(String phone, String reason) {
    DeliveryFailure failure = failure(new Sms("msg_7", phone, "Hi", "promotional", null));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(published).as("not retried").hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"+447700900429, throttled", "+447700900500, internal_error", "+447700900503, service_unavailable"})
  void throttlingAndServerErrorsAreTransient(String phone, String reason) {
    DeliveryFailure failure = failure(new Sms("msg_8", phone, "Hi", "promotional", null));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo(reason);
    assertThat(published).isNotEmpty().allSatisfy(form -> assertThat(form).containsEntry("PhoneNumber", phone));
  }

  @Test
  void anUnreachableSnsIsTransient() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SnsSmsSender unreachable = new SnsSmsSender(sns("http://127.0.0.1:" + closedPort));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
        () -> unreachable.send(new Sms("msg_9", "+447700900123", "Hi", "transactional", null)));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("sns_unreachable");
  }

  private DeliveryFailure failure(Sms sms) {
    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(sms));
    assertThat(failure).as("a DeliveryFailure").isNotNull();
    return failure;
  }

  private static SnsClient sns(String endpoint) {
    Env env = Env.of(Map.of("AWS_ENDPOINT_URL_SNS", endpoint, "AWS_REGION", "eu-west-1",
        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
    return AwsModule.configure(SnsClient.builder(), env, "SNS").build();
  }

  /** MessageAttributes.entry.N.Name -> "DataType:StringValue". */
  private static Map<String, String> attributes(Map<String, String> form) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
      String prefix = "MessageAttributes.entry." + n + ".";
      attributes.put(form.get(prefix + "Name"),
          form.get(prefix + "Value.DataType") + ":" + form.get(prefix + "Value.StringValue"));
    }
    return attributes;
  }

  private void publish(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      published.add(form);
      String[] refusal = REFUSALS.get(form.get("PhoneNumber"));
      if (!"Publish".equals(form.get("Action"))) refusal = new String[] {"400", "Sender", "InvalidAction"};
      if (refusal != null) {
        reply(exchange, Integer.parseInt(refusal[0]), "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
            + refusal[1] + "</Type><Code>" + refusal[2] + "</Code><Message>Refused by the test endpoint</Message>"
            + "</Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
        return;
      }
      String id = UUID.randomUUID().toString();
      messageIds.add(id);
      reply(exchange, 200, "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>" + id
          + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
          + "</RequestId></ResponseMetadata></PublishResponse>");
    }
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      form.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }
}
