package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.platform.Json;
import herald.testing.StandIns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integrations API on the stand-ins (dynalite and the in-memory Secrets Manager, through the real SDK clients),
 * every answer checked against the OpenAPI document: credentials go to Secrets Manager and never come back, nor
 * reach the table or the logs.
 */
class IntegrationApiTest {
  private static final String KEY = "pk_live_0123456789abcdefSECRET";
  private static final String TOKEN = "dG9rOmludGVyY29tLXNlY3JldC10b2tlbg==";
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
  private final PrintStream stdout = System.out;
  private StandInApi api;

  @BeforeEach
  void start() {
    api = new StandInApi();
    System.setOut(new PrintStream(logs, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setOut(stdout);
  }

  @Test
  void credentialsAreWriteOnlyKeptInSecretsManagerAndNeverInTheTableOrTheLogs() {
    JsonNode created = ok(201, api.call("POST", "/v1/integrations",
        "{\"tool\":\"klaviyo\",\"name\":\"Klaviyo prod\",\"credentials\":{\"private_api_key\":\"" + KEY + "\"}}"));
    String id = created.path("id").asText();

    assertThat(id).startsWith("int_");
    assertThat(created.path("tool").asText()).isEqualTo("klaviyo");
    assertThat(created.path("credentials_set")).isEqualTo(Json.parse("{\"private_api_key_set\":true}"));
    assertThat(created.toString()).doesNotContain(KEY);
    String secretName = api.env.get("HERALD_SECRETS_PREFIX") + "integrations/" + id;
    assertThat(StandIns.get().secretsManager.value(secretName)).contains(KEY);
    assertThat(api.items("INTEGRATIONS_TABLE").toString()).contains(id).doesNotContain(KEY);

    JsonNode renamed = ok(200, api.call("PUT", "/v1/integrations/" + id,
        "{\"tool\":\"klaviyo\",\"name\":\"Klaviyo EU\",\"version\":1}"));
    assertThat(renamed.path("name").asText()).isEqualTo("Klaviyo EU");
    assertThat(renamed.path("credentials_set").path("private_api_key_set").asBoolean()).isTrue();
    assertThat(StandIns.get().secretsManager.value(secretName)).as("a PUT without credentials keeps them")
        .contains(KEY);

    assertThat(ok(200, api.call("GET", "/v1/integrations/" + id, null)).toString()).doesNotContain(KEY);
    JsonNode list = ok(200, api.call("GET", "/v1/integrations?limit=1", null));
    assertThat(list.path("data").get(0).path("id").asText()).isEqualTo(id);
    assertThat(list.path("next_cursor").isNull()).isTrue();
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("integration_created").doesNotContain(KEY);
  }

  @Test
  void eachToolsCredentialsAreCheckedAndARefusedSaveStoresNothing() {
    var before = api.items("INTEGRATIONS_TABLE");
    int secrets = StandIns.get().secretsManager.size();
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"klaviyo\",\"name\":\"k\",\"credentials\":"
        + "{\"private_api_key\":\"abc_public\"}}"), "invalid_value", "credentials.private_api_key");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"mailchimp\",\"name\":\"m\",\"credentials\":"
        + "{\"api_key\":\"0123456789abcdef0123456789abcdef\"}}"), "invalid_value", "credentials.api_key");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"braze\",\"name\":\"b\",\"credentials\":"
        + "{\"api_key\":\"k\",\"rest_endpoint\":\"https://rest.evil.example\"}}"), "invalid_url",
        "credentials.rest_endpoint");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"braze\",\"name\":\"b\",\"credentials\":"
        + "{\"api_key\":\"k\"}}"), "missing_field", "credentials.rest_endpoint");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"intercom\",\"name\":\"i\",\"credentials\":"
        + "{\"access_token\":\"t\",\"region\":\"asia\"}}"), "invalid_value", "credentials.region");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"intercom\",\"name\":\"i\",\"credentials\":"
        + "{\"access_token\":\"t\",\"password\":\"p\"}}"), "unknown_field", "credentials.password");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"hubspot\",\"name\":\"h\",\"credentials\":{\"k\":\"v\"}}"),
        "invalid_value", "tool");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"klaviyo\",\"name\":\"k\"}"), "missing_field",
        "credentials");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"klaviyo\",\"name\":\"k\",\"api_base_url\":"
        + "\"https://169.254.169.254/latest\",\"credentials\":{\"private_api_key\":\"pk_0123456789\"}}"),
        "forbidden_host", "api_base_url");
    refused(api.call("POST", "/v1/integrations", "{\"tool\":\"klaviyo\",\"name\":\"k\",\"api_base_url\":"
        + "\"http://klaviyo.example.com\",\"credentials\":{\"private_api_key\":\"pk_0123456789\"}}"),
        "insecure_url", "api_base_url");

    api.assertUnchanged("INTEGRATIONS_TABLE", before, "refused saves");
    assertThat(StandIns.get().secretsManager.size()).isEqualTo(secrets);
    JsonNode mailchimp = ok(201, api.call("POST", "/v1/integrations", "{\"tool\":\"mailchimp\",\"name\":\"m\","
        + "\"credentials\":{\"api_key\":\"0123456789abcdef0123456789abcdef-us14\"}}"));
    JsonNode braze = ok(201, api.call("POST", "/v1/integrations", "{\"tool\":\"braze\",\"name\":\"b\","
        + "\"api_base_url\":\"http://127.0.0.1:9/braze\",\"credentials\":{\"api_key\":\"k\","
        + "\"rest_endpoint\":\"http://127.0.0.1:9/braze\"}}"));
    assertThat(braze.path("api_base_url").asText()).isEqualTo("http://127.0.0.1:9/braze");
    assertThat(mailchimp.path("credentials_set").path("api_key_set").asBoolean()).isTrue();
  }

  @Test
  void aChannelNamesAnIntegrationOfItsToolWhichCannotBeDeletedWhileNamed() {
    String intercom = ok(201, api.call("POST", "/v1/integrations", "{\"tool\":\"intercom\",\"name\":\"i\","
        + "\"credentials\":{\"access_token\":\"" + TOKEN + "\",\"region\":\"eu\"}}")).path("id").asText();
    String distribution = "{\"name\":\"Welcome\",\"trigger\":{\"type\":\"customer.custom_event\",\"filters\":"
        + "{\"event\":\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},\"action\":{\"type\":\"plain_message\"},"
        + "\"channels\":[{\"type\":\"%s\",\"integration_id\":\"%s\"}]}";

    refused(api.call("POST", "/v1/distributions", distribution.formatted("klaviyo", intercom)),
        "integration_tool_mismatch", "channels[0].integration_id");
    refused(api.call("POST", "/v1/distributions", distribution.formatted("intercom", "int_missing")),
        "unknown_integration", "channels[0].integration_id");
    JsonNode saved = ok(201, api.call("POST", "/v1/distributions", distribution.formatted("intercom", intercom)));
    assertThat(saved.path("channels").get(0)).isEqualTo(Json.parse("{\"type\":\"intercom\",\"integration_id\":\""
        + intercom + "\",\"metadata\":{}}"));

    APIGatewayV2HTTPResponse inUse = api.call("DELETE", "/v1/integrations/" + intercom, null);
    assertThat(inUse.getStatusCode()).isEqualTo(409);
    assertThat(Json.parse(inUse.getBody()).path("code").asText()).isEqualTo("integration_in_use");
    ok(204, api.call("DELETE", "/v1/distributions/" + saved.path("id").asText(), null));
    ok(204, api.call("DELETE", "/v1/integrations/" + intercom, null));
    assertThat(api.call("GET", "/v1/integrations/" + intercom, null).getStatusCode()).isEqualTo(404);
    assertThat(StandIns.get().secretsManager.value(api.env.get("HERALD_SECRETS_PREFIX") + "integrations/"
        + intercom)).as("its credentials go with it").isNull();
  }

  @Test
  void everyToolChecksItsCredentialsAndSaysSoWhenItCannotBeReached() {
    Map<String, String> credentials = Map.of(
        "braze", "{\"api_key\":\"braze-secret-key\",\"rest_endpoint\":\"http://127.0.0.1:9\"}",
        "mailchimp", "{\"api_key\":\"0123456789abcdef0123456789abcdef-us14\"}",
        "klaviyo", "{\"private_api_key\":\"" + KEY + "\"}",
        "intercom", "{\"access_token\":\"" + TOKEN + "\"}");
    credentials.forEach((tool, given) -> {
      String id = ok(201, api.call("POST", "/v1/integrations", "{\"tool\":\"" + tool + "\",\"name\":\"down\","
          + "\"api_base_url\":\"http://127.0.0.1:9\",\"credentials\":" + given + "}")).path("id").asText();

      APIGatewayV2HTTPResponse tested = api.call("POST", "/v1/integrations/" + id + "/test", null);

      assertThat(tested.getStatusCode()).as(tool).isEqualTo(200);
      JsonNode answer = Json.parse(tested.getBody());
      assertThat(answer.path("ok").asBoolean()).as(tool).isFalse();
      assertThat(answer.path("status").asInt()).as(tool).isZero();
      assertThat(tested.getBody()).as(tool).doesNotContain(TOKEN).doesNotContain(KEY).doesNotContain("braze-secret")
          .doesNotContain("0123456789abcdef0123456789abcdef");
    });
    assertThat(api.call("POST", "/v1/integrations/int_nope/test", null).getStatusCode()).isEqualTo(404);
  }

  @Test
  void testingKlaviyoCredentialsAsksKlaviyoAndSaysWhatHappenedWithoutTheKey() {
    String id = ok(201, api.call("POST", "/v1/integrations", "{\"tool\":\"klaviyo\",\"name\":\"k\","
        + "\"api_base_url\":\"http://127.0.0.1:9\",\"credentials\":{\"private_api_key\":\"" + KEY + "\"}}"))
        .path("id").asText();

    JsonNode tested = ok(200, api.call("POST", "/v1/integrations/" + id + "/test", null));

    assertThat(tested).isEqualTo(Json.parse("{\"ok\":false,\"status\":0,"
        + "\"message\":\"Klaviyo could not be reached: connection_failed\"}"));
  }

  private static JsonNode ok(int status, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return response.getBody() == null || response.getBody().isEmpty() ? null : Json.parse(response.getBody());
  }

  private static void refused(APIGatewayV2HTTPResponse response, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    JsonNode error = Json.parse(response.getBody());
    assertThat(error.path("code").asText()).as(response.getBody()).isEqualTo(code);
    assertThat(error.path("field").asText()).isEqualTo(field);
    assertThat(Map.of("body", response.getBody()).toString()).doesNotContain("pk_0123456789");
  }
}
