package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.json.JobJson;
import herald.domain.intake.ImportJob;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /v1/customers/import through the api function: the file read, cut into parts and queued, or refused. */
class ImportApiTest {
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  private Env env;
  private ApiHandler api;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
  }

  static String csv(int rows) {
    StringBuilder csv = new StringBuilder("source_id,name,email,metadata.plan\n");
    for (int i = 0; i < rows; i++) csv.append("crm-").append(i).append(",Customer ").append(i).append(",c").append(i)
        .append("@example.com,gold\n");
    return csv.toString();
  }

  @Test
  void acceptsACsvFileLargerThanOtherBodiesAndQueuesItInPartsOf500Rows() {
    String file = csv(6_000);
    assertThat(file.length()).isGreaterThan(Router.MAX_BODY_BYTES);

    APIGatewayV2HTTPResponse accepted = call("POST", "/v1/customers/import", file, "text/csv; charset=utf-8");

    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(202);
    JsonNode body = Json.parse(accepted.getBody());
    String id = body.path("async_action_id").asText();
    assertThat(id).startsWith("act_");
    assertThat(body.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(accepted.getHeaders()).containsEntry("location", "/v1/async-actions/" + id);
    List<ImportJob> parts = queued();
    assertThat(parts).hasSize(12).allSatisfy(p -> assertThat(p.actionId()).isEqualTo(id));
    assertThat(parts.stream().mapToInt(p -> p.rows().size()).sum()).isEqualTo(6_000);
    JsonNode action = Json.parse(call("GET", "/v1/async-actions/" + id, null, null).getBody());
    assertThat(action.path("type").asText()).isEqualTo("customers.import");
    assertThat(action.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(action.path("progress")).isEqualTo(Json.parse("{\"imported\":0,\"parts_done\":0,\"parts_total\":12,"
        + "\"rejected\":0,\"rows_read\":6000,\"unchanged\":0}"));
    assertThat(action.path("finished_at").isNull()).isTrue();
  }

  @Test
  void acceptsNdjsonUnderBothItsNames() {
    for (String type : List.of("application/x-ndjson", "application/ndjson")) {
      APIGatewayV2HTTPResponse accepted = call("POST", "/v1/customers/import",
          "{\"source_id\":\"crm-1\"}\n{\"source_id\":\"crm-2\"}\n", type);
      assertThat(accepted.getStatusCode()).as(type).isEqualTo(202);
    }
    assertThat(queued()).hasSize(2);
  }

  @Test
  void refusesAFileItCannotImportWithTheFieldAtFaultAndCreatesNothing() {
    assertError(call("POST", "/v1/customers/import", csv(2), null), 415, "unsupported_media_type", "content-type");
    assertError(call("POST", "/v1/customers/import", "{\"source_id\":\"x\"}", "application/json"), 415,
        "unsupported_media_type", "content-type");
    assertError(call("POST", "/v1/customers/import", null, "text/csv"), 400, "empty_file", "body");
    assertError(call("POST", "/v1/customers/import", "source_id,name\n", "text/csv"), 400, "empty_file", "body");
    assertError(call("POST", "/v1/customers/import", "\n\n", "application/x-ndjson"), 400, "empty_file", "body");
    assertError(call("POST", "/v1/customers/import", "name,email\nAda,ada@example.com\n", "text/csv"), 400,
        "missing_column", "source_id");
    assertError(call("POST", "/v1/customers/import", "source_id,shoe_size\n1,44\n", "text/csv"), 400,
        "unknown_column", "shoe_size");

    assertThat(queued()).isEmpty();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("ASYNC_ACTIONS_TABLE"))).count()).isZero();
  }

  @Test
  void refusesMoreThanAMillionRowsAndImportsNone() {
    StringBuilder file = new StringBuilder("source_id\n");
    for (int i = 0; i <= 1_000_000; i++) file.append(i).append('\n');

    assertError(call("POST", "/v1/customers/import", file.toString(), "text/csv"), 413, "too_many_rows", "body");

    assertThat(queued()).isEmpty();
    assertThat(StandIns.dynamo(env).scan(r -> r.tableName(env.get("ASYNC_ACTIONS_TABLE"))).count()).isZero();
  }

  @Test
  void anUnknownAsyncActionIsNotFound() {
    assertError(call("GET", "/v1/async-actions/act_nothing", null, null), 404, "not_found", "id");
  }

  private List<ImportJob> queued() {
    var sqs = StandIns.sqs(env);
    List<ImportJob> jobs = new ArrayList<>();
    for (int empty = 0; empty < 2; ) {
      var messages = sqs.receiveMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).maxNumberOfMessages(10)
          .visibilityTimeout(30).waitTimeSeconds(1)).messages();
      if (messages.isEmpty()) empty++;
      messages.forEach(m -> jobs.add((ImportJob) JobJson.parse(m.body())));
    }
    return jobs;
  }

  private APIGatewayV2HTTPResponse call(String method, String pathAndQuery, String body, String contentType) {
    Map<String, String> headers = TestRequests.bearer("herald-local-key");
    if (contentType != null) headers.put("content-type", contentType);
    var event = TestRequests.event(method, pathAndQuery, body, headers);
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    OPENAPI.check(method, event.getRawPath(), response.getStatusCode(), response.getBody());
    return response;
  }

  private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    JsonNode body = Json.parse(response.getBody());
    assertThat(body.path("code").asText()).isEqualTo(code);
    assertThat(body.path("field").asText()).isEqualTo(field);
  }
}
