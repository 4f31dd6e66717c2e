package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.LocalRuntime;
import herald.local.Options;
import java.time.Duration;

/**
 * One local runtime shared by the marketing tools' end-to-end tests of a test JVM: started on first use, closed
 * when the JVM exits, so four tools cost one start. Each test saves its own integration, pointed through {@code
 * api_base_url} at its own stub server on 127.0.0.1 (on the local runtime's webhook allowlist), and its own
 * distribution.
 */
final class ToolsRuntime {
  private static LocalRuntime runtime;
  private static Http api;

  private ToolsRuntime() {}

  static synchronized Http api() {
    if (runtime == null) {
      runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template()));
      api = new Http(runtime.apiUrl(), runtime.apiKey());
      LocalRuntime started = runtime;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    }
    return api;
  }

  /** Saves an integration of the tool, answered 201, and returns its id. */
  static String integration(String body) {
    Http.Reply reply = api().post("/v1/integrations", body);
    assertThat(reply.status()).as("integration %s", reply.body()).isEqualTo(201);
    return reply.body().path("id").asText();
  }

  /** A campaign of five codes ({@code <prefix>XXXXXX}), once generated: its id. */
  static String campaign(String name, String prefix) {
    Http.Reply created = api().post("/v1/campaigns", "{\"name\":\"" + name + "\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"prefix\":\"" + prefix + "\",\"length\":6,\"charset\":\"uppercase\"},\"codes_count\":5}");
    assertThat(created.status()).as("campaign %s", created.body()).isEqualTo(201);
    String generation = created.body().path("generation").path("async_action_id").asText();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> api().get("/v1/async-actions/" + generation).body().path("status").asText().equals("DONE"));
    return created.body().path("id").asText();
  }

  /** An active distribution publishing a code of the campaign on the custom event {@code event}, by one channel. */
  static String codeDistribution(String name, String event, String campaignId, String channel) {
    return activeDistribution("{\"name\":\"" + name + "\",\"trigger\":{\"type\":\"customer.custom_event\","
        + "\"filters\":{\"event\":\"" + event + "\"}},\"audience\":{\"type\":\"event_customer\"},\"action\":"
        + "{\"type\":\"publish_code\",\"campaign_id\":\"" + campaignId + "\"},\"channels\":[" + channel + "]}")
        .path("id").asText();
  }

  /** Creates and activates a distribution, and returns it as activated. */
  static JsonNode activeDistribution(String body) {
    Http.Reply created = api().post("/v1/distributions", body);
    assertThat(created.status()).as("distribution %s", created.body()).isEqualTo(201);
    String id = created.body().path("id").asText();
    Http.Reply activated = api().post("/v1/distributions/" + id + "/activate", null);
    assertThat(activated.status()).as("activation %s", activated.body()).isEqualTo(200);
    return activated.body();
  }
}
