package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.domain.manual.ManualStart;
import herald.platform.Json;

/** Manual starts as the body of a manual-queue message: {@code {"distribution_id", "schedule_id"}}. */
public final class ManualStartJson {
  private ManualStartJson() {}

  public static String write(ManualStart start) {
    return Json.object().put("distribution_id", start.distributionId()).put("schedule_id", start.scheduleId())
        .toString();
  }

  /** Throws {@link Invalid} for a body that is not a manual start: no retry can make it one. */
  public static ManualStart read(String body) {
    try {
      JsonNode node = Json.parse(body);
      return new ManualStart(node.get("distribution_id").asText(), node.get("schedule_id").asText());
    } catch (Invalid e) {
      throw e;
    } catch (RuntimeException e) {
      throw new Invalid("invalid_job", "body", "not a manual start: " + e.getClass().getSimpleName());
    }
  }
}
