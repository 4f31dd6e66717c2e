package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.dynamodb.DynamoDbStatusCounters;
import herald.adapters.dynamodb.DynamoDbSuppressions;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.ReconcileStats;
import herald.domain.delivery.RecordFeedback;
import herald.domain.delivery.SendJob;
import herald.domain.events.TriggerEvent;
import herald.platform.Json;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The summary, the message list's filters, retries and the account's stats, through the handler on the stand-ins
 * (answers checked against the OpenAPI document); messages written by the adapters the sender uses.
 */
class StatsApiTest {
  private static final String DISTRIBUTION = "{\"name\":\"Stats\",\"trigger\":{\"type\":\"customer.custom_event\","
      + "\"filters\":{\"event\":\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},"
      + "\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"webhook\","
      + "\"url\":\"https://hooks.example.com/herald\"},{\"type\":\"email\",\"subject\":\"Hi\",\"text\":\"Hello\"}]}";
  private final Clock clock = Clock.systemUTC();
  private StandInApi api;
  private DynamoDbMessages messages;
  private DynamoDbStatusCounters stats;
  private String id;

  @BeforeEach
  void distribution() {
    api = new StandInApi();
    var dynamo = StandIns.dynamo(api.env);
    messages = new DynamoDbMessages(dynamo, api.env.get("MESSAGES_TABLE"), clock);
    stats = new DynamoDbStatusCounters(dynamo, api.env.get("STATS_TABLE"), clock);
    id = ok(201, api.call("POST", "/v1/distributions", DISTRIBUTION)).path("id").asText();
  }

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aNewDistributionsSummaryHasNoRatesNoRecountAndEveryDayOfTheRange() {
    JsonNode summary = ok(200, api.call("GET", "/v1/distributions/" + id + "/summary", null));

    assertThat(summary.path("reconciled_at").isNull()).isTrue();
    assertThat(summary.path("rates").path("delivery").isNull()).isTrue();
    assertThat(summary.path("codes_published").isNull()).isTrue();
    assertThat(summary.path("series").path("granularity").asText()).isEqualTo("day");
    assertThat(summary.path("series").path("points")).hasSize(30);
    JsonNode hours = ok(200, api.call("GET", "/v1/distributions/" + id + "/summary?granularity=hour"
        + "&from=2026-12-01T10:30:00Z&to=2026-12-01T13:00:00Z", null));
    assertThat(hours.path("series").path("points")).hasSize(4);
    assertThat(hours.path("series").path("from").asText()).isEqualTo("2026-12-01T10:00:00Z");
  }

  @Test
  void aBadRangeIs400NamingItsField() {
    String summary = "/v1/distributions/" + id + "/summary";
    assertRefused(summary + "?granularity=week", "granularity");
    assertRefused(summary + "?from=yesterday", "from");
    assertRefused(summary + "?to=2026-13-01", "to");
    assertRefused(summary + "?from=2026-12-02&to=2026-12-01", "from");
    assertRefused(summary + "?granularity=hour&from=2026-01-01&to=2026-12-01", "from");
    assertRefused("/v1/distributions/" + id + "/messages?status=LOST", "status");
    assertRefused("/v1/stats?from=2020-01-01&to=2026-01-01", "from");
    assertRefused("/v1/stats?granularity=hour", "granularity");
    assertThat(api.call("GET", "/v1/distributions/dist_nope/summary", null).getStatusCode()).isEqualTo(404);
  }

