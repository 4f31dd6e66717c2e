package herald.adapters.tools;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.http.ToolAnswers;
import herald.adapters.http.ToolHttp;
import herald.adapters.http.ToolRequest;
import herald.adapters.http.ToolResponse;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.braze.BrazeApi;
import herald.domain.channels.braze.BrazeMessage;
import herald.domain.integrations.IntegrationCheck;
import herald.domain.integrations.ToolAccess;
import herald.platform.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Braze's REST API on the integration's instance, with {@code Authorization: Bearer <api_key>}. A message is one
 * call: {@code POST /users/track} with the user's attributes object and, when it goes, one event object; or {@code
 * POST /campaigns/trigger/send} ({@code /canvas/trigger/send}) with one recipient, created if new, whose attributes
 * Braze sets before sending. A 2xx with an {@code errors} array refused part of the message: it fails for good with
 * Braze's own words. A 429 waits for {@code Retry-After} or else until {@code X-RateLimit-Reset} (UTC epoch
 * seconds); 5xx, timeouts and broken connections are retried with the usual backoff. The credential check is {@code
 * GET /events/list}, a read that changes nothing.
 */
@Singleton
public final class BrazeHttpApi implements BrazeApi, IntegrationCheck {
  private final ToolHttp http;
  private final Clock clock;

  @Inject
  public BrazeHttpApi(ToolHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public String send(BrazeMessage message) {
    ToolResponse response = http.call(new ToolRequest("POST", message.access().baseUrl() + message.path(),
        headers(message.access()), Json.write(body(message))));
    JsonNode answer = answer(response);
    if (!response.ok()) throw ToolAnswers.failure(response, wait(response), said(answer));
    if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
      throw DeliveryFailure.permanent("http_" + response.status() + ": " + ToolAnswers.safe(said(answer)), null);
    }
    String dispatch = answer.path("dispatch_id").asText("");
    return dispatch.isEmpty() ? null : dispatch;
  }

  @Override
  public CheckResult check(ToolAccess access) {
    ToolResponse response = http.call(new ToolRequest("GET", access.baseUrl() + "/events/list",
        Map.of("Authorization", "Bearer " + access.credential("api_key")), null));
    String said = ToolAnswers.safe(said(answer(response)));
    if (response.ok()) return new CheckResult(true, response.status(), "Braze took the REST API key (GET /events/list)");
    return new CheckResult(false, response.status(), said.isEmpty() ? "Braze answered " + response.status() : said);
  }

  static Map<String, Object> body(BrazeMessage message) {
    Map<String, Object> body = new LinkedHashMap<>();
    BrazeMessage.Trigger trigger = message.trigger();
    if (trigger == null) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("external_id", message.externalId());
      attributes.putAll(message.attributes());
      body.put("attributes", List.of(attributes));
      if (message.event() != null) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("external_id", message.externalId());
        event.put("name", message.event().name());
        event.put("time", message.event().time().toString());
        event.put("properties", message.event().properties());
        body.put("events", List.of(event));
      }
      return body;
    }
    boolean campaign = trigger.target() == BrazeMessage.Target.CAMPAIGN;
    body.put(campaign ? "campaign_id" : "canvas_id", trigger.id());
    Map<String, Object> recipient = new LinkedHashMap<>();
    recipient.put("external_user_id", message.externalId());
    recipient.put("send_to_existing_only", false);
    recipient.put("attributes", message.attributes());
    recipient.put(campaign ? "trigger_properties" : "canvas_entry_properties", trigger.properties());
    body.put("recipients", List.of(recipient));
    return body;
  }

  private static Map<String, String> headers(ToolAccess access) {
    return Map.of("Authorization", "Bearer " + access.credential("api_key"), "Content-Type", "application/json");
  }

  /** A 429's wait: {@code Retry-After} when given, else until {@code X-RateLimit-Reset}; null for anything else. */
  private Duration wait(ToolResponse response) {
    if (response.status() != 429) return null;
    Duration retryAfter = ToolAnswers.retryAfter(response, clock);
    if (retryAfter != null) return retryAfter;
    try {
      long reset = Long.parseLong(response.header("X-RateLimit-Reset").orElse("").trim());
      Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }

  private static JsonNode answer(ToolResponse response) {
    try {
      return response.body() == null || response.body().isBlank() ? Json.object() : Json.parse(response.body());
    } catch (IllegalArgumentException notJson) {
      return Json.object();
    }
  }

  /**
   * What Braze said: its {@code message} (unless just "success"), then each entry of {@code errors}, a text or an
   * object whose {@code type} says what was wrong ({@code /users/track} adds {@code input_array} and {@code index}).
   */
  private static String said(JsonNode answer) {
    List<String> parts = new ArrayList<>();
    String message = answer.path("message").asText("");
    if (!message.isEmpty() && !message.equals("success")) parts.add(message);
    for (JsonNode error : answer.path("errors")) {
      if (error.isTextual()) parts.add(error.asText());
      else if (error.hasNonNull("type")) {
        parts.add(error.path("type").asText() + (error.has("input_array") ? " (" + error.path("input_array").asText()
            + ")" : ""));
      } else parts.add(error.toString());
    }
    return String.join("; ", parts);
  }
}
