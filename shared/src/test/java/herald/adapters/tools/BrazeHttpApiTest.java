package herald.adapters.tools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.adapters.http.HostResolver;
import herald.adapters.http.SsrfGuard;
import herald.adapters.http.ToolHttp;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.braze.BrazeMessage;
import herald.domain.integrations.IntegrationCheck.CheckResult;
import herald.domain.integrations.ToolAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Braze's REST API as documented, stubbed: the exact requests Herald sends and how it reads every answer. */
class BrazeHttpApiTest {
  private static final String KEY = "braze-rest-key-0123456789";
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant EVENT_TIME = Instant.parse("2025-03-01T09:59:58Z");
  private final WireMockServer braze = new WireMockServer(options().dynamicPort());
  private BrazeHttpApi api;
  private ToolAccess access;

  @BeforeEach
  void start() {
    braze.start();
    api = new BrazeHttpApi(new ToolHttp(new SsrfGuard(HostResolver.system(), Set.of("127.0.0.1:" + braze.port())),
        ToolHttp.TIMEOUT), Clock.fixed(NOW, ZoneOffset.UTC));
    access = new ToolAccess("int_b", "braze", "http://127.0.0.1:" + braze.port(),
        Map.of("api_key", KEY, "rest_endpoint", "https://rest.iad-01.braze.com"));
  }

  @AfterEach
  void stop() {
    braze.stop();
  }

