package herald.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.delivery.UnsubscribeLinks;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customer consents in the API, and the signed unsubscribe link that revokes email consent. */
class UnsubscribeApiTest {
  private static final String KEY = "Bearer herald-local-key";
  private static final String SIGNING_KEY = "test-signing-key-0123456789";
  private static OpenApiResponses openApi;
  private final UnsubscribeLinks links = new UnsubscribeLinks(SIGNING_KEY, "https://api.acme.example");
  private ApiHandler api;

  @BeforeAll
  static void document() {
    openApi = OpenApiResponses.of(OpenApiDoc.read());
  }

  @BeforeEach
  void freshStandIns() {
    Env env = StandIns.get().freshEnv().with("HERALD_API_KEY", "herald-local-key").with("EVENT_BUS_NAME", "herald-test")
        .with("HERALD_SIGNING_KEY", SIGNING_KEY).with("HERALD_PUBLIC_URL", "https://api.acme.example");
    api = new ApiHandler(env);
    call("PUT", "/v1/settings/brand", Map.of(), "{\"sender_name\":\"Acme <Shop> & Co\",\"sender_email\":\"hello@acme.example\","
        + "\"postal_address\":\"1 Main Street\"}", KEY);
  }

  @Test
  void openingTheLinkShowsAConfirmationPageAndChangesNothing() {
    String granted = customer("{\"source_id\":\"ada-1\",\"email\":\"ada@mail.example\","
        + "\"consents\":{\"email\":{\"granted\":true}}}").path("id").asText();
    String never = customer("{\"source_id\":\"bob-1\",\"email\":\"bob@mail.example\"}").path("id").asText();
    JsonNode before = get("/v1/customers/" + granted);

    for (int i = 0; i < 3; i++) {   // a scanner may fetch it more than once
      APIGatewayV2HTTPResponse page = call("GET", "/v1/unsubscribe", query(links.urlFor(granted)), null, null);
      assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
      assertThat(call("GET", "/v1/unsubscribe", query(links.urlFor(never)), null, null).getStatusCode()).isEqualTo(200);
    }

    assertThat(get("/v1/customers/" + granted)).isEqualTo(before);
    assertThat(get("/v1/customers/" + never).path("consents").size()).isZero();
  }

  @Test
  void theConfirmationPageIsPlainEscapedHtmlWithTheBrandAndOneButtonThatPostsBack() {
    String id = customer("{\"source_id\":\"ada-1\",\"email\":\"ada@mail.example\"}").path("id").asText();

    APIGatewayV2HTTPResponse response = call("GET", "/v1/unsubscribe", query(links.urlFor(id)), null, null);

    assertThat(response.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8")
        .containsEntry("cache-control", "no-store").containsEntry("referrer-policy", "no-referrer")
        .containsEntry("content-security-policy", ApiEvents.PAGE_POLICY);
    assertThat(response.getBody()).contains("Acme &lt;Shop&gt; &amp; Co").doesNotContain("<Shop>");
    Document page = Jsoup.parse(response.getBody());
    assertThat(page.select("p").text()).contains("Acme <Shop> & Co");
    assertThat(page.select("script, iframe, object, embed, link, img")).isEmpty();
    assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
        .noneMatch(attribute -> attribute.getKey().startsWith("on")));
    Elements buttons = page.select("button, input[type=submit]");
    assertThat(buttons).hasSize(1);
    FormElement form = (FormElement) page.selectFirst("form");
    assertThat(form.attr("method")).isEqualToIgnoringCase("post");
    assertThat(form.hasAttr("action")).as("no action: the form posts to the page's own URL, the signed link").isFalse();
    assertThat(form.formData()).extracting(data -> data.key() + "=" + data.value())
        .containsExactly("List-Unsubscribe=One-Click");
  }

  @Test
  void theButtonsPostRevokesTheCustomersEmailConsentAndSaysSoWithTheBrandName() {
    String id = customer("{\"source_id\":\"ada-1\",\"email\":\"ada@mail.example\","
        + "\"consents\":{\"email\":{\"granted\":true}}}").path("id").asText();
    String link = links.urlFor(id);
    FormElement form = (FormElement) Jsoup.parse(call("GET", "/v1/unsubscribe", query(link), null, null).getBody())
        .selectFirst("form");

    APIGatewayV2HTTPResponse page = submit(form, link);

    assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
    assertThat(page.getBody()).contains("You are unsubscribed").contains("Acme &lt;Shop&gt; &amp; Co")
        .doesNotContain("<Shop>").doesNotContain("<form");
    JsonNode consent = get("/v1/customers/" + id).path("consents").path("email");
    assertThat(consent.path("granted").asBoolean(true)).isFalse();
    assertThat(consent.path("at").asText()).isNotBlank();
  }

  @Test
  void aOneClickPostUnsubscribesWithoutAKey() {
    String id = customer("{\"source_id\":\"ada-1\",\"email\":\"ada@mail.example\","
        + "\"consents\":{\"email\":{\"granted\":true}}}").path("id").asText();

    APIGatewayV2HTTPResponse page = call("POST", "/v1/unsubscribe", query(links.urlFor(id)),
        "List-Unsubscribe=One-Click", null);

    assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
    assertThat(get("/v1/customers/" + id).path("consents").path("email").path("granted").asBoolean(true)).isFalse();
  }

