package herald.domain.channels.webhook;

import herald.domain.events.TriggerEvent;
import herald.domain.templates.TemplateScope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard webhook body: {@code {id, type, created_at, source: {distribution_id}, event, data}}; {@code type}
 * is the distribution's action, {@code event} null for manual ones, {@code data} the customer and what the action
 * provides.
 */
public final class WebhookEnvelope {
  private WebhookEnvelope() {}

  public static Map<String, Object> of(String messageId, String actionType, String distributionId, TriggerEvent event,
      Map<String, Object> data, Instant createdAt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", messageId);
    body.put("type", actionType);
    body.put("created_at", createdAt.toString());
    body.put("source", Map.of("distribution_id", distributionId));
    body.put("event", event == null ? null : TemplateScope.event(event));
    body.put("data", data);
    return body;
  }
}
