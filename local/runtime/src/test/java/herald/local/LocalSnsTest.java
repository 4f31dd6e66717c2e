package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.platform.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;

class LocalSnsTest {
  private static final LocalSns sns = new LocalSns();
  private static LocalAwsServer server;
  private static SnsClient client;

  @BeforeAll
  static void start() throws Exception {
    server = LocalAwsServer.start(0, new LocalEventBridge(Map.of(), Set.of("default"), null), sns);
    client = SnsClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(Clients.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @BeforeEach
  void forget() {
    sns.clear();
  }

  @Test
  void recordsATextMessageAndAnswersWithItsId() {
    String id = client.publish(p -> p.phoneNumber("+447700900123").message("Your code: 42 & more <b>")
        .messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build()))).messageId();

    assertThat(id).isNotBlank();
    assertThat(sns.sent()).containsExactly(new LocalSns.Sms(id, "+447700900123", "Your code: 42 & more <b>",
        Map.of("AWS.SNS.SMS.SMSType", "Transactional"), sns.sent().get(0).timestamp()));
  }

  @Test
  void listsTheRecordedTextsAsJson() throws Exception {
    client.publish(p -> p.phoneNumber("+15550001111").message("hello"));
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/sms")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(Json.parse(list.body()).get(0).get("phoneNumber").asText()).isEqualTo("+15550001111");
    assertThat(Json.parse(list.body()).get(0).get("message").asText()).isEqualTo("hello");
    http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/sms")).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(sns.sent()).isEmpty();
  }

  @Test
  void refusesANumberThatIsNotE164() {
    assertThatThrownBy(() -> client.publish(p -> p.phoneNumber("07700 900123").message("hi")))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(sns.sent()).isEmpty();
  }

  @Test
  void answersNotFoundForATopicThatDoesNotExist() {
    assertThatThrownBy(() -> client.publish(p -> p.topicArn("arn:aws:sns:us-east-1:000000000000:nope").message("hi")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
        });
    assertThat(sns.sent()).isEmpty();
  }

  @Test
  void answersNotFoundForAPlatformEndpointThatDoesNotExist() {
    String endpoint = "arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/0f0e0d0c-0000-0000-0000-000000000000";
    assertThatThrownBy(() -> client.publish(p -> p.targetArn(endpoint).message("hi")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void theAwsCliSeesNotFoundForATopicThatDoesNotExist() throws Exception {
    AwsCli.Run run = AwsCli.run(server.endpoint(), "sns", "publish",
        "--topic-arn", "arn:aws:sns:us-east-1:000000000000:nope", "--message", "hi");

    assertThat(run.exitCode()).as(run.stderr()).isNotZero();
    assertThat(run.stderr()).contains("(NotFound)").contains("Publish").contains("Topic does not exist");
    assertThat(run.stdout()).isBlank();
  }

  @Test
  void theAwsCliSendsATextMessage() throws Exception {
    AwsCli.Run run = AwsCli.run(server.endpoint(), "sns", "publish", "--phone-number", "+15550002222",
        "--message", "from the CLI");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(Json.parse(run.stdout()).get("MessageId").asText()).isEqualTo(sns.sent().get(0).messageId());
    assertThat(sns.sent()).extracting(LocalSns.Sms::phoneNumber).containsExactly("+15550002222");
  }
}
