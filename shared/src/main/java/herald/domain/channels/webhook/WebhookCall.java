package herald.domain.channels.webhook;

import herald.domain.channels.Outgoing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One webhook request: POST {@code body} to {@code url} with {@code headers}, signed per Standard Webhooks with each
 * of {@code secrets} ({@link WebhookSignature}; none: unsigned), {@code messageId} as its {@code webhook-id} and
 * Idempotency-Key, and {@code timestamp} as its {@code webhook-timestamp}.
 */
public record WebhookCall(String messageId, String url, Map<String, String> headers, String body,
    List<String> secrets, Instant timestamp) implements Outgoing {
  public WebhookCall {
    headers = Map.copyOf(headers);
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }

  @Override
  public String toString() {
    return "WebhookCall[" + messageId + " -> " + url + "]";
  }
}
