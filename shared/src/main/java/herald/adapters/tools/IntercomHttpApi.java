package herald.adapters.tools;

import com.fasterxml.jackson.databind.JsonNode;
import herald.adapters.http.ToolAnswers;
import herald.adapters.http.ToolHttp;
import herald.adapters.http.ToolRequest;
import herald.adapters.http.ToolResponse;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.intercom.IntercomApi;
import herald.domain.channels.intercom.IntercomEvent;
import herald.domain.integrations.IntegrationCheck;
import herald.domain.integrations.ToolAccess;
import herald.platform.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Intercom's REST API (version {@value #VERSION}, pinned by the Intercom-Version header) for the Intercom channel:
 * the contact is looked up by external_id ({@code POST /contacts/search}) or created as a user ({@code POST
 * /contacts}; a 409 conflict, another message having created it meanwhile, means it exists: searched again, never
 * a failure), then the data event goes ({@code POST /events}, 202). Intercom's refusals keep its own message
 * ({@code errors[].message}, made safe); a 429 waits until {@code X-RateLimit-Reset} (Unix seconds), a 5xx the
 * usual backoff. The credential check is {@code GET /me}, answered with the workspace's name and region.
 */
public final class IntercomHttpApi implements IntercomApi, IntegrationCheck {
  /** The Intercom API version Herald speaks (the Intercom-Version header). */
  public static final String VERSION = "2.14";
  private final ToolHttp http;
  private final Clock clock;

  public IntercomHttpApi(ToolHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** Returns Intercom's id of the contact, or 202 when it created it and cannot see it yet. */
  @Override
  public String send(IntercomEvent event) {
    String contactId = contact(event.access(), event.contact());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_name", event.eventName());
    body.put("created_at", event.createdAt());
    body.put("user_id", event.contact().externalId());
    body.put("metadata", event.metadata());
    ToolResponse answer = call(event.access(), "POST", "/events", body);
    if (!answer.ok()) throw failure(answer);
    return contactId != null ? contactId : Integer.toString(answer.status());
  }

  @Override
  public CheckResult check(ToolAccess access) {
    ToolResponse answer;
    try {
      answer = call(access, "GET", "/me", null);
    } catch (DeliveryFailure unreachable) {
      return new CheckResult(false, 0, unreachable.reason());
    }
    if (!answer.ok()) return new CheckResult(false, answer.status(), ToolAnswers.safe(message(answer)));
    JsonNode app = json(answer).path("app");
    String workspace = app.path("name").asText("") + " (" + app.path("region").asText("?") + ")";
    return new CheckResult(true, answer.status(), ToolAnswers.safe("workspace " + workspace.trim()));
  }

  /** The contact's Intercom id, found or created; null when it exists but the search does not see it yet. */
  private String contact(ToolAccess access, IntercomEvent.Contact contact) {
    Optional<String> found = search(access, contact.externalId());
    if (found.isPresent()) return found.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("role", "user");
    body.put("external_id", contact.externalId());
    if (contact.email() != null) body.put("email", contact.email());
    if (contact.phone() != null) body.put("phone", contact.phone());
    if (contact.name() != null) body.put("name", contact.name());
    ToolResponse created = call(access, "POST", "/contacts", body);
    if (created.ok()) return text(json(created).path("id"));
    if (created.status() == 409) return search(access, contact.externalId()).orElse(null);
    throw failure(created);
  }

  private Optional<String> search(ToolAccess access, String externalId) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("field", "external_id");
    query.put("operator", "=");
    query.put("value", externalId);
    ToolResponse answer = call(access, "POST", "/contacts/search", Map.of("query", query));
    if (!answer.ok()) throw failure(answer);
    JsonNode data = json(answer).path("data");
    return data.isArray() && !data.isEmpty() ? Optional.ofNullable(text(data.get(0).path("id"))) : Optional.empty();
  }

  private ToolResponse call(ToolAccess access, String method, String path, Object body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + access.credential("access_token"));
    headers.put("Intercom-Version", VERSION);
    headers.put("Accept", "application/json");
    return http.call(new ToolRequest(method, access.baseUrl() + path, headers,
        body == null ? null : Json.write(body)));
  }

  private DeliveryFailure failure(ToolResponse answer) {
    return ToolAnswers.failure(answer, wait(answer), message(answer));
  }

  /** Until {@code X-RateLimit-Reset} (Unix seconds) on a 429, else what {@code Retry-After} says, else null. */
  private Duration wait(ToolResponse answer) {
    Optional<String> reset = answer.header("X-RateLimit-Reset");
    if (answer.status() == 429 && reset.isPresent()) {
      try {
        Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().trim())));
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (NumberFormatException unreadable) {
        // fall through to Retry-After
      }
    }
    return ToolAnswers.retryAfter(answer, clock);
  }

  /** Intercom's error list, its messages joined ({@code errors[].message}); empty when the body has none. */
  private static String message(ToolResponse answer) {
    List<String> messages = new java.util.ArrayList<>();
    json(answer).path("errors").forEach(error -> {
      String message = error.path("message").asText("");
      if (!message.isBlank()) messages.add(message);
    });
    return String.join("; ", messages);
  }

  private static JsonNode json(ToolResponse answer) {
    try {
      return answer.body() == null || answer.body().isBlank() ? Json.object() : Json.parse(answer.body());
    } catch (IllegalArgumentException notJson) {
      return Json.object();
    }
  }

  private static String text(JsonNode node) {
    return node.isTextual() || node.isNumber() ? node.asText() : null;
  }
}