  @Test
  void theRecountRepairsTheCountersAndGivesReasonsAndTheMessagesPerHour() {
    String sent = message("cust_1", "webhook", MessageStatus.SENT, null);
    message("cust_2", "webhook", MessageStatus.FAILED, "http_404");
    message("cust_3", "webhook", MessageStatus.FAILED, "http_404");
    message("cust_4", "email", MessageStatus.SKIPPED, "no_consent");
    stats.moved(id, "webhook", MessageStatus.SENDING, MessageStatus.SENT);   // a count a crash left wrong
    stats.moved(id, "sms", null, MessageStatus.QUEUED);                      // and one for no message at all

    JsonNode before = ok(200, api.call("GET", "/v1/distributions/" + id + "/summary", null));
    assertThat(before.path("totals").path("SENT").asLong()).isEqualTo(2);
    new ReconcileStats(messages, stats, new DynamoDbDistributions(StandIns.dynamo(api.env),
        api.env.get("DISTRIBUTIONS_TABLE"), TestChannels.with().build()),
        new DynamoDbActivity(StandIns.dynamo(api.env), api.env.get("ACTIVITY_TABLE")), clock)
        .reconcile(id, () -> true);
    JsonNode after = ok(200, api.call("GET", "/v1/distributions/" + id + "/summary?granularity=hour", null));

    assertThat(after.path("totals")).isEqualTo(Json.parse("{\"SENT\":1,\"FAILED\":2,\"SKIPPED\":1}"));
    assertThat(after.path("channels").path("webhook")).isEqualTo(Json.parse("{\"SENT\":1,\"FAILED\":2}"));
    assertThat(after.path("channels").path("sms")).isEqualTo(Json.parse("{}"));
    assertThat(after.path("reconciled_at").asText()).isNotBlank();
    assertThat(after.path("top_reasons")).isEqualTo(Json.parse("{\"FAILED\":[{\"reason\":\"http_404\",\"count\":2}],"
        + "\"SKIPPED\":[{\"reason\":\"no_consent\",\"count\":1}]}"));
    assertThat(after.path("rates").path("delivery").asDouble()).isEqualTo(0.3333);
    String thisHour = Instant.now().truncatedTo(ChronoUnit.HOURS).toString();
    JsonNode last = after.path("series").path("points").get(after.path("series").path("points").size() - 1);
    assertThat(last.path("at").asText()).isEqualTo(thisHour);
    assertThat(last.path("counts")).isEqualTo(after.path("totals"));

    JsonNode failed = ok(200, api.call("GET", "/v1/distributions/" + id + "/messages?status=FAILED&channel=webhook",
        null));
    assertThat(failed.path("data")).hasSize(2);
    assertThat(failed.path("data").get(0).path("attempts").asInt()).isEqualTo(1);
    JsonNode mine = ok(200, api.call("GET", "/v1/distributions/" + id + "/messages?customer_id=cust_1", null));
    assertThat(mine.path("data")).hasSize(1);
    assertThat(mine.path("data").get(0).path("id").asText()).isEqualTo(sent);
  }

