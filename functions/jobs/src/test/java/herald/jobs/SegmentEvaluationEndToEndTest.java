package herald.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A segment's rules re-evaluated over every customer in the background: api → segment scans queue → segments
 * function; and the customers an import saved, announced by the jobs function, followed by the segments function.
 */
class SegmentEvaluationEndToEndTest {
  private final RecordingEventBridge bus = new RecordingEventBridge();
  private Api api;
  private QueueRunner jobs;
  private SegmentsRunner segments;

  @BeforeEach
  void freshStandIns() {
    Env env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new Api(env);
    jobs = new QueueRunner(env);
    segments = new SegmentsRunner(env);
  }

  private void importThirty() {
    StringBuilder file = new StringBuilder("source_id,metadata.plan\n");
    for (int i = 0; i < 30; i++) file.append("c-").append(i).append(',').append(i % 3 == 0 ? "gold" : "silver").append('\n');
    api.startImport(file.toString(), "text/csv");
    jobs.drain();
  }

  @AfterEach
  void stop() {
    bus.close();
  }

  @Test
  void newRulesReEvaluateEveryCustomerAndPutOneEventPerChange() {
    importThirty();
    assertThat(segments.changes()).as("every customer imported, announced").isEqualTo(30);
    JsonNode segment = api.json("POST", "/v1/segments", "{\"name\":\"Gold\",\"type\":\"auto-update\",\"rules\":"
        + "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}}", "application/json", 201);
    String first = segment.at("/evaluation/async_action_id").asText();
    assertThat(segments.scans(true)).as("one run a part, each delivered twice").isEqualTo(4);

    JsonNode evaluated = api.action(first);
    assertThat(evaluated.path("type").asText()).isEqualTo("segment.evaluation");
    assertThat(evaluated.path("status").asText()).isEqualTo("DONE");
    assertThat(evaluated.path("progress")).isEqualTo(Json.parse("{\"customers_evaluated\":30,\"entered\":10,"
        + "\"left\":0,\"parts_total\":4,\"parts_done\":4}"));
    assertThat(entered()).isEqualTo(10);
    String id = segment.path("id").asText();
    assertThat(api.json("GET", "/v1/segments/" + id, null, null, 200).path("member_count").asInt()).isEqualTo(10);

    JsonNode edited = api.json("PUT", "/v1/segments/" + id, "{\"version\":" + segment.path("version").asLong()
        + ",\"rules\":{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"silver\"}}", "application/json",
        200);
    String second = edited.at("/evaluation/async_action_id").asText();
    assertThat(second).isNotEqualTo(first);
    segments.scans();

    assertThat(api.action(second).path("progress")).isEqualTo(Json.parse("{\"customers_evaluated\":30,"
        + "\"entered\":20,\"left\":10,\"parts_total\":4,\"parts_done\":4}"));
    assertThat(entered()).isEqualTo(30);
    assertThat(api.json("GET", "/v1/segments/" + id, null, null, 200).path("member_count").asInt()).isEqualTo(20);
  }

  @Test
  void theCustomersAnImportSavedEnterTheSegmentsTheyMatchThroughTheirAnnouncements() {
    JsonNode segment = api.json("POST", "/v1/segments", "{\"name\":\"Gold\",\"type\":\"auto-update\",\"rules\":"
        + "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}}", "application/json", 201);
    segments.scans();

    importThirty();
    assertThat(entered()).as("the jobs function evaluates nothing").isZero();
    assertThat(segments.changes()).isEqualTo(30);

    assertThat(entered()).isEqualTo(10);
    assertThat(api.json("GET", "/v1/segments/" + segment.path("id").asText(), null, null, 200).path("member_count")
        .asInt()).isEqualTo(10);
  }

  private long entered() {
    return bus.entries().stream().filter(e -> e.path("DetailType").asText().equals("customer.segment.entered")).count();
  }
}
