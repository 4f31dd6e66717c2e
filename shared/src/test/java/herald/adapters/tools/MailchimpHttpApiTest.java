package herald.adapters.tools;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.adapters.http.HostResolver;
import herald.adapters.http.SsrfGuard;
import herald.adapters.http.ToolHttp;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.mailchimp.MailchimpMember;
import herald.domain.fakes.InMemoryConnectionSlots;
import herald.domain.integrations.IntegrationCheck.CheckResult;
import herald.domain.integrations.ToolAccess;
import herald.domain.limits.ConnectionSlots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Mailchimp adapter against WireMock stubs of the Marketing API 3.0 as documented: the exact requests (method,
 * path, Basic auth with the key as password, JSON body) and what each answer becomes.
 */
class MailchimpHttpApiTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef-us14";
  private static final String BASIC = "Basic aGVyYWxkOjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmLXVzMTQ=";
  /** md5("ada@mail.example"): the member of Ada@Mail.example. */
  private static final String ADA = "9fe95a083306ef62d4294f926cf0d6d8";
  private static final String MEMBER = "/3.0/lists/aud1/members/" + ADA;
  private final WireMockServer mailchimp = new WireMockServer(options().dynamicPort());
  private final InMemoryConnectionSlots slots = new InMemoryConnectionSlots(Clock.systemUTC());
  private MailchimpHttpApi api;
  private ToolAccess access;

  @BeforeEach
  void start() {
    mailchimp.start();
    access = new ToolAccess("int_1", "mailchimp", "http://127.0.0.1:" + mailchimp.port() + "/3.0",
        Map.of("api_key", KEY));
    api = api(slots, Duration.ZERO);
  }

  @AfterEach
  void stop() {
    mailchimp.stop();
  }

  @Test
  void putsTheMemberWithItsMergeFieldsThenMakesItsTagsActive() {
    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true")).willReturn(okJson(
        "{\"id\":\"" + ADA + "\",\"email_address\":\"Ada@Mail.example\",\"unique_email_id\":\"882e9bec19\","
            + "\"status\":\"subscribed\"}")));
    mailchimp.stubFor(post(urlEqualTo(MEMBER + "/tags")).willReturn(aResponse().withStatus(204)));

    String id = api.upsert(member("aud1", Map.of("FNAME", "Ada", "CODE", "WELCOME-1"), Map.of(),
        List.of("Welcome", "vip")));

    assertThat(id).isEqualTo("882e9bec19");
    mailchimp.verify(1, putRequestedFor(urlEqualTo(MEMBER + "?skip_merge_validation=true"))
        .withHeader("Authorization", equalTo(BASIC))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withRequestBody(equalToJson("{\"email_address\":\"Ada@Mail.example\",\"status_if_new\":\"subscribed\","
            + "\"merge_fields\":{\"FNAME\":\"Ada\",\"CODE\":\"WELCOME-1\"}}")));
    mailchimp.verify(1, postRequestedFor(urlEqualTo(MEMBER + "/tags"))
        .withHeader("Authorization", equalTo(BASIC))
        .withRequestBody(equalToJson("{\"tags\":[{\"name\":\"Welcome\",\"status\":\"active\"},"
            + "{\"name\":\"vip\",\"status\":\"active\"}]}")));
    assertThat(slots.held()).as("the slot is given back").isZero();
  }

  @Test
  void withoutTagsOrMergeFieldsItPutsOnlyTheAddressAndStatus() {
    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true"))
        .willReturn(okJson("{\"id\":\"" + ADA + "\"}")));

    assertThat(api.upsert(member("aud1", Map.of(), Map.of(), List.of()))).isEqualTo(ADA);

    mailchimp.verify(1, putRequestedFor(urlEqualTo(MEMBER + "?skip_merge_validation=true")).withRequestBody(
        equalToJson("{\"email_address\":\"Ada@Mail.example\",\"status_if_new\":\"subscribed\"}")));
    mailchimp.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void findsTheAccountsOnlyAudienceOnceAndSendsDefaultMergeFieldsOnlyWhereItHasThem() {
    mailchimp.stubFor(get(urlEqualTo("/3.0/lists?fields=lists.id,total_items&count=2"))
        .willReturn(okJson("{\"lists\":[{\"id\":\"only1\"}],\"total_items\":1}")));
    mailchimp.stubFor(get(urlEqualTo("/3.0/lists/only1/merge-fields?fields=merge_fields.tag&count=1000"))
        .willReturn(okJson("{\"merge_fields\":[{\"tag\":\"FNAME\"},{\"tag\":\"CODE\"}]}")));
    String path = "/3.0/lists/only1/members/" + ADA;
    mailchimp.stubFor(put(urlEqualTo(path + "?skip_merge_validation=true")).willReturn(okJson("{\"id\":\"x\"}")));

    for (int i = 0; i < 2; i++) {
      api.upsert(member(null, Map.of(), Map.of("CODE", "WELCOME-1", "POINTS", "40"), List.of()));
    }

    mailchimp.verify(2, putRequestedFor(urlEqualTo(path + "?skip_merge_validation=true")).withRequestBody(
        equalToJson("{\"email_address\":\"Ada@Mail.example\",\"status_if_new\":\"subscribed\","
            + "\"merge_fields\":{\"CODE\":\"WELCOME-1\"}}")));
    mailchimp.verify(1, getRequestedFor(urlEqualTo("/3.0/lists?fields=lists.id,total_items&count=2"))
        .withHeader("Authorization", equalTo(BASIC)));
    mailchimp.verify(1,
        getRequestedFor(urlEqualTo("/3.0/lists/only1/merge-fields?fields=merge_fields.tag&count=1000")));
  }

  @Test
  void anAccountWithSeveralAudiencesFailsForGoodAskingForTheAudienceId() {
    mailchimp.stubFor(get(urlEqualTo("/3.0/lists?fields=lists.id,total_items&count=2"))
        .willReturn(okJson("{\"lists\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"total_items\":3}")));

    DeliveryFailure failure = failure(member(null, Map.of(), Map.of(), List.of()));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo(
        "mailchimp_audience_ambiguous: the account has 3 audiences; set the channel's audience_id");
    mailchimp.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void invalidDataFailsForGoodWithMailchimpsProblemMadeSafe() {
    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true")).willReturn(aResponse()
        .withStatus(400).withHeader("Content-Type", "application/problem+json; charset=utf-8").withBody(
            "{\"type\":\"https://mailchimp.com/developer/marketing/docs/errors/\",\"title\":\"Invalid Resource\","
                + "\"status\":400,\"detail\":\"Ada@Mail.example looks fake or invalid, please enter a real email"
                + " address.\",\"instance\":\"9d741ebc-c22a-4e34-af47-5463c4f5cd25\","
                + "\"errors\":[{\"field\":\"email_address\",\"message\":\"invalid\"}]}")));

    DeliveryFailure failure = failure(member("aud1", Map.of(), Map.of(), List.of("vip")));

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).isEqualTo("http_400: Invalid Resource: … looks fake or invalid, please enter a"
        + " real email address. (email_address)");
    mailchimp.verify(0, postRequestedFor(anyUrl()));
    assertThat(slots.held()).isZero();
  }

  @Test
  void a429IsRetriedAfterWhatMailchimpAsksAndA5xxWithTheUsualBackoff() {
    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true")).willReturn(aResponse()
        .withStatus(429).withHeader("Retry-After", "30").withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"You have exceeded the limit of 10"
            + " simultaneous connections.\"}")));

    DeliveryFailure limited = failure(member("aud1", Map.of(), Map.of(), List.of("vip")));

    assertThat(limited.permanent()).isFalse();
    assertThat(limited.reason()).isEqualTo("http_429");
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));

    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true")).willReturn(aResponse()
        .withStatus(503).withBody("{\"title\":\"Service Unavailable\"}")));
    DeliveryFailure down = failure(member("aud1", Map.of(), Map.of(), List.of()));

    assertThat(down.permanent()).isFalse();
    assertThat(down.reason()).isEqualTo("http_503");
    assertThat(down.retryAfter()).isEmpty();
    mailchimp.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void aBare403IsMailchimpThrottlingAndIsRetried() {
    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true")).willReturn(aResponse().withStatus(403)));

    DeliveryFailure failure = failure(member("aud1", Map.of(), Map.of(), List.of()));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason()).isEqualTo("http_403");
  }

  @Test
  void whenEveryConnectionIsTakenNothingIsCalledAndTheMessageComesBackShortly() {
    IntStream.range(0, 10).forEach(i -> slots.take("mailchimp#int_1", 10, Instant.now().plusSeconds(60)));

    DeliveryFailure failure = failure(member("aud1", Map.of(), Map.of(), List.of()));

    assertThat(failure.permanent()).isFalse();
    assertThat(failure.busy()).as("Herald's own pacing: no try spent").isTrue();
    assertThat(failure.reason()).isEqualTo("mailchimp_busy");
    assertThat(failure.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isBetween(
        Duration.ofSeconds(5), Duration.ofSeconds(15)));
    mailchimp.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anotherIntegrationHasItsOwnTenConnections() {
    IntStream.range(0, 10).forEach(i -> slots.take("mailchimp#int_other", 10, Instant.now().plusSeconds(60)));
    mailchimp.stubFor(put(urlEqualTo(MEMBER + "?skip_merge_validation=true")).willReturn(okJson("{\"id\":\"x\"}")));

    assertThat(api.upsert(member("aud1", Map.of(), Map.of(), List.of()))).isEqualTo("x");
  }

  @Test
  void theCredentialCheckPingsAndSaysWhatMailchimpAnswered() {
    mailchimp.stubFor(get(urlEqualTo("/3.0/ping")).willReturn(okJson("{\"health_status\":\"Everything's Chimpy!\"}")));

    assertThat(api.check(access)).isEqualTo(new CheckResult(true, 200, "Everything's Chimpy!"));
    mailchimp.verify(1, getRequestedFor(urlEqualTo("/3.0/ping")).withHeader("Authorization", equalTo(BASIC)));

    mailchimp.stubFor(get(urlEqualTo("/3.0/ping")).willReturn(aResponse().withStatus(401).withBody(
        "{\"type\":\"https://mailchimp.com/developer/marketing/docs/errors/\",\"title\":\"API Key Invalid\","
            + "\"status\":401,\"detail\":\"Your API key may be invalid, or you've attempted to access the wrong"
            + " datacenter.\",\"instance\":\"4ee1d1e8-8a8b-4bc2-a1b1-5b0b6b3c3f3a\"}")));

    assertThat(api.check(access)).isEqualTo(new CheckResult(false, 401,
        "API Key Invalid: Your API key may be invalid, or you've attempted to access the wrong datacenter."));
    assertThat(slots.held()).isZero();
  }

  private MailchimpHttpApi api(ConnectionSlots given, Duration wait) {
    ToolHttp http = new ToolHttp(new SsrfGuard(HostResolver.system(), Set.of("127.0.0.1:" + mailchimp.port())),
        ToolHttp.TIMEOUT);
    return new MailchimpHttpApi(http, given, Clock.systemUTC(), wait);
  }

  private MailchimpMember member(String audience, Map<String, String> merge, Map<String, String> defaults,
      List<String> tags) {
    return new MailchimpMember("msg_1", access, audience, "Ada@Mail.example", "subscribed", merge, defaults, tags);
  }

  private DeliveryFailure failure(MailchimpMember member) {
    return catchThrowableOfType(DeliveryFailure.class, () -> api.upsert(member));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
  }
}
