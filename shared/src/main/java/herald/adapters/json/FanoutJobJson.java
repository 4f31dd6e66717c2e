package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.fanout.FanoutJob;
import herald.platform.Json;

/**
 * Fan-out jobs as the body of a fan-out-queue message: {@code mode} is {@code event} (with {@code event_type}
 * and {@code event}) or {@code existing_members}; {@code cursor} is absent at a shard's start.
 */
public final class FanoutJobJson {
  static final String EVENT = "event";
  static final String EXISTING_MEMBERS = "existing_members";

  private FanoutJobJson() {}

  public static String write(FanoutJob job) {
    ObjectNode node = Json.object();
    node.put("distribution_id", job.distributionId());
    node.put("segment_id", job.segmentId());
    node.put("shard", job.shard());
    node.put("mode", job.existingMembers() ? EXISTING_MEMBERS : EVENT);
    if (!job.existingMembers()) {
      node.put("event_type", job.event().type());
      node.set("event", EventJson.detail(job.event()));
    }
    if (job.cursor() != null) node.put("cursor", job.cursor());
    node.put("page", job.page());
    return node.toString();
  }

  /** Throws {@link Invalid} for a body that is not a fan-out job: no retry can make it one. */
  public static FanoutJob read(String body) {
    try {
      JsonNode node = Json.parse(body);
      String mode = node.get("mode").asText();
      if (!mode.equals(EVENT) && !mode.equals(EXISTING_MEMBERS)) throw new IllegalArgumentException(mode);
      return new FanoutJob(node.get("distribution_id").asText(), node.get("segment_id").asText(),
          node.get("shard").asInt(),
          mode.equals(EVENT) ? EventJson.fromDetail(node.get("event_type").asText(), node.get("event")) : null,
          node.path("cursor").isTextual() ? node.get("cursor").asText() : null, node.path("page").asInt(0));
    } catch (Invalid e) {
      throw e;
    } catch (RuntimeException e) {
      throw new Invalid("invalid_job", "body", "not a fan-out job: " + e.getClass().getSimpleName());
    }
  }
}