  @Test
  void aFailedMessageIsRetriedOnceEvenTwiceAtOnceAndASentOneNever() throws Exception {
    String failed = message("cust_1", "webhook", MessageStatus.FAILED, "http_500");
    String sent = message("cust_2", "webhook", MessageStatus.SENT, null);
    String unknown = message("cust_3", "email", MessageStatus.FAILED, "outcome_unknown");

    ExecutorService two = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> answers = List.of(1, 2).stream().map(i -> two.submit(() -> {
      start.await();
      return api.call("POST", "/v1/messages/" + failed + "/retry", null).getStatusCode();
    })).toList();
    start.countDown();
    List<Integer> codes = List.of(answers.get(0).get(), answers.get(1).get());
    two.shutdown();

    assertThat(codes).containsExactlyInAnyOrder(202, 409);
    assertThat(api.queued("SEND_QUEUE_URL")).isEqualTo(1);
    assertThat(messages.get(failed).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
    assertThat(stats.of(id).get("webhook")).containsEntry(MessageStatus.FAILED, 0L)
        .containsEntry(MessageStatus.QUEUED, 1L);
    JsonNode refused = Json.parse(api.call("POST", "/v1/messages/" + sent + "/retry", null).getBody());
    assertThat(refused.path("code").asText()).isEqualTo("not_retryable");
    assertThat(Json.parse(api.call("POST", "/v1/messages/" + unknown + "/retry", null).getBody()).path("code")
        .asText()).isEqualTo("outcome_unknown");
    assertThat(api.call("POST", "/v1/messages/msg_nope/retry", null).getStatusCode()).isEqualTo(404);
    assertThat(api.call("POST", "/v1/distributions/dist_nope/retry", null).getStatusCode()).isEqualTo(404);
    assertThat(api.queued("SEND_QUEUE_URL")).isEqualTo(1);
  }

  @Test
  void aDistributionsFailedMessagesAreRetriedPageByPage() {
    for (int i = 0; i < 3; i++) message("cust_" + i, "webhook", MessageStatus.FAILED, "http_500");
    message("cust_9", "webhook", MessageStatus.SENT, null);

    JsonNode done = ok(202, api.call("POST", "/v1/distributions/" + id + "/retry", null));

    assertThat(done.path("retried").asInt()).isEqualTo(3);
    assertThat(done.path("next_cursor").isNull()).isTrue();
    assertThat(api.queued("SEND_QUEUE_URL")).isEqualTo(3);
    assertThat(ok(202, api.call("POST", "/v1/distributions/" + id + "/retry", null)).path("retried").asInt()).isZero();
  }

  @Test
  void aSecondOpenCountsOnceAndChangesNoStatusAndTheRatesShowIt() {
    String email = message("cust_1", "email", MessageStatus.SENT, null);
    message("cust_2", "email", MessageStatus.SENT, null);
    var feedback = new RecordFeedback(messages, new DynamoDbSuppressions(StandIns.dynamo(api.env),
        api.env.get("SUPPRESSIONS_TABLE")), stats, clock);
    for (RecordFeedback.Kind kind : List.of(RecordFeedback.Kind.OPEN, RecordFeedback.Kind.OPEN,
        RecordFeedback.Kind.CLICK)) {
      feedback.record(new RecordFeedback.Feedback(email, kind, null, null, null, List.of("ada@mail.example")));
    }

    Message m = messages.get(email).orElseThrow();
    assertThat(m.status()).isEqualTo(MessageStatus.SENT);
    assertThat(m.openedAt()).isNotNull();
    assertThat(m.clickedAt()).isNotNull();
    JsonNode summary = ok(200, api.call("GET", "/v1/distributions/" + id + "/summary", null));
    assertThat(summary.path("engagement").path("opened").asInt()).isEqualTo(1);
    assertThat(summary.path("engagement").path("channels").path("email").path("clicked").asInt()).isEqualTo(1);
    assertThat(summary.path("rates").path("open").asDouble()).isEqualTo(0.5);
    assertThat(summary.path("rates").path("click").asDouble()).isEqualTo(0.5);
    JsonNode listed = ok(200, api.call("GET", "/v1/distributions/" + id + "/messages?customer_id=cust_1", null));
    assertThat(listed.path("data").get(0).path("opened_at").asText()).isEqualTo(m.openedAt().toString());
  }

  @Test
  void theAccountsStatsCountEachDaysMovesPerChannelAndStatus() {
    message("cust_1", "webhook", MessageStatus.SENT, null);
    message("cust_2", "email", MessageStatus.FAILED, "rejected");
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    JsonNode days = ok(200, api.call("GET", "/v1/stats?from=" + today + "&to=" + today, null));

    assertThat(days.path("days")).hasSize(1);
    JsonNode day = days.path("days").get(0);
    assertThat(day.path("date").asText()).isEqualTo(today);
    assertThat(day.path("channels").path("webhook").path("SENT").asLong()).isEqualTo(1);
    assertThat(day.path("channels").path("email").path("FAILED").asLong()).isEqualTo(1);
    assertThat(days.path("totals")).isEqualTo(Json.parse("{\"SENT\":1,\"FAILED\":1}"));
    assertThat(ok(200, api.call("GET", "/v1/stats", null)).path("days")).hasSize(30);
  }

  /** A message as the sender leaves it (claimed, finished), its counts moved as the sender moves them. */
  private String message(String customer, String channel, MessageStatus status, String reason) {
    TriggerEvent event = new TriggerEvent("evt_" + customer, "customer.custom_event", Instant.now(),
        new TriggerEvent.CustomerRef(customer, "src-" + customer), Map.of("event", "signed_up"));
    SendJob job = new SendJob(id, channel, customer, event);
    messages.claim(Message.sending(job, clock.instant()));
    stats.moved(id, channel, null, MessageStatus.SENDING);
    messages.finish(job.messageId(), status, reason, null);
    stats.moved(id, channel, MessageStatus.SENDING, status);
    return job.messageId();
  }

  private void assertRefused(String path, String field) {
    var response = api.call("GET", path, null);
    assertThat(response.getStatusCode()).as(path + " " + response.getBody()).isEqualTo(400);
    assertThat(Json.parse(response.getBody()).path("field").asText()).as(path).isEqualTo(field);
  }

  private static JsonNode ok(int status, com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse r) {
    assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
    return Json.parse(r.getBody());
  }
}
