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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.adapters.http.HostResolver;
import herald.adapters.http.SsrfGuard;
import herald.adapters.http.ToolHttp;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.klaviyo.KlaviyoEvent;
import herald.domain.channels.klaviyo.KlaviyoProfile;
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

/**
 * Klaviyo's create-event and get-accounts calls against a stub answering as Klaviyo's API reference documents
 * (revision 2026-10-15): the exact request Herald sends, and what each answer becomes.
 */
class KlaviyoHttpApiTest {
  private static final String KEY = "pk_0123456789abcdef0123456789abcdef01";
  private static final String JSON_API = "application/vnd.api+json";
  private static final Instant AT = Instant.parse("2026-11-03T09:15:30Z");
  private final WireMockServer klaviyo = new WireMockServer(options().dynamicPort());
  private KlaviyoHttpApi api;
  private ToolAccess access;

  @BeforeEach
  void start() {
    klaviyo.start();
    api = new KlaviyoHttpApi(new ToolHttp(new SsrfGuard(HostResolver.system(), Set.of("127.0.0.1:" + klaviyo.port())),
        ToolHttp.TIMEOUT), Clock.fixed(AT, ZoneOffset.UTC));
    access = new ToolAccess("int_k", "klaviyo", "http://127.0.0.1:" + klaviyo.port(), Map.of("private_api_key", KEY));
  }

  @AfterEach
  void stop() {
    klaviyo.stop();
  }

