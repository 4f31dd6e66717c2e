package herald.domain.distributions;

import herald.domain.templates.TemplateScope;
import herald.domain.templates.TemplateVariables;
import herald.domain.events.TriggerEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard webhook body: {@code {id, type, created_at, source: {distribution_id}, event, data:
 * {customer, ...what the action provides}}}; {@code type} is the action, {@code event} null for manual ones.
 */
public final class WebhookEnvelope {
  private WebhookEnvelope() {}

  public static Map<String, Object> of(String messageId, Distribution distribution, Map<String, Object> scope,
      TriggerEvent event, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", messageId);
    body.put("type", distribution.action().type().key());
    body.put("created_at", now.toString());
    body.put("source", Map.of("distribution_id", distribution.id()));
    body.put("event", event == null ? null : TemplateScope.event(event));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customer", scope.get("customer"));
    String provided = TemplateVariables.provided(distribution.action().type());
    if (provided != null) data.put(provided, scope.get(provided));
    body.put("data", data);
    return body;
  }
}
