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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import herald.adapters.http.HostResolver;
import herald.adapters.http.SsrfGuard;
import herald.adapters.http.ToolHttp;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.intercom.IntercomEvent;
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

/** Intercom's documented requests and answers (API 2.14), reproduced by a stub server. */
class IntercomHttpApiTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final String SEARCH = "{\"query\":{\"field\":\"external_id\",\"operator\":\"=\",\"value\":\"src-ada\"}}";
  private static final String CREATE = "{\"role\":\"user\",\"external_id\":\"src-ada\",\"email\":\"ada@mail.example\","
      + "\"phone\":\"+447700900123\",\"name\":\"Ada\"}";
  private static final String EVENT = "{\"event_name\":\"welcome-code\",\"created_at\":1796551200,"
      + "\"user_id\":\"src-ada\",\"metadata\":{\"herald_code\":\"WELCOME-1\",\"herald_amount\":25}}";
  private static final String NONE = "{\"type\":\"list\",\"data\":[],\"total_count\":0,\"pages\":{\"type\":\"pages\","
      + "\"page\":1,\"per_page\":50,\"total_pages\":0}}";
  private static final String ADA = "{\"type\":\"list\",\"data\":[{\"type\":\"contact\",\"id\":\"6762f0dd1bb69f9f2193bb83\","
      + "\"external_id\":\"src-ada\",\"role\":\"user\"}],\"total_count\":1}";
  private final WireMockServer intercom = new WireMockServer(options().dynamicPort());
  private IntercomHttpApi api;
  private ToolAccess access;

  @BeforeEach
  void start() {
    intercom.start();
    ToolHttp http = new ToolHttp(new SsrfGuard(HostResolver.system(), Set.of("127.0.0.1:" + intercom.port())),
        ToolHttp.TIMEOUT);
    api = new IntercomHttpApi(http, Clock.fixed(NOW, ZoneOffset.UTC));
    access = new ToolAccess("int_ic", "intercom", "http://127.0.0.1:" + intercom.port(),
        Map.of("access_token", "dG9rOmFiYw==", "region", "eu"));
  }

  @AfterEach
  void stop() {
    intercom.stop();
  }

  @Test
  void aNewCustomerIsSearchedCreatedAsAUserThenGetsTheEvent() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, NONE)));
    intercom.stubFor(post("/contacts").willReturn(json(200, "{\"type\":\"contact\",\"id\":\"6762f0dd1bb69f9f2193bb83\","
        + "\"external_id\":\"src-ada\",\"role\":\"user\"}")));
    intercom.stubFor(post("/events").willReturn(aResponse().withStatus(202)));

    String id = api.send(event(ada()));

    assertThat(id).isEqualTo("6762f0dd1bb69f9f2193bb83");
    intercom.verify(1, posted("/contacts/search").withRequestBody(equalToJson(SEARCH)));
    intercom.verify(1, posted("/contacts").withRequestBody(equalToJson(CREATE)));
    intercom.verify(1, posted("/events").withRequestBody(equalToJson(EVENT)));
    assertThat(intercom.getAllServeEvents()).hasSize(3);
  }

  @Test
  void aKnownContactIsNotCreatedAgain() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, ADA)));
    intercom.stubFor(post("/events").willReturn(aResponse().withStatus(202)));

    assertThat(api.send(event(ada()))).isEqualTo("6762f0dd1bb69f9f2193bb83");

    intercom.verify(0, postRequestedFor(urlEqualTo("/contacts")));
    intercom.verify(1, sent(postRequestedFor(urlEqualTo("/events"))).withRequestBody(equalToJson(EVENT)));
  }

  @Test
  void aCustomerWithoutEmailPhoneOrNameIsCreatedWithTheExternalIdAlone() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, NONE)));
    intercom.stubFor(post("/contacts").willReturn(json(200, "{\"type\":\"contact\",\"id\":\"c2\"}")));
    intercom.stubFor(post("/events").willReturn(aResponse().withStatus(202)));

    api.send(event(new IntercomEvent.Contact("src-ada", null, null, null)));

    intercom.verify(1, postRequestedFor(urlEqualTo("/contacts"))
        .withRequestBody(equalToJson("{\"role\":\"user\",\"external_id\":\"src-ada\"}")));
  }

  @Test
  void aConflictBecauseAnotherMessageCreatedTheContactMeanwhileIsSearchedAgainNotFailed() {
    intercom.stubFor(post("/contacts/search").inScenario("race").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(200, NONE)).willSetStateTo("created elsewhere"));
    intercom.stubFor(post("/contacts/search").inScenario("race").whenScenarioStateIs("created elsewhere")
        .willReturn(json(200, ADA)));
    intercom.stubFor(post("/contacts").willReturn(json(409, "{\"type\":\"error.list\",\"request_id\":\"r-409\","
        + "\"errors\":[{\"code\":\"conflict\",\"message\":\"A contact matching those details already exists with"
        + " id=6762f0dd1bb69f9f2193bb83\"}]}")));
    intercom.stubFor(post("/events").willReturn(aResponse().withStatus(202)));

    assertThat(api.send(event(ada()))).isEqualTo("6762f0dd1bb69f9f2193bb83");

    intercom.verify(2, postRequestedFor(urlEqualTo("/contacts/search")).withRequestBody(equalToJson(SEARCH)));
    intercom.verify(1, postRequestedFor(urlEqualTo("/events")).withRequestBody(equalToJson(EVENT)));
  }

  @Test
  void aConflictWhoseContactTheSearchCannotSeeYetStillSendsTheEvent() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, NONE)));
    intercom.stubFor(post("/contacts").willReturn(json(409, "{\"type\":\"error.list\",\"errors\":[{\"code\":"
        + "\"conflict\",\"message\":\"A contact matching those details already exists with id=abc\"}]}")));
    intercom.stubFor(post("/events").willReturn(aResponse().withStatus(202)));

    assertThat(api.send(event(ada()))).isEqualTo("202");

    intercom.verify(1, postRequestedFor(urlEqualTo("/events")).withRequestBody(equalToJson(EVENT)));
  }

  @Test
  void anEventForAUserIntercomCannotFindFailsForGoodWithIntercomsMessage() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, ADA)));
    intercom.stubFor(post("/events").willReturn(json(404, "{\"type\":\"error.list\",\"request_id\":\"r-1\","
        + "\"errors\":[{\"code\":\"not_found\",\"message\":\"User Not Found\"}]}")));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> api.send(event(ada())));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("http_404: User Not Found");
  }

  @Test
  void invalidContactDataFailsForGoodWithIntercomsMessageWithoutTheCustomersData() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, NONE)));
    intercom.stubFor(post("/contacts").willReturn(json(400, "{\"type\":\"error.list\",\"errors\":[{\"code\":"
        + "\"parameter_invalid\",\"message\":\"Email ada@mail.example is invalid\"}]}")));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> api.send(event(ada())));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("http_400: Email … is invalid").doesNotContain("ada@");
    intercom.verify(0, postRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void aRateLimitWaitsUntilIntercomsResetTime() {
    intercom.stubFor(post("/contacts/search").willReturn(json(429, "{\"type\":\"error.list\",\"errors\":[{\"code\":"
        + "\"rate_limit_exceeded\",\"message\":\"Exceeded rate limit of 167 in 10_seconds\"}]}")
        .withHeader("X-RateLimit-Limit", "167").withHeader("X-RateLimit-Remaining", "0")
        .withHeader("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 7))));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> api.send(event(ada())));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("http_429");
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    intercom.verify(0, postRequestedFor(urlEqualTo("/events")));
  }

  @Test
  void aServerErrorIsRetriedWithTheUsualBackoff() {
    intercom.stubFor(post("/contacts/search").willReturn(json(200, ADA)));
    intercom.stubFor(post("/events").willReturn(json(500, "{\"type\":\"error.list\",\"errors\":[{\"code\":"
        + "\"server_error\",\"message\":\"Server Error\"}]}")));

    DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> api.send(event(ada())));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("http_500");
    assertThat(failure.retryAfter()).isEmpty();
  }

  @Test
  void theCredentialCheckAsksWhoAmIAndSaysTheWorkspace() {
    intercom.stubFor(get("/me").willReturn(json(200, "{\"type\":\"admin\",\"id\":\"991267459\",\"email\":"
        + "\"admin1@email.com\",\"name\":\"Ciaran1 Lee\",\"app\":{\"type\":\"app\",\"id_code\":\"abc123\","
        + "\"name\":\"MyApp 1\",\"region\":\"EU\"}}")));

    CheckResult result = api.check(access);

    assertThat(result).isEqualTo(new CheckResult(true, 200, "workspace MyApp 1 (EU)"));
    intercom.verify(1, sent(getRequestedFor(urlEqualTo("/me"))).withHeader("Content-Type", absent()));
  }

  @Test
  void theCredentialCheckReportsARefusedToken() {
    intercom.stubFor(get("/me").willReturn(json(401, "{\"type\":\"error.list\",\"request_id\":\"r-2\","
        + "\"errors\":[{\"code\":\"unauthorized\",\"message\":\"Access Token Invalid\"}]}")));

    assertThat(api.check(access)).isEqualTo(new CheckResult(false, 401, "Access Token Invalid"));
  }

  /** The headers every call carries. */
  private static RequestPatternBuilder sent(RequestPatternBuilder request) {
    return request.withHeader("Authorization", equalTo("Bearer dG9rOmFiYw=="))
        .withHeader("Intercom-Version", equalTo("2.14")).withHeader("Accept", equalTo("application/json"));
  }

  private static RequestPatternBuilder posted(String path) {
    return sent(postRequestedFor(urlEqualTo(path))).withHeader("Content-Type",
        equalTo("application/json; charset=UTF-8"));
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static IntercomEvent.Contact ada() {
    return new IntercomEvent.Contact("src-ada", "Ada", "ada@mail.example", "+447700900123");
  }

  private IntercomEvent event(IntercomEvent.Contact contact) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("herald_code", "WELCOME-1");
    metadata.put("herald_amount", 25);
    return new IntercomEvent("msg_1", access, contact, "welcome-code", NOW.getEpochSecond(), metadata);
  }
}
