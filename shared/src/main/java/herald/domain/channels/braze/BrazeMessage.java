package herald.domain.channels.braze;

import herald.domain.channels.Outgoing;
import herald.domain.integrations.ToolAccess;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Braze message, rendered: the user ({@code external_id}) and their custom attributes, and either a custom
 * event or a campaign or canvas trigger, or neither (attributes alone). Never logged: {@code access} holds the key.
 *
 * @param event null when no event goes
 * @param trigger null when no campaign or canvas is triggered
 */
public record BrazeMessage(String messageId, ToolAccess access, String externalId, Map<String, Object> attributes,
    Event event, Trigger trigger) implements Outgoing {
  public BrazeMessage {
    attributes = copy(attributes);
    if (event != null && trigger != null) throw new IllegalArgumentException("an event or a trigger, not both");
  }

  /** Braze's path this message is sent to. */
  public String path() {
    if (trigger == null) return "/users/track";
    return trigger.target() == Target.CAMPAIGN ? "/campaigns/trigger/send" : "/canvas/trigger/send";
  }

  /** What a preview shows: the path, the external_id, the attributes, and the event or the trigger. */
  public Map<String, Object> preview() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("path", path());
    shown.put("external_id", externalId);
    shown.put("attributes", attributes);
    if (event != null) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", event.name());
      e.put("time", event.time().toString());
      e.put("properties", event.properties());
      shown.put("event", e);
    }
    if (trigger != null) {
      shown.put(trigger.target() == Target.CAMPAIGN ? "braze_campaign_id" : "braze_canvas_id", trigger.id());
      shown.put("properties", trigger.properties());
    }
    return shown;
  }

  /** A custom event: its name, when it happened (the trigger event's time), and its properties. */
  public record Event(String name, Instant time, Map<String, Object> properties) {
    public Event {
      properties = copy(properties);
    }
  }

  /** An API-triggered campaign or canvas, by its Braze id, with the properties its messages may use. */
  public record Trigger(Target target, String id, Map<String, Object> properties) {
    public Trigger {
      properties = copy(properties);
    }
  }

  public enum Target { CAMPAIGN, CANVAS }

  /** A copy keeping the order (nested values may hold nulls, which Braze takes as unset). */
  static Map<String, Object> copy(Map<String, Object> values) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
