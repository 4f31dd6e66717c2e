package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.LocalRuntime;
import herald.local.Options;

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
      runtime = LocalRuntime.start(Options.forTests(FirstDistributionEndToEndTest.template()));
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
