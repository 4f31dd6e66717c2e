package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/async-actions/{id}: progress and the rejected rows, paged, every answer checked against the document. */
class AsyncActionApiTest {
  private static final OpenApiResponses OPENAPI = OpenApiResponses.load();
  private Env env;
  private ApiHandler api;
  private DynamoDbAsyncActions actions;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
    actions = new DynamoDbAsyncActions(StandIns.dynamo(env), env.get("ASYNC_ACTIONS_TABLE"), Clock.systemUTC());
  }

  @Test
  void showsTheRejectedRowsAsTheyAreRecordedPageByPageAndDoneAtTheEnd() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, Clock.systemUTC().instant()));
    actions.total("act_1", 2, Map.of("rows_read", 7L));
    actions.record("act_1", new Progress("0@2", "0", Map.of("imported", 2L, "rejected", 3L), List.of(
        new RejectedRow(3, "invalid_email", "email", "email is not an email address"),
        new RejectedRow(4, "wrong_column_count", null, "the row has 2 fields where the header has 3"),
        new RejectedRow(6, "missing_field", "source_id", "source_id is required"))));

    JsonNode first = get("/v1/async-actions/act_1?limit=2");
    assertThat(first.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(first.path("progress").path("parts_done").asInt()).isEqualTo(1);
    assertThat(first.path("rejected_rows")).isEqualTo(Json.parse("""
        [{"line":3,"code":"invalid_email","field":"email","message":"email is not an email address"},
         {"line":4,"code":"wrong_column_count","field":null,"message":"the row has 2 fields where the header has 3"}]
        """));
    JsonNode second = get("/v1/async-actions/act_1?limit=2&cursor=" + first.path("next_cursor").asText());
    assertThat(second.path("rejected_rows").findValuesAsText("code")).containsExactly("missing_field");
    assertThat(second.path("next_cursor").isNull()).isTrue();

    actions.record("act_1", new Progress("1@8", "1", Map.of("imported", 1L, "unchanged", 1L), List.of()));

    JsonNode done = get("/v1/async-actions/act_1");
    assertThat(done.path("status").asText()).isEqualTo("DONE");
    assertThat(done.path("finished_at").asText()).isNotEmpty();
    assertThat(done.path("progress")).isEqualTo(Json.parse("{\"imported\":3,\"parts_done\":2,\"parts_total\":2,"
        + "\"rejected\":3,\"rows_read\":7,\"unchanged\":1}"));
    assertThat(done.path("rejected_rows")).hasSize(3);
  }

  @Test
  void aSegmentEvaluationShowsItsOwnCounters() {
    actions.create(AsyncAction.start("act_2", AsyncActionType.SEGMENT_EVALUATION, 4, Clock.systemUTC().instant()));

    JsonNode action = get("/v1/async-actions/act_2");

    assertThat(action.path("type").asText()).isEqualTo("segment.evaluation");
    assertThat(action.path("progress")).isEqualTo(Json.parse("{\"customers_evaluated\":0,\"entered\":0,\"left\":0,"
        + "\"parts_done\":0,\"parts_total\":4}"));
    assertThat(action.path("rejected_rows")).isEmpty();
  }

  @Test
  void refusesACursorItDidNotGiveAndALimitOver1000() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, Clock.systemUTC().instant()));
    assertThat(call("/v1/async-actions/act_1?cursor=bm9wZQ").getStatusCode()).isEqualTo(400);
    assertThat(call("/v1/async-actions/act_1?limit=1001").getStatusCode()).isEqualTo(400);
  }

  private JsonNode get(String path) {
    APIGatewayV2HTTPResponse response = call(path);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.parse(response.getBody());
  }

  private APIGatewayV2HTTPResponse call(String pathAndQuery) {
    var event = TestRequests.event("GET", pathAndQuery, null, TestRequests.bearer("herald-local-key"));
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    OPENAPI.check("GET", event.getRawPath(), response.getStatusCode(), response.getBody());
    return response;
  }
}
