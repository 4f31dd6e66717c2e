package herald.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.testing.SesStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans' limits through the local runtime started from template.yaml: a trial sends 10 emails of 12 and skips
 * the rest as quota_exceeded, the account shows it, and verifying lets more through the same day.
 */
class LimitsEndToEndTest {
  private static LocalRuntime runtime;
  private static Http api;
  private static SesStore mail;

  @BeforeAll
  static void start() {
    runtime = LocalRuntime.start(Options.forEndToEndTests(FirstDistributionEndToEndTest.template()));
    api = new Http(runtime.apiUrl(), runtime.apiKey());
    mail = new SesStore(runtime.endpoints().ses());
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void aTrialSendsTenOfTwelveEmailsSkipsTwoAsQuotaExceededAndVerifyingLetsMoreThrough() {
    String customer = "trial-" + UUID.randomUUID().toString().substring(0, 8);
    String email = customer + "@example.com";
    assertThat(api.put("/v1/settings/brand", "{\"sender_name\":\"Acme\",\"sender_email\":\"hello@acme.test\","
        + "\"postal_address\":\"1 Market Street\"}").status()).isEqualTo(200);
    assertThat(api.post("/v1/customers", "{\"source_id\":\"" + customer + "\",\"email\":\"" + email + "\"}").status())
        .isEqualTo(200);
    String distribution = distribution("tried_" + customer);
    Http.Reply trial = api.put("/v1/settings/account", "{\"plan\":\"trial\"}");
    assertThat(trial.status()).isEqualTo(200);
    assertThat(trial.body().at("/usage/total/left").asLong()).isEqualTo(10);

    events(customer, "first", 12);

    List<JsonNode> finished = await().atMost(Duration.ofSeconds(60))
        .until(() -> finished(distribution), list -> list.size() == 12);
    assertThat(finished).filteredOn(m -> m.path("status").asText().equals("SENT")).hasSize(10);
    assertThat(finished).filteredOn(m -> m.path("status").asText().equals("SKIPPED")).hasSize(2)
        .allSatisfy(m -> assertThat(m.path("reason").asText()).isEqualTo("quota_exceeded"));
    assertThat(mail.to(email)).hasSize(10);
    JsonNode summary = api.get("/v1/distributions/" + distribution + "/summary").body();
    assertThat(summary.path("channels").path("email").path("SKIPPED").asInt()).isEqualTo(2);
    assertThat(summary.path("channels").path("email").path("SENT").asInt()).isEqualTo(10);
    JsonNode usage = api.get("/v1/settings/account").body().path("usage");
    assertThat(usage.path("total").toString()).isEqualTo("{\"sent\":10,\"limit\":10,\"left\":0}");
    assertThat(usage.path("today").toString()).isEqualTo("{\"sent\":10,\"limit\":null,\"left\":null}");
    assertThat(usage.path("this_month").path("sent").asLong()).isEqualTo(10);

    Http.Reply verified = api.post("/v1/settings/account/verify", null);
    assertThat(verified.status()).isEqualTo(200);
    assertThat(verified.body().path("plan").asText()).isEqualTo("trial_verified");
    assertThat(verified.body().at("/usage/today").toString()).isEqualTo("{\"sent\":10,\"limit\":10,\"left\":10}");

    events(customer, "second", 3);

    await().atMost(Duration.ofSeconds(60)).until(() -> finished(distribution).size() == 15);
    assertThat(finished(distribution)).filteredOn(m -> m.path("status").asText().equals("SENT")).hasSize(13);
    assertThat(mail.to(email)).hasSize(13);
    assertThat(api.get("/v1/settings/account").body().at("/usage/today").toString())
        .isEqualTo("{\"sent\":13,\"limit\":10,\"left\":7}");
  }

  private static void events(String customer, String run, int count) {
    for (int i = 0; i < count; i++) {
      String event = "{\"event\":\"tried_" + customer + "\",\"customer\":{\"source_id\":\"" + customer + "\"},"
          + "\"id\":\"" + run + "-" + i + "-" + customer + "\"}";
      assertThat(api.post("/v1/events", event).status()).isEqualTo(202);
    }
  }

  private static String distribution(String eventName) {
    Http.Reply created = api.post("/v1/distributions", "{\"name\":\"Trial\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"" + eventName + "\"}},\"audience\":{\"type\":"
        + "\"event_customer\"},\"action\":{\"type\":\"plain_message\"},\"channels\":[{\"type\":\"email\","
        + "\"subject\":\"Hello\",\"html\":\"<p>Hello</p>\",\"text\":\"Hello\"}]}");
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().path("id").asText();
    assertThat(api.post("/v1/distributions/" + id + "/activate", null).body().path("status").asText())
        .isEqualTo("ACTIVE");
    return id;
  }

  private static List<JsonNode> finished(String distribution) {
    List<JsonNode> done = new ArrayList<>();
    api.get("/v1/distributions/" + distribution + "/messages?limit=100").body().path("data").forEach(m -> {
      String status = m.path("status").asText();
      if (!status.equals("QUEUED") && !status.equals("SENDING")) done.add(m);
    });
    return done;
  }
}
