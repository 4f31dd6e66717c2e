package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.fixtures.RecordingStreamHandler;
import herald.platform.Env;
import herald.platform.Json;
import herald.sam.Template;
import herald.standins.ElasticMq;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class LocalEventBridgeTest {
  private static ElasticMq elasticMq;
  private static SqsClient sqs;
  private static String deadLetters;
  private static AsyncInvoker invoker;
  private static LocalAwsServer server;
  private static EventBridgeClient client;

  @BeforeAll
  static void start() throws Exception {
    elasticMq = ElasticMq.start(0);
    sqs = Clients.sqs(elasticMq.endpoint());
    deadLetters = sqs.createQueue(b -> b.queueName("RuleDLQ")).queueUrl();
    Template.Function spec = new Template.Function("RuleFunction",
        "herald.local.fixtures.RecordingStreamHandler::handleRequest", Map.of(), 30, 256, List.of());
    LambdaFunction function = LambdaFunction.load(spec, Env.of(Map.of()), 2);
    var target = new LocalEventBridge.Target("RuleFunction-Catalogue", function, "herald-local", 2, 3600, deadLetters);
    invoker = new AsyncInvoker(sqs, 2, Duration.ofMillis(20));
    server = LocalAwsServer.start(0, new LocalEventBridge(
        Map.of(target, "{\"detail-type\":[\"thing.created\"]}"), Set.of("default", "herald-local"), invoker),
        new LocalSns());
    client = EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
        .credentialsProvider(Clients.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
    invoker.close();
    sqs.close();
    elasticMq.close();
  }

  private static List<JsonNode> received(String eventId) {
    return RecordingStreamHandler.RECEIVED.stream().filter(e -> e.get("id").asText().equals(eventId)).toList();
  }

  private static PutEventsRequestEntry entry(String detailType, String detail) {
    return PutEventsRequestEntry.builder().eventBusName("herald-local").source("herald.api").detailType(detailType)
        .detail(detail).resources("arn:aws:herald:thing/1").time(Instant.parse("2025-03-04T05:06:07.890Z")).build();
  }

  @Test
  void deliversAMatchingEventToItsFunctionAsEventBridgeWouldShapeIt() {
    PutEventsResponse response = client.putEvents(r -> r.entries(entry("thing.created", "{\"id\":\"t-1\"}")));

    assertThat(response.failedEntryCount()).isZero();
    String eventId = response.entries().get(0).eventId();
    assertThat(eventId).isNotBlank();
    JsonNode event = await().atMost(Duration.ofSeconds(5)).until(() -> received(eventId), e -> e.size() == 1).get(0);
    assertThat(event.get("version").asText()).isEqualTo("0");
    assertThat(event.get("id").asText()).isEqualTo(eventId);
    assertThat(event.get("detail-type").asText()).isEqualTo("thing.created");
    assertThat(event.get("source").asText()).isEqualTo("herald.api");
    assertThat(event.get("account").asText()).isEqualTo("000000000000");
    assertThat(event.get("time").asText()).isEqualTo("2025-03-04T05:06:07Z");
    assertThat(event.get("region").asText()).isEqualTo("us-east-1");
    assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:herald:thing/1");
    assertThat(event.get("detail").get("id").asText()).isEqualTo("t-1");
  }

  @Test
  void ignoresEventsOfOtherTypesAndOtherBuses() throws InterruptedException {
    PutEventsResponse response = client.putEvents(r -> r.entries(entry("thing.deleted", "{}"),
        entry("thing.created", "{}").toBuilder().eventBusName("default").build()));

    assertThat(response.failedEntryCount()).isZero();
    assertThat(response.entries()).hasSize(2).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());
    Thread.sleep(300);
    response.entries().forEach(e -> assertThat(received(e.eventId())).isEmpty());
  }

  @Test
  void reportsMalformedEntriesWithoutFailingTheOthers() {
    PutEventsResponse response = client.putEvents(r -> r.entries(entry("thing.created", "not json"),
        entry("thing.created", "{}").toBuilder().eventBusName("nope").build(), entry("thing.other", "{}")));

    assertThat(response.failedEntryCount()).isEqualTo(2);
    assertThat(response.entries().get(0).errorCode()).isEqualTo("MalformedDetail");
    assertThat(response.entries().get(1).errorCode()).isNotBlank();
    assertThat(response.entries().get(2).eventId()).isNotBlank();
  }

  @Test
  void retriesAFailingInvocationPerTheRetryPolicyThenDeadLettersIt() {
    PutEventsResponse response = client.putEvents(r -> r.entries(entry("thing.created", "{\"fail\":true}")));
    String eventId = response.entries().get(0).eventId();

    List<Message> dead = await().atMost(Duration.ofSeconds(10)).until(() -> sqs.receiveMessage(m -> m
        .queueUrl(deadLetters).messageAttributeNames("All").waitTimeSeconds(1)).messages(), m -> !m.isEmpty());
    assertThat(received(eventId)).hasSize(3); // the first attempt and 2 retries
    assertThat(Json.parse(dead.get(0).body()).get("id").asText()).isEqualTo(eventId);
    assertThat(dead.get(0).messageAttributes().get("ERROR_MESSAGE").stringValue()).isEqualTo("told to fail");
    assertThat(dead.get(0).messageAttributes().get("RULE_ARN").stringValue()).endsWith("RuleFunction-Catalogue");
  }
}
