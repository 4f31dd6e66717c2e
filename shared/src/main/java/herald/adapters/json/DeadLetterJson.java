package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Ids;
import herald.domain.deadletters.DeadLetter;
import herald.domain.deadletters.DeadLetterQueue;
import herald.platform.Json;
import java.time.Instant;
import java.util.Map;

/**
 * A dead-letter queue's message read into a {@link DeadLetter}, whatever its body: what it is about is taken from the
 * fields Herald's jobs carry ({@code distribution_id}, {@code segment_id}, {@code shard}, the event's or schedule's
 * id); a bus event dead-lettered by EventBridge (the reason in its {@code ERROR_CODE} attribute) or by Lambda (an
 * OnFailure record: {@code requestContext.condition}, {@code responsePayload.errorType}) gives its event's id. A body
 * that is not JSON is kept as it is, {@code unreadable_body}. The id comes from the queue and the SQS message id, so a
 * message delivered twice is one dead letter. And the API's view, which never shows the body.
 */
public final class DeadLetterJson {
  static final String RETRIES_EXHAUSTED = "retries_exhausted";

  private DeadLetterJson() {}

  public static DeadLetter read(DeadLetterQueue queue, String sqsMessageId, String body,
      Map<String, String> attributes, Instant now) {
    String id = Ids.derived("dl_", queue.code(), sqsMessageId);
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (RuntimeException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return new DeadLetter(id, queue, null, null, null, null, "unreadable_body", now, body, null);
    }
    String reason = RETRIES_EXHAUSTED;
    JsonNode about = node;
    if (node.has("requestContext") && node.has("requestPayload")) {   // a Lambda OnFailure destination's record
      about = node.get("requestPayload");
      reason = join(text(node.path("requestContext"), "condition"), text(node.path("responsePayload"), "errorType"));
    } else if (attributes.get("ERROR_CODE") != null) {   // EventBridge's own dead letter
      reason = attributes.get("ERROR_CODE");
    }
    JsonNode shard = about.get("shard");
    return new DeadLetter(id, queue, text(about, "distribution_id"), text(about, "segment_id"),
        shard != null && shard.canConvertToInt() ? shard.asInt() : null, eventId(about), reason, now, body, null);
  }

  /** A manual start's schedule, a job's event, a Herald envelope's id on the bus, else the bus event's own id. */
  private static String eventId(JsonNode about) {
    String schedule = text(about, "schedule_id");
    if (schedule != null) return schedule;
    String event = text(about.path("event"), "id");
    if (event != null) return event;
    String detail = text(about.path("detail"), "id");
    return detail != null ? detail : text(about, "id");
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static String join(String condition, String error) {
    if (condition == null && error == null) return RETRIES_EXHAUSTED;
    if (condition == null) return error;
    return error == null ? condition : condition + ":" + error;
  }

  /** The API's view: what it is about, why and when; never the body. */
  public static ObjectNode write(DeadLetter d) {
    ObjectNode node = Json.object();
    node.put("id", d.id());
    node.put("queue", d.queue().code());
    node.put("distribution_id", d.distributionId());
    node.put("segment_id", d.segmentId());
    if (d.shard() == null) node.putNull("shard");
    else node.put("shard", d.shard());
    node.put("event_id", d.eventId());
    node.put("reason", d.reason());
    node.put("dead_lettered_at", d.at().toString());
    node.put("redrivable", d.redrivable());
    node.put("redriven_at", d.redrivenAt() == null ? null : d.redrivenAt().toString());
    return node;
  }
}
