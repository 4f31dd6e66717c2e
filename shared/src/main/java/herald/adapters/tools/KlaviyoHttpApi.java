package herald.adapters.tools;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.http.ToolAnswers;
import herald.adapters.http.ToolHttp;
import herald.adapters.http.ToolRequest;
import herald.adapters.http.ToolResponse;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.klaviyo.KlaviyoApi;
import herald.domain.channels.klaviyo.KlaviyoEvent;
import herald.domain.channels.klaviyo.KlaviyoProfile;
import herald.domain.integrations.IntegrationCheck;
import herald.domain.integrations.ToolAccess;
import herald.platform.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Klaviyo's REST API at the pinned {@link #REVISION}, with the integration's private key: {@code POST /api/events}
 * creates one event (a JSON:API document; Klaviyo answers 202 with no body and no id, so the message keeps the
 * status), and {@code GET /api/accounts} checks the key. A 429 (with {@code Retry-After} in seconds) and a 5xx are
 * tried again later; any other refusal fails for good with Klaviyo's own {@code errors[].detail}, made safe.
 */
public final class KlaviyoHttpApi implements KlaviyoApi, IntegrationCheck {
  /** The API revision every call names (Klaviyo's {@code revision} header); the README names it too. */
  public static final String REVISION = "2026-10-15";
  static final String JSON_API = "application/vnd.api+json";
  private final ToolHttp http;
  private final Clock clock;

  public KlaviyoHttpApi(ToolHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String createEvent(KlaviyoEvent event) {
    String body;
    try {
      body = Json.write(body(event));
    } catch (IllegalStateException e) {
      throw DeliveryFailure.permanent("body_not_serialisable", e);
    }
    ToolResponse response = http.call(new ToolRequest("POST", event.access().baseUrl() + "/api/events",
        headers(event.access(), true), body));
    if (response.ok()) return Integer.toString(response.status());
    throw ToolAnswers.failure(response, ToolAnswers.retryAfter(response, clock), detail(response));
  }

  /** {@code GET /api/accounts}: the account the key belongs to, or Klaviyo's refusal. */
  @Override
  public CheckResult check(ToolAccess access) {
    ToolResponse response;
    try {
      response = http.call(new ToolRequest("GET", access.baseUrl() + "/api/accounts", headers(access, false), null));
    } catch (DeliveryFailure unreachable) {
      return new CheckResult(false, 0, "Klaviyo could not be reached: " + unreachable.reason());
    }
    if (!response.ok()) {
      String detail = ToolAnswers.safe(detail(response));
      return new CheckResult(false, response.status(), detail.isEmpty() ? "Klaviyo refused the key" : detail);
    }
    String account = account(response);
    return new CheckResult(true, response.status(), account == null ? "Klaviyo accepted the private API key"
        : "Klaviyo accepted the private API key of account " + ToolAnswers.safe(account));
  }

  private static Map<String, String> headers(ToolAccess access, boolean withBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Klaviyo-API-Key " + access.credential("private_api_key"));
    headers.put("revision", REVISION);
    headers.put("Accept", JSON_API);
    if (withBody) headers.put("Content-Type", JSON_API);
    return headers;
  }

  private static Map<String, Object> body(KlaviyoEvent event) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("properties", event.properties());
    attributes.put("time", event.time().toString());
    attributes.put("unique_id", event.messageId());
    attributes.put("metric", data("metric", Map.<String, Object>of("name", event.metric())));
    attributes.put("profile", data("profile", profile(event.profile())));
    return data("event", attributes);
  }

  private static Map<String, Object> profile(KlaviyoProfile profile) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (profile.email() != null) attributes.put("email", profile.email());
    if (profile.phoneNumber() != null) attributes.put("phone_number", profile.phoneNumber());
    if (profile.externalId() != null) attributes.put("external_id", profile.externalId());
    return attributes;
  }

  private static Map<String, Object> data(String type, Map<String, Object> attributes) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("type", type);
    resource.put("attributes", attributes);
    return Map.of("data", resource);
  }

  /** The first of Klaviyo's {@code errors[]}: its detail, else its title; empty when the body says none. */
  private static String detail(ToolResponse response) {
    JsonNode error = parsed(response).path("errors").path(0);
    String detail = error.path("detail").asText("");
    return detail.isBlank() ? error.path("title").asText("") : detail;
  }

  private static String account(ToolResponse response) {
    JsonNode id = parsed(response).path("data").path(0).path("id");
    return id.isTextual() ? id.asText() : null;
  }

  private static JsonNode parsed(ToolResponse response) {
    try {
      return response.body() == null || response.body().isBlank() ? Json.object() : Json.parse(response.body());
    } catch (IllegalArgumentException notJson) {
      return Json.object();
    }
  }
}
