package herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import herald.local.fixtures.BatchHandler;
import herald.local.fixtures.RecordingStreamHandler;
import herald.platform.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The whole runtime on the fixture template: stand-ins, resources, Env and the three kinds of event source. */
class LocalRuntimeTest {
  private static LocalRuntime runtime;
  private static SqsClient sqs;
  private static DynamoDbClient dynamoDb;

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(Options.forTests(Fixtures.template()));
    sqs = Clients.sqs(runtime.endpoints().sqs());
    dynamoDb = Clients.dynamoDb(runtime.endpoints().dynamoDb());
  }

  @AfterAll
  static void stop() {
    sqs.close();
    dynamoDb.close();
    if (runtime != null) runtime.close();
  }

  @Test
  void createsEveryTableWithItsIndexes() {
    assertThat(dynamoDb.listTables().tableNames()).containsExactlyInAnyOrder("ItemsTable", "local-named");
    var table = dynamoDb.describeTable(d -> d.tableName("ItemsTable")).table();
    assertThat(table.globalSecondaryIndexes()).singleElement()
        .satisfies(i -> assertThat(i.indexName()).isEqualTo("ByOwner"));
  }

  @Test
  void createsEveryQueueWithItsAttributes() {
    assertThat(runtime.queueUrls()).containsOnlyKeys("WorkQueue", "WorkDLQ", "DelayedQueue", "RuleDLQ");
    Map<String, String> delayed = sqs.getQueueAttributes(g -> g.queueUrl(runtime.queueUrls().get("DelayedQueue"))
        .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
    assertThat(delayed).containsEntry("DelaySeconds", "600").containsEntry("VisibilityTimeout", "120");
    // ElasticMQ rewrites the region of ARNs to its own ("elasticmq" unless ElasticMq sets withAWSRegion)
    assertThat(Json.parse(delayed.get("RedrivePolicy")).get("deadLetterTargetArn").asText())
        .startsWith("arn:aws:sqs:").endsWith(":000000000000:WorkDLQ");
    assertThat(Json.parse(delayed.get("RedrivePolicy")).get("maxReceiveCount").asInt()).isEqualTo(5);
  }

  @Test
  void givesEachFunctionItsResolvedEnvironmentAndTheStandInsEndpoints() {
    Map<String, String> env = runtime.functions().get("EchoFunction").env().vars();
    assertThat(env).containsEntry("ITEMS_TABLE", "ItemsTable")
        .containsEntry("HERALD_API_KEY", "test-api-key")
        .containsEntry("QUEUE_URL", runtime.queueUrls().get("WorkQueue"))
        .containsEntry("BUS_NAME", "herald-local")
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("AWS_ACCESS_KEY_ID", "local")
        .containsEntry("AWS_SECRET_ACCESS_KEY", "local")
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", runtime.endpoints().dynamoDb())
        .containsEntry("AWS_ENDPOINT_URL_SQS", runtime.endpoints().sqs())
        .containsEntry("AWS_ENDPOINT_URL_SESV2", runtime.endpoints().ses())
        .containsEntry("AWS_ENDPOINT_URL_SNS", runtime.endpoints().aws())
        .containsEntry("AWS_ENDPOINT_URL_EVENTBRIDGE", runtime.endpoints().aws());
    assertThat(runtime.functions().get("BatchFunction").env().vars()).containsEntry("STAGE", "overridden");
  }

  @Test
  void routesHttpRequestsToTheApiFunction() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(runtime.apiUrl() + "/v1/health")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(Json.parse(response.body()).get("env").get("HERALD_API_KEY").asText()).isEqualTo("test-api-key");
  }

  @Test
  void deliversPutEventsToTheRuleFunction() {
    try (EventBridgeClient events = EventBridgeClient.builder()
        .endpointOverride(URI.create(runtime.endpoints().aws())).region(Region.US_EAST_1)
        .credentialsProvider(Clients.CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      String id = events.putEvents(p -> p.entries(e -> e.eventBusName("herald-local").source("herald.api")
          .detailType("thing.updated").detail("{\"n\":1}"))).entries().get(0).eventId();

      await().atMost(Duration.ofSeconds(5)).until(() -> RecordingStreamHandler.RECEIVED.stream()
          .anyMatch(e -> e.get("id").asText().equals(id)));
    }
  }

  @Test
  void feedsQueueMessagesToTheBatchFunction() {
    sqs.sendMessage(m -> m.queueUrl(runtime.queueUrls().get("WorkQueue")).messageBody("ok-end-to-end"));

    await().atMost(Duration.ofSeconds(10)).until(() -> BatchHandler.RECEIVED.stream()
        .anyMatch(m -> m.getBody().equals("ok-end-to-end")));
  }

  @Test
  void runsTheEnabledSchedulesAndSendsAScheduledEventWhenOneComesDue() {
    assertThat(runtime.schedules().schedules())
        .extracting(LocalSchedules.Scheduled::event, LocalSchedules.Scheduled::expression,
            LocalSchedules.Scheduled::period)
        .containsExactly(tuple("Tick", "rate(1 minute)", Duration.ofMinutes(1)),
            tuple("Nightly", "cron(0 3 * * ? *)", null),
            tuple("Hourly", "rate(1 hour)", Duration.ofHours(1)));

    String id = runtime.schedules().fire("ScheduledFunction", "Tick");
    runtime.schedules().fire("ScheduledFunction", "Hourly");

    await().atMost(Duration.ofSeconds(5)).until(() -> RecordingStreamHandler.RECEIVED.stream()
        .anyMatch(e -> e.path("id").asText().equals(id)));
    var event = RecordingStreamHandler.RECEIVED.stream().filter(e -> e.path("id").asText().equals(id)).findFirst()
        .orElseThrow();
    assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
    assertThat(event.path("source").asText()).isEqualTo("aws.events");
    assertThat(event.path("resources").get(0).asText())
        .isEqualTo("arn:aws:events:us-east-1:000000000000:rule/local-ScheduledFunctionTick");
    await().atMost(Duration.ofSeconds(5)).until(() -> RecordingStreamHandler.RECEIVED.stream()
        .anyMatch(e -> e.path("job").asText().equals("hourly")));
  }

  @Test
  void stopsEverythingItStarted() {
    LocalRuntime second = LocalRuntime.start(Options.forTests(Fixtures.template()));
    String api = second.apiUrl();
    String dynamo = second.endpoints().dynamoDb();

    second.close();

    assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + "/v1/health"))
        .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dynamo)).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }
}