  @Test
  void aChangedMissingOrForeignSignatureIsAnInvalidLinkPageOnEveryMethodAndChangesNothing() {
    String id = customer("{\"source_id\":\"ada-1\",\"email\":\"ada@mail.example\"}").path("id").asText();
    Map<String, String> valid = query(links.urlFor(id));
    String foreign = new UnsubscribeLinks("another-key-0123456789", "https://x.example").urlFor(id);

    for (Map<String, String> bad : List.of(Map.of("c", id, "s", valid.get("s") + "x"), Map.of("c", id),
        Map.of("s", valid.get("s")), Map.<String, String>of(), query(foreign), Map.of("c", "cust_other", "s", valid.get("s")))) {
      for (String[] request : new String[][] {{"GET", null}, {"POST", "List-Unsubscribe=One-Click"}, {"POST", ""}}) {
        APIGatewayV2HTTPResponse page = call(request[0], "/v1/unsubscribe", bad, request[1], null);
        assertThat(page.getStatusCode()).as(request[0] + " " + bad).isEqualTo(400);
        assertThat(page.getHeaders()).containsEntry("content-type", "text/html; charset=utf-8");
        assertThat(page.getBody()).contains("not valid").doesNotContain("<form");
      }
    }
    assertThat(get("/v1/customers/" + id).path("consents").size()).isZero();
  }

  @Test
  void aValidLinkForACustomerNoLongerKnownStillConfirms() {
    APIGatewayV2HTTPResponse page = call("POST", "/v1/unsubscribe", query(links.urlFor("cust_gone")),
        "List-Unsubscribe=One-Click", null);

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getBody()).contains("You are unsubscribed");
  }

  @Test
  void consentsAreGivenPerChannelAndShownWithTheirTime() {
    JsonNode ada = customer("{\"source_id\":\"ada-1\",\"consents\":{\"email\":{\"granted\":false},\"sms\":{\"granted\":true}}}");

    assertThat(ada.path("consents").path("email").path("granted").asBoolean(true)).isFalse();
    assertThat(ada.path("consents").path("sms").path("granted").asBoolean()).isTrue();
    assertThat(ada.path("consents").path("sms").path("at").asText()).isEqualTo(ada.path("updated_at").asText());
    assertThat(customer("{\"source_id\":\"bob-1\"}").path("consents").isObject()).isTrue();
  }

  @Test
  void consentsForOtherChannelsOrWithoutABooleanAreRefused() {
    expect(call("POST", "/v1/customers", Map.of(), "{\"source_id\":\"x\",\"consents\":{\"push\":{\"granted\":false}}}", KEY),
        "unknown_field", "consents.push");
    expect(call("POST", "/v1/customers", Map.of(), "{\"source_id\":\"x\",\"consents\":{\"email\":{\"granted\":\"no\"}}}", KEY),
        "invalid_type", "consents.email.granted");
    expect(call("POST", "/v1/customers", Map.of(), "{\"source_id\":\"x\",\"consents\":{\"email\":{}}}", KEY),
        "missing_field", "consents.email.granted");
    expect(call("POST", "/v1/customers", Map.of(),
        "{\"source_id\":\"x\",\"consents\":{\"email\":{\"granted\":false,\"at\":\"2026-01-01T00:00:00Z\"}}}", KEY),
        "unknown_field", "consents.email.at");
    expect(call("POST", "/v1/customers", Map.of(), "{\"source_id\":\"x\",\"consents\":[]}", KEY),
        "invalid_type", "consents");
  }

  private JsonNode customer(String body) {
    APIGatewayV2HTTPResponse response = call("POST", "/v1/customers", Map.of(), body, KEY);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.parse(response.getBody());
  }

  private JsonNode get(String path) {
    APIGatewayV2HTTPResponse response = call("GET", path, Map.of(), null, KEY);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Json.parse(response.getBody());
  }

  private static void expect(APIGatewayV2HTTPResponse response, String code, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    JsonNode error = Json.parse(response.getBody());
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("field").asText()).isEqualTo(field);
  }

  /**
   * Submits a page's form as a browser does: with no action, to the page's own URL (the link, query included), with
   * its fields as body.
   */
  private APIGatewayV2HTTPResponse submit(FormElement form, String link) {
    String target = form.hasAttr("action") ? URI.create(link).resolve(form.attr("action")).toString() : link;
    String body = form.formData().stream().map(data -> URLEncoder.encode(data.key(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(data.value(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
    return call(form.attr("method").toUpperCase(java.util.Locale.ROOT), URI.create(target).getPath(), query(target),
        body, null);
  }

  /** The query of a link, decoded as API Gateway gives it. */
  private static Map<String, String> query(String url) {
    Map<String, String> query = new HashMap<>();
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  private APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> query, String body,
      String authorization) {
    Map<String, String> headers = new HashMap<>();
    headers.put("authorization", authorization);
    if (body != null && path.equals("/v1/unsubscribe")) headers.put("content-type", "application/x-www-form-urlencoded");
    APIGatewayV2HTTPEvent event = TestRequests.event(method, path, body, headers);
    event.setQueryStringParameters(query);
    APIGatewayV2HTTPResponse response = api.handleRequest(event, null);
    openApi.check(method, path, response.getStatusCode(), response.getBody());
    return response;
  }
}