  @Test
  void createsTheEventAsAJsonApiDocumentWithTheKeyAndThePinnedRevisionAndKeepsThe202() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(aResponse().withStatus(202)));

    String answer = api.createEvent(event(new KlaviyoProfile("ada@mail.example", "+447700900123", "src-ada")));

    assertThat(answer).isEqualTo("202");
    klaviyo.verify(1, postRequestedFor(urlEqualTo("/api/events"))
        .withHeader("Authorization", equalTo("Klaviyo-API-Key " + KEY))
        .withHeader("revision", equalTo("2026-10-15"))
        .withHeader("Accept", equalTo(JSON_API))
        .withHeader("Content-Type", equalTo(JSON_API))
        .withRequestBody(equalToJson("""
            {"data": {"type": "event", "attributes": {
              "properties": {"herald_code": "WELCOME-7KQ2ZD", "campaign_name": "Welcome", "points": 120},
              "time": "2026-11-03T09:15:00Z",
              "unique_id": "msg_0f3a9c",
              "metric": {"data": {"type": "metric", "attributes": {"name": "Welcome code"}}},
              "profile": {"data": {"type": "profile", "attributes": {
                "email": "ada@mail.example", "phone_number": "+447700900123", "external_id": "src-ada"}}}
            }}}""")));
    assertThat(klaviyo.getAllServeEvents()).singleElement().satisfies(e -> assertThat(e.getRequest().getHeaders()
        .getHeader("Content-Type").values()).as("one Content-Type").hasSize(1));
  }

  @Test
  void aProfileCarriesOnlyTheIdentifiersTheCustomerHas() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(aResponse().withStatus(202)));

    api.createEvent(event(new KlaviyoProfile(null, null, "src-bo")));

    klaviyo.verify(postRequestedFor(urlEqualTo("/api/events")).withRequestBody(equalToJson(
        "{\"data\":{\"attributes\":{\"profile\":{\"data\":{\"type\":\"profile\",\"attributes\":"
            + "{\"external_id\":\"src-bo\"}}}}}}", true, true)));
  }

  @Test
  void aValidationErrorFailsForGoodWithKlaviyosDetailMadeSafe() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(errors(400, "invalid",
        "Invalid input.", "Invalid phone number format (Example of a valid format: +12345678901)",
        "/data/attributes/profile/data/attributes/phone_number")));

    assertThatThrownBy(() -> api.createEvent(event(new KlaviyoProfile("ada@mail.example", null, "src-ada"))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isTrue();
          assertThat(f.reason()).isEqualTo("http_400: Invalid phone number format (Example of a valid format: …)");
        });
  }

  @Test
  void aDetailNamingTheCustomersAddressKeepsNoneOfIt() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(errors(400, "invalid", "Invalid input.",
        "'ada@mail.example' is not a valid email address.", "/data/attributes/profile/data/attributes/email")));

    assertThatThrownBy(() -> api.createEvent(event(new KlaviyoProfile("ada@mail.example", null, "src-ada"))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isTrue();
          assertThat(f.reason()).startsWith("http_400: ").doesNotContain("ada@").doesNotContain("mail.example");
        });
  }

  @Test
  void aThrottledEventIsTriedAgainAfterTheSecondsKlaviyoAsksFor() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(errors(429, "throttled", "Request was throttled.",
        "Request was throttled. Expected available in 7 seconds.", null).withHeader("Retry-After", "7")));

    assertThatThrownBy(() -> api.createEvent(event(new KlaviyoProfile(null, null, "src-ada"))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isFalse();
          assertThat(f.reason()).isEqualTo("http_429");
          assertThat(f.retryAfter()).contains(Duration.ofSeconds(7));
        });
  }

  @Test
  void aServerErrorIsTriedAgainWithTheUsualBackoff() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(errors(503, "service_unavailable",
        "Service unavailable.", "The service is temporarily unavailable.", null)));

    assertThatThrownBy(() -> api.createEvent(event(new KlaviyoProfile(null, null, "src-ada"))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isFalse();
          assertThat(f.reason()).isEqualTo("http_503");
          assertThat(f.retryAfter()).isEmpty();
        });
  }

  @Test
  void aWrongKeyFailsForGood() {
    klaviyo.stubFor(post(urlEqualTo("/api/events")).willReturn(errors(401, "not_authenticated",
        "Authentication credentials were not provided.", "Missing or invalid private key.", null)));

    assertThatThrownBy(() -> api.createEvent(event(new KlaviyoProfile(null, null, "src-ada"))))
        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
          assertThat(f.permanent()).isTrue();
          assertThat(f.reason()).isEqualTo("http_401: Missing or invalid private key.");
        });
  }

  @Test
  void theCredentialCheckReadsTheAccountsWithTheSameHeadersAndNamesTheAccount() {
    klaviyo.stubFor(get(urlEqualTo("/api/accounts")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", JSON_API).withBody("""
            {"data": [{"type": "account", "id": "AbC123", "attributes": {"test_account": false,
              "contact_information": {"default_sender_name": "Acme", "default_sender_email": "hello@acme.test",
                "organization_name": "Acme", "street_address": {"city": "Springfield"}},
              "timezone": "Europe/London", "preferred_currency": "GBP", "public_api_key": "AbC123", "locale": "en-GB"},
              "links": {"self": "https://a.klaviyo.com/api/accounts/AbC123/"}}],
             "links": {"self": "https://a.klaviyo.com/api/accounts/"}}""")));

    CheckResult result = api.check(access);

    assertThat(result).isEqualTo(new CheckResult(true, 200, "Klaviyo accepted the private API key of account AbC123"));
    klaviyo.verify(1, getRequestedFor(urlEqualTo("/api/accounts"))
        .withHeader("Authorization", equalTo("Klaviyo-API-Key " + KEY))
        .withHeader("revision", equalTo("2026-10-15"))
        .withHeader("Accept", equalTo(JSON_API))
        .withHeader("Content-Type", absent()));
  }

  @Test
  void theCredentialCheckReportsKlaviyosRefusal() {
    klaviyo.stubFor(get(urlEqualTo("/api/accounts")).willReturn(errors(403, "permission_denied",
        "You do not have permission to perform this action.",
        "This API key is missing required scopes: accounts:read", null)));

    assertThat(api.check(access)).isEqualTo(new CheckResult(false, 403,
        "This API key is missing required scopes: accounts:read"));
  }

  @Test
  void theCredentialCheckOfAHostItMayNotReachCallsNothing() {
    ToolAccess elsewhere = new ToolAccess("int_k", "klaviyo", "http://10.0.0.7", Map.of("private_api_key", KEY));

    assertThat(api.check(elsewhere)).isEqualTo(new CheckResult(false, 0, "Klaviyo could not be reached: forbidden_host"));
  }

  private KlaviyoEvent event(KlaviyoProfile profile) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("herald_code", "WELCOME-7KQ2ZD");
    properties.put("campaign_name", "Welcome");
    properties.put("points", 120);
    return new KlaviyoEvent("msg_0f3a9c", access, "Welcome code", properties, Instant.parse("2026-11-03T09:15:00Z"),
        profile);
  }

  /** Klaviyo's JSON:API error document. */
  private static ResponseDefinitionBuilder errors(int status, String code, String title, String detail, String pointer) {
    String source = pointer == null ? "" : ",\"source\":{\"pointer\":\"" + pointer + "\"}";
    return aResponse().withStatus(status).withHeader("Content-Type", JSON_API).withBody("{\"errors\":[{\"id\":"
        + "\"7e1f0a52-4c1e-4a8e-9a53-0b7c2c1d9e11\",\"status\":" + status + ",\"code\":\"" + code + "\",\"title\":\""
        + title + "\",\"detail\":\"" + detail + "\"" + source + ",\"meta\":{}}]}");
  }
}