  @Test
  void tracksTheAttributesAndTheEventInOneUsersTrackCallAsDocumented() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"attributes_processed\":1,\"events_processed\":1,\"message\":\"success\"}")));

    String id = api.send(withEvent());

    assertThat(id).as("/users/track gives no id").isNull();
    braze.verify(1, postRequestedFor(urlEqualTo("/users/track"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"attributes": [{"external_id": "src-ada", "herald_code": "WELCOME-7F3K", "first_name": "Ada"}],
             "events": [{"external_id": "src-ada", "name": "Welcome code", "time": "2025-03-01T09:59:58Z",
                         "properties": {"herald_code": "WELCOME-7F3K", "herald_message_id": "msg_1",
                                        "voucher": {"code": "WELCOME-7F3K", "campaign_name": "Welcome"}}}]}
            """)));
  }

  @Test
  void attributesAloneGoWithoutAnEventsArray() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(201)
        .withBody("{\"attributes_processed\":1,\"message\":\"success\"}")));

    api.send(message(null, null));

    braze.verify(1, postRequestedFor(urlEqualTo("/users/track")).withRequestBody(equalToJson(
        "{\"attributes\": [{\"external_id\": \"src-ada\", \"herald_code\": \"WELCOME-7F3K\", \"first_name\": \"Ada\"}]}")));
  }

  @Test
  void triggersACampaignForOneRecipientCreatedIfNewAndAnswersTheDispatchId() {
    braze.stubFor(post(urlEqualTo("/campaigns/trigger/send")).willReturn(aResponse().withStatus(201)
        .withBody("{\"dispatch_id\":\"66cdc28f8f082bc3074c0c85a0e4e1d5\",\"message\":\"success\"}")));

    String id = api.send(message(null, new BrazeMessage.Trigger(BrazeMessage.Target.CAMPAIGN, "cmp-1",
        Map.of("herald_code", "WELCOME-7F3K"))));

    assertThat(id).isEqualTo("66cdc28f8f082bc3074c0c85a0e4e1d5");
    braze.verify(1, postRequestedFor(urlEqualTo("/campaigns/trigger/send"))
        .withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"campaign_id": "cmp-1",
             "recipients": [{"external_user_id": "src-ada", "send_to_existing_only": false,
                             "attributes": {"herald_code": "WELCOME-7F3K", "first_name": "Ada"},
                             "trigger_properties": {"herald_code": "WELCOME-7F3K"}}]}
            """)));
    assertThat(braze.findAll(postRequestedFor(urlEqualTo("/users/track")))).as("one call per message").isEmpty();
  }

  @Test
  void triggersACanvasWithCanvasEntryProperties() {
    braze.stubFor(post(urlEqualTo("/canvas/trigger/send")).willReturn(aResponse().withStatus(201)
        .withBody("{\"dispatch_id\":\"d-canvas\",\"message\":\"success\"}")));

    String id = api.send(message(null, new BrazeMessage.Trigger(BrazeMessage.Target.CANVAS, "cnv-1",
        Map.of("herald_code", "WELCOME-7F3K"))));

    assertThat(id).isEqualTo("d-canvas");
    braze.verify(1, postRequestedFor(urlEqualTo("/canvas/trigger/send")).withRequestBody(equalToJson("""
        {"canvas_id": "cnv-1",
         "recipients": [{"external_user_id": "src-ada", "send_to_existing_only": false,
                         "attributes": {"herald_code": "WELCOME-7F3K", "first_name": "Ada"},
                         "canvas_entry_properties": {"herald_code": "WELCOME-7F3K"}}]}
        """)));
  }

  @Test
  void aSuccessWithErrorsForObjectsBrazeRefusedFailsForGoodWithItsWordsMadeSafe() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(201).withBody("""
        {"attributes_processed":1,"message":"success","errors":[{"type":"'time' must be a valid ISO 8601 time \
        for ada@mail.example","input_array":"events","index":0}]}""")));

    assertThatThrownBy(() -> api.send(withEvent())).isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
      assertThat(failure.permanent()).isTrue();
      assertThat(failure.reason()).startsWith("http_201: ").contains("must be a valid ISO 8601 time")
          .contains("(events)").doesNotContain("ada@mail.example");
    });
  }

  @Test
  void aFatalErrorFailsForGoodWithBrazesMessage() {
    braze.stubFor(post(urlEqualTo("/campaigns/trigger/send")).willReturn(aResponse().withStatus(400)
        .withBody("{\"message\":\"Invalid Campaign ID\"}")));

    assertThatThrownBy(() -> api.send(message(null, new BrazeMessage.Trigger(BrazeMessage.Target.CAMPAIGN, "nope",
        Map.of())))).isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
          assertThat(failure.permanent()).isTrue();
          assertThat(failure.reason()).isEqualTo("http_400: Invalid Campaign ID");
        });
  }

  @Test
  void anUnknownKeyFailsForGood() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Invalid API Key\"}")));

    assertThatThrownBy(() -> api.send(withEvent())).isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
      assertThat(failure.permanent()).isTrue();
      assertThat(failure.reason()).isEqualTo("http_401: Invalid API Key");
    });
  }

  @Test
  void aRateLimitWaitsUntilTheWindowResets() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(429)
        .withHeader("X-RateLimit-Limit", "3000").withHeader("X-RateLimit-Remaining", "0")
        .withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 2))
        .withBody("{\"message\":\"Rate Limited\"}")));

    assertThatThrownBy(() -> api.send(withEvent())).isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
      assertThat(failure.permanent()).isFalse();
      assertThat(failure.reason()).isEqualTo("http_429");
      assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
    });
  }

  @Test
  void aRateLimitWithRetryAfterWaitsThatLong() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "7").withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 2))));

    assertThatThrownBy(() -> api.send(withEvent())).isInstanceOfSatisfying(DeliveryFailure.class,
        failure -> assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void aServerErrorIsRetriedWithTheUsualBackoff() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(503)
        .withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 2))));

    assertThatThrownBy(() -> api.send(withEvent())).isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
      assertThat(failure.permanent()).isFalse();
      assertThat(failure.reason()).isEqualTo("http_503");
      assertThat(failure.retryAfter()).isEmpty();
    });
  }

  @Test
  void aCallQueuedDuringMaintenanceIsTaken() {
    braze.stubFor(post(urlEqualTo("/users/track")).willReturn(aResponse().withStatus(202)
        .withBody("{\"message\":\"queued\"}")));

    assertThat(api.send(withEvent())).isNull();
  }

  @Test
  void theCredentialCheckReadsTheEventListAndSaysWhatBrazeAnswered() {
    braze.stubFor(get(urlEqualTo("/events/list")).willReturn(aResponse().withStatus(200)
        .withBody("{\"message\":\"success\",\"events\":[\"Welcome code\"]}")));

    CheckResult ok = api.check(access);

    assertThat(ok.ok()).isTrue();
    assertThat(ok.status()).isEqualTo(200);
    braze.verify(1, getRequestedFor(urlEqualTo("/events/list")).withHeader("Authorization", equalTo("Bearer " + KEY))
        .withRequestBody(absent()));

    braze.stubFor(get(urlEqualTo("/events/list")).willReturn(aResponse().withStatus(401)
        .withBody("{\"message\":\"Invalid API Key\"}")));
    CheckResult refused = api.check(access);

    assertThat(refused).isEqualTo(new CheckResult(false, 401, "Invalid API Key"));
  }

  private BrazeMessage withEvent() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("herald_code", "WELCOME-7F3K");
    properties.put("herald_message_id", "msg_1");
    properties.put("voucher", Map.of("code", "WELCOME-7F3K", "campaign_name", "Welcome"));
    return message(new BrazeMessage.Event("Welcome code", EVENT_TIME, properties), null);
  }

  private BrazeMessage message(BrazeMessage.Event event, BrazeMessage.Trigger trigger) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("herald_code", "WELCOME-7F3K");
    attributes.put("first_name", "Ada");
    return new BrazeMessage("msg_1", access, "src-ada", attributes, event, trigger);
  }
}
