package herald.domain.channels.webhook;

import herald.domain.channels.Outgoing;
import java.time.Instant;
import java.util.Map;

/**
 * One webhook request: POST {@code body} to {@code url} with {@code headers}, signed with {@code secret}
 * ({@link WebhookSignature}) and carrying {@code messageId} as its Idempotency-Key.
 */
public record WebhookCall(String messageId, String url, Map<String, String> headers, String body, String secret,
    Instant timestamp) implements Outgoing {
  public WebhookCall {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "WebhookCall[" + messageId + " -> " + url + "]";
  }
}
