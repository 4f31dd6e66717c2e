package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.aws.SecretsManagerStore;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookSecrets;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.platform.AwsModule;
import herald.platform.Json;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Webhook secrets on the stand-ins (dynalite and the local Secrets Manager, through the real SDK clients): saved,
 * rotated and moved out of an old document, they live in Secrets Manager under herald/&lt;stack&gt;/webhooks/, and
 * no distribution item, answer (but the one showing a new secret once) or log line holds one.
 */
class WebhookSecretStorageTest {
  private static final String SECRET = "whsec_YXBpLXRlc3Qtc2VjcmV0LTAxMjM0NTY3ODlhYmNkZWY=";
  private static final String KEY = SECRET.substring("whsec_".length());
  private static final Pattern REF = Pattern.compile("\"?secret_ref\"?\\W+(whr_[A-Za-z0-9_-]+)");
  private static final Pattern PREVIOUS_REF = Pattern.compile("previous_secret_ref\"?\\W+(whr_[A-Za-z0-9_-]+)");
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
  void savedEditedAndRotatedSecretsLiveInSecretsManagerNeverInTheTableTheAnswersOrTheLogs() {
    APIGatewayV2HTTPResponse created = api.call("POST", "/v1/distributions", hook("Hook", ",\"secret\":\"" + SECRET
        + "\""));
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getBody()).doesNotContain(KEY);
    String id = Json.parse(created.getBody()).path("id").asText();
    String first = ref(REF);
    assertThat(secret(id, first)).isEqualTo(SECRET);
    assertNoSecretInTheTable();

    JsonNode edited = ok(200, api.call("PUT", "/v1/distributions/" + id, hook("Hook 2", "")
        .replace("}]}", "}],\"version\":1}")));
    assertThat(edited.path("channels").get(0).path("secret_set").asBoolean()).isTrue();
    assertThat(ref(REF)).as("an edit without the secret keeps it").isEqualTo(first);

    JsonNode rotated = ok(200, api.call("POST", "/v1/distributions/" + id + "/channels/0/rotate-secret", null));
    String fresh = rotated.path("channels").get(0).path("secret").asText();
    assertThat(fresh).startsWith("whsec_").isNotEqualTo(SECRET);
    String second = ref(REF);
    assertThat(ref(PREVIOUS_REF)).isEqualTo(first);
    assertThat(secret(id, second)).isEqualTo(fresh);
    assertThat(secret(id, first)).as("the previous secret signs for 24 h").isEqualTo(SECRET);
    assertNoSecretInTheTable();

    JsonNode again = ok(200, api.call("POST", "/v1/distributions/" + id + "/channels/0/rotate-secret", null));
    String third = again.path("channels").get(0).path("secret").asText();
    assertThat(secret(id, first)).as("a secret no document names is deleted").isNull();
    assertThat(secret(id, second)).isEqualTo(fresh);
    assertThat(secret(id, ref(REF))).isEqualTo(third);

    String read = api.call("GET", "/v1/distributions/" + id, null).getBody()
        + api.call("GET", "/v1/distributions", null).getBody();
    assertThat(read).contains("\"secret_set\":true").doesNotContain("whsec_").doesNotContain("whr_");
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("whsec_").doesNotContain(KEY)
        .doesNotContain(fresh.substring(6)).doesNotContain(third.substring(6));

    String current = ref(REF);
    assertThat(api.call("DELETE", "/v1/distributions/" + id, null).getStatusCode()).isEqualTo(204);
    assertThat(secret(id, current)).as("deleting the distribution deletes its secrets").isNull();
    assertThat(secret(id, second)).isNull();
  }

  @Test
  void aDocumentSavedWithItsSecretIsMovedToSecretsManagerWhenTheApiFirstReadsItAndOnlyThen() {
    Distribution old = new Distribution("dist_old_hook", "Old hook", null, DistributionStatus.ACTIVE,
        new Trigger("customer.order.paid", Map.of()), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(new WebhookChannel("https://hooks.example.com/in", SECRET, Map.of(), null)), 3,
        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
    new DynamoDbDistributions(StandIns.dynamo(api.env), api.env.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds())
        .create(old);
    assertThat(api.items("DISTRIBUTIONS_TABLE").toString()).as("an old-format item").contains(SECRET);

    JsonNode listed = ok(200, api.call("GET", "/v1/distributions", null));
    JsonNode channel = listed.path("data").get(0).path("channels").get(0);
    assertThat(channel.path("secret_set").asBoolean()).isTrue();
    assertThat(listed.toString()).doesNotContain(KEY);
    assertNoSecretInTheTable();
    String ref = ref(REF);
    assertThat(secret(old.id(), ref)).isEqualTo(SECRET);
    assertThat(ok(200, api.call("GET", "/v1/distributions/" + old.id(), null)).path("version").asInt())
        .as("moved, not changed: same version").isEqualTo(3);

    var before = api.items("DISTRIBUTIONS_TABLE");
    int secrets = StandIns.get().secretsManager.size();
    api.call("GET", "/v1/distributions", null);
    api.call("GET", "/v1/distributions/" + old.id(), null);
    api.assertUnchanged("DISTRIBUTIONS_TABLE", before, "reading a moved distribution again");
    assertThat(StandIns.get().secretsManager.size()).isEqualTo(secrets);

    WebhookChannel stored = (WebhookChannel) new DynamoDbDistributions(StandIns.dynamo(api.env),
        api.env.get("DISTRIBUTIONS_TABLE"), TestChannels.kinds()).get(old.id()).orElseThrow().channels().get(0);
    assertThat(stored.secret()).isNull();
    assertThat(senderSecrets().open(old.id(), stored).signingSecrets(Instant.now()))
        .as("the sender signs with the secret the old document held").containsExactly(SECRET);
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
  }

  /** The secrets as the sender reads them: Secrets Manager under the stack's prefix, through the SDK client. */
  private WebhookSecrets senderSecrets() {
    SecretsManagerClient client = AwsModule.configure(SecretsManagerClient.builder(), api.env, "SECRETS_MANAGER")
        .build();
    return new WebhookSecrets(new SecretsManagerStore(client, api.env.get("HERALD_SECRETS_PREFIX"),
        Clock.systemUTC()));
  }

  private String hook(String name, String secret) {
    return "{\"name\":\"" + name + "\",\"trigger\":{\"type\":\"customer.order.paid\"},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"webhook\","
        + "\"url\":\"https://hooks.example.com/herald\"" + secret + "}]}";
  }

  private void assertNoSecretInTheTable() {
    assertThat(api.items("DISTRIBUTIONS_TABLE").toString()).doesNotContain("whsec_").doesNotContain(KEY);
  }

  /** The one reference the distributions table holds. */
  private String ref(Pattern pattern) {
    Matcher matcher = pattern.matcher(api.items("DISTRIBUTIONS_TABLE").toString());
    assertThat(matcher.find()).as("a %s in the table", pattern).isTrue();
    return matcher.group(1);
  }

  private String secret(String distributionId, String ref) {
    String value = StandIns.get().secretsManager.value(api.env.get("HERALD_SECRETS_PREFIX")
        + WebhookSecrets.name(distributionId, ref));
    return value == null ? null : Json.parse(value).path("secret").asText();
  }

  private static JsonNode ok(int status, APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    return Json.parse(response.getBody());
  }
}
