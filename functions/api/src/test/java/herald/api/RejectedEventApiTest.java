package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.dynamodb.DynamoDbRejectedEvents;
import herald.domain.events.RejectedEvent;
import herald.domain.events.RejectedEvents;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/events/rejected: the bus events the trigger function rejected, newest first, 14 days. */
class RejectedEventApiTest {
  private static final Instant NOW = Instant.now();
  private static OpenApiResponses openApi;
  private Env env;
  private ApiHandler api;
  private DynamoDbRejectedEvents store;

  @BeforeAll
  static void document() {
    openApi = OpenApiResponses.of(OpenApiDoc.read());
  }

  @BeforeEach
  void fresh() {
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test");
    api = new ApiHandler(env);
    store = new DynamoDbRejectedEvents(StandIns.dynamo(env), env.get("REJECTED_EVENTS_TABLE"), Clock.systemUTC());
  }

  @Test
  void listsRejectionsNewestFirstPageByPageWithTheirReasonAndEvent() {
    for (int i = 0; i < 7; i++) {
      store.record(new RejectedEvent("rej_" + i, "evt_" + i, "customer.order.paid", "shop.orders",
          NOW.minusSeconds(600 - i * 60L).plusMillis(i % 2 == 0 ? 0 : 500), i == 3 ? null : "cust_" + i,
          "invalid_event_data", "detail.data.order", "detail.data.order is required", NOW));
    }

    List<String> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = get("/v1/events/rejected?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      page.path("data").forEach(r -> ids.add(r.path("id").asText()));
      cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
      pages++;
    } while (cursor != null);

    assertThat(ids).containsExactly("rej_6", "rej_5", "rej_4", "rej_3", "rej_2", "rej_1", "rej_0");
    assertThat(pages).isEqualTo(3);
    JsonNode first = get("/v1/events/rejected").path("data").get(0);
    assertThat(first.path("reason").path("code").asText()).isEqualTo("invalid_event_data");
    assertThat(first.path("reason").path("field").asText()).isEqualTo("detail.data.order");
    assertThat(first.path("event").path("id").asText()).isEqualTo("evt_6");
    assertThat(first.path("event").path("type").asText()).isEqualTo("customer.order.paid");
    assertThat(first.path("event").path("source").asText()).isEqualTo("shop.orders");
    assertThat(Instant.parse(first.path("event").path("time").asText())).isEqualTo(NOW.minusSeconds(240));
  }

  @Test
  void keepsEachFor14DaysWithADynamoDbTimeToLiveAndNeverShowsOneOlder() {
    store.record(new RejectedEvent("rej_old", "evt_old", "customer.custom_event", "shop", null, null,
        "missing_field", "detail.id", "id is required", NOW.minus(RejectedEvents.KEPT).minusSeconds(5)));
    store.record(new RejectedEvent("rej_new", null, "customer.custom_event", null, null, null,
        "missing_field", "detail.id", "id is required", NOW));

    assertThat(get("/v1/events/rejected").path("data")).extracting(r -> r.path("id").asText())
        .containsExactly("rej_new");
    var item = StandIns.dynamo(env).scan(r -> r.tableName(env.get("REJECTED_EVENTS_TABLE"))).items().stream()
        .filter(i -> i.get("id").s().equals("rej_new")).findFirst().orElseThrow();
    assertThat(Long.parseLong(item.get("expires_at").n())).isEqualTo(NOW.plus(RejectedEvents.KEPT).getEpochSecond());
  }

  @Test
  void aForeignCursorOrABadLimitIsA400AndTheRouteNeedsAKey() {
    assertThat(call("/v1/events/rejected?cursor=eyJ4IjoieSJ9", "herald-local-key").getStatusCode()).isEqualTo(400);
    assertThat(call("/v1/events/rejected?limit=0", "herald-local-key").getStatusCode()).isEqualTo(400);
    assertThat(call("/v1/events/rejected?limit=101", "herald-local-key").getStatusCode()).isEqualTo(400);
    assertThat(call("/v1/events/rejected", null).getStatusCode()).isEqualTo(401);
  }

  private JsonNode get(String path) {
    APIGatewayV2HTTPResponse response = call(path, "herald-local-key");
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.parse(response.getBody());
  }

  private APIGatewayV2HTTPResponse call(String path, String key) {
    APIGatewayV2HTTPResponse response = api.handleRequest(TestRequests.event("GET", path, null,
        TestRequests.bearer(key)), null);
    openApi.check("GET", path.replaceAll("\\?.*", ""), response.getStatusCode(), response.getBody());
    return response;
  }
}
