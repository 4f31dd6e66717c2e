package herald.api;

import static herald.properties.Generators.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Env;
import herald.platform.Json;
import herald.properties.Theories;
import herald.testing.EventFiles;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random and half-valid JSON thrown at the two write endpoints that take the most input: the answer is
 * never a 5xx, and a refused call leaves no trace (nothing stored, nothing put on the bus).
 */
class RandomInputPropertiesTest {
  private static Env env;
  private static ApiHandler api;
  private static RecordingEventBridge bus;

  @BeforeAll
  static void start() {
    bus = new RecordingEventBridge();
    env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    api = new ApiHandler(env);
  }

  @AfterAll
  static void stop() {
    bus.close();
  }

  @Test
  void aDistributionBodyIsNeverA5xxAndARefusalStoresNothing() {
    Theories.check(300, distributionBodies(), RandomInputPropertiesTest::createsOrStoresNothing);
  }

  private static void createsOrStoresNothing(String body) {
    long before = count("DISTRIBUTIONS_TABLE");
    APIGatewayV2HTTPResponse response = post("/v1/distributions", body);
    assertThat(response.getStatusCode()).as(body + " -> " + response.getBody()).isLessThan(500);
    if (response.getStatusCode() >= 400) {
      assertError(response);
      assertThat(count("DISTRIBUTIONS_TABLE")).isEqualTo(before);
    }
  }

  @Test
  void anEventBodyIsNeverA5xxAndARefusalPutsNothingOnTheBus() {
    Theories.check(300, eventBodies(), RandomInputPropertiesTest::acceptsOrPutsNothing);
  }

  private static void acceptsOrPutsNothing(String body) {
    long customers = count("CUSTOMERS_TABLE");
    long keys = count("EVENT_KEYS_TABLE");
    int events = bus.entries().size();
    APIGatewayV2HTTPResponse response = post("/v1/events", body);
    assertThat(response.getStatusCode()).as(body + " -> " + response.getBody()).isLessThan(500);
    if (response.getStatusCode() >= 400) {
      assertError(response);
      assertThat(count("CUSTOMERS_TABLE")).isEqualTo(customers);
      assertThat(count("EVENT_KEYS_TABLE")).isEqualTo(keys);
      assertThat(bus.entries()).hasSize(events);
    }
  }

  private static Gen<String> distributionBodies() {
    return oneOf(RandomJson.values(3).map(JsonNode::toString), RandomJson.garbage(),
        RandomJson.mutationsOf(valid("api-create-distribution.json"), Fields.DISTRIBUTION));
  }

  private static Gen<String> eventBodies() {
    return oneOf(RandomJson.values(3).map(JsonNode::toString), RandomJson.garbage(),
        RandomJson.mutationsOf(valid("api-post-event.json"), Fields.EVENT));
  }

  private static ObjectNode valid(String eventFile) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EventFiles.path(eventFile).toString());
    return (ObjectNode) Json.parse(event.getBody());
  }

  private static APIGatewayV2HTTPResponse post(String path, String body) {
    return api.handleRequest(TestRequests.event("POST", path, body, TestRequests.bearer("herald-local-key")), null);
  }

  private static void assertError(APIGatewayV2HTTPResponse response) {
    JsonNode error = Json.parse(response.getBody());
    assertThat(error.path("code").asText()).isNotBlank();
    assertThat(error.path("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static long count(String table) {
    return StandIns.dynamo(env).scan(r -> r.tableName(env.get(table)).select("COUNT")).count();
  }

  /** Field names worth mutating, so that half-valid bodies reach deep validation. */
  static final class Fields {
    static final List<String> DISTRIBUTION = List.of("name", "description", "trigger", "type", "filters", "event",
        "segment_id", "pattern", "audience", "action", "campaign_id", "channels", "subject", "html", "text", "url",
        "secret", "headers", "payload");
    static final List<String> EVENT = List.of("event", "customer", "source_id", "email", "name", "phone", "metadata",
        "data", "id", "plan");

    private Fields() {}
  }
}
