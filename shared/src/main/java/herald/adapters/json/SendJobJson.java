package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.delivery.SendJob;
import herald.platform.Json;

/** Send jobs as the body of a send-queue message. */
public final class SendJobJson {
  private SendJobJson() {}

  public static String write(SendJob job) {
    ObjectNode node = Json.object();
    node.put("distribution_id", job.distributionId());
    node.put("channel", job.channel());
    node.put("customer_id", job.customerId());
    node.put("event_type", job.event().type());
    node.set("event", EventJson.detail(job.event()));
    return node.toString();
  }

  /** Throws {@link Invalid} for a body that is not a send job: no retry can make it one. */
  public static SendJob read(String body) {
    try {
      JsonNode node = Json.parse(body);
      return new SendJob(node.get("distribution_id").asText(),
          node.get("channel").asText(),
          node.get("customer_id").asText(),
          EventJson.fromDetail(node.get("event_type").asText(), node.get("event")));
    } catch (Invalid e) {
      throw e;
    } catch (RuntimeException e) {
      throw new Invalid("invalid_job", "body", "not a send job: " + e.getClass().getSimpleName());
    }
  }
}
