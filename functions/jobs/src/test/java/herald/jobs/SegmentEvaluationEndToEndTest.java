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

/** A segment's rules re-evaluated over every customer in the background: api → jobs queue → jobs function. */
class SegmentEvaluationEndToEndTest {
  private final RecordingEventBridge bus = new RecordingEventBridge();
  private Api api;
  private QueueRunner jobs;

  @BeforeEach
  void freshStandIns() {
    Env env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new Api(env);
    jobs = new QueueRunner(env);
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
    JsonNode segment = api.json("POST", "/v1/segments", "{\"name\":\"Gold\",\"type\":\"auto-update\",\"rules\":"
        + "{\"field\":\"metadata.plan\",\"operator\":\"equals\",\"value\":\"gold\"}}", "application/json", 201);
    String first = segment.at("/evaluation/async_action_id").asText();
    jobs.drain(true, 300_000);

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
    jobs.drain();

    assertThat(api.action(second).path("progress")).isEqualTo(Json.parse("{\"customers_evaluated\":30,"
        + "\"entered\":20,\"left\":10,\"parts_total\":4,\"parts_done\":4}"));
    assertThat(entered()).isEqualTo(30);
    assertThat(api.json("GET", "/v1/segments/" + id, null, null, 200).path("member_count").asInt()).isEqualTo(20);
  }

  private long entered() {
    return bus.entries().stream().filter(e -> e.path("DetailType").asText().equals("customer.segment.entered")).count();
  }
}
