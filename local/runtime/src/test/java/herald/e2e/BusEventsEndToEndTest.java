package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.AwsCli;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Events put straight on the bus, as the README shows it, with the AWS CLI (Debian's awscli, which .ci/run installs)
 * against the local runtime: PutEvents answers success whatever the detail (as EventBridge does), a valid event
 * given by its customer's source_id alone counts for that customer, and an invalid one is listed at
 * GET /v1/events/rejected with its reason.
 */
class BusEventsEndToEndTest {
  private static LocalRuntime runtime;
  private static Http api;

  @BeforeAll
  static void start() {
    AwsCli.executable();
    runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template()));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
  }

  @AfterAll
  static void stop() {
    if (runtime != null) runtime.close();
  }

  @Test
  void anEventGivenByTheCustomersSourceIdAloneCountsForThatCustomer() throws Exception {
    String source = "bus-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode answer = putEvents("customer.custom_event", "{\"id\":\"evt-" + source + "\",\"created_at\":"
        + "\"2026-12-01T10:00:00Z\",\"customer\":{\"source_id\":\"" + source + "\"},\"data\":{\"event\":\"signed_up\"}}");

    assertThat(answer.path("FailedEntryCount").asInt()).isZero();
    await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/customers?source_id=" + source).status() == 200);
    JsonNode customer = api.get("/v1/customers?source_id=" + source).body();
    assertThat(customer.path("events").path("signed_up").path("count").asInt()).isEqualTo(1);
    assertThat(rejectedIds()).doesNotContain("evt-" + source);
  }

  @Test
  void anInvalidEventAnswersSuccessOnTheBusAndIsListedAsRejectedWithItsReason() throws Exception {
    String id = "evt-bad-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode answer = putEvents("customer.custom_event", "{\"id\":\"" + id + "\",\"created_at\":"
        + "\"2026-12-01T10:00:00Z\",\"customer\":{\"email\":\"ada@example.com\"},\"data\":{\"event\":\"signed_up\"}}");

    assertThat(answer.path("FailedEntryCount").asInt()).isZero();
    await().atMost(Duration.ofSeconds(20)).until(() -> rejectedIds().contains(id));
    JsonNode rejected = rejected(id);
    assertThat(rejected.path("reason").path("code").asText()).isEqualTo("missing_field");
    assertThat(rejected.path("reason").path("field").asText()).isEqualTo("detail.customer.source_id");
    assertThat(rejected.path("event").path("type").asText()).isEqualTo("customer.custom_event");
    assertThat(rejected.path("event").path("source").asText()).isEqualTo("shop.backend");
    assertThat(rejected.toString()).doesNotContain("ada@example.com");
  }

  private static List<String> rejectedIds() {
    return Json.MAPPER.convertValue(api.get("/v1/events/rejected?limit=100").body().path("data"), List.class)
        .stream().map(r -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) r).get("event")).get("id"))).toList();
  }

  private static JsonNode rejected(String eventId) {
    for (JsonNode r : api.get("/v1/events/rejected?limit=100").body().path("data")) {
      if (r.path("event").path("id").asText().equals(eventId)) return r;
    }
    throw new AssertionError("not listed: " + eventId);
  }

  /** {@code aws events put-events} against the local runtime's bus endpoint, as the README shows it. */
  private static JsonNode putEvents(String type, String detail) throws Exception {
    String entries = Json.MAPPER.writeValueAsString(List.of(Map.of("EventBusName", "herald-local",
        "Source", "shop.backend", "DetailType", type, "Detail", detail)));
    ProcessBuilder process = new ProcessBuilder(AwsCli.executable(), "events", "put-events", "--endpoint-url",
        runtime.endpoints().aws(), "--region", "us-east-1", "--output", "json", "--entries", entries)
        .redirectErrorStream(true);
    process.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
        "AWS_PAGER", "", "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"));
    Process started = process.start();
    String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(started.waitFor()).as(out).isZero();
    return Json.parse(out.substring(out.indexOf('{')));
  }
}
