package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.Invalid;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Channel;
import herald.domain.distributions.ChannelType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.EmailChannel;
import herald.domain.distributions.NewDistribution;
import herald.domain.distributions.Trigger;
import herald.platform.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Distributions as JSON: the API's shape, also the stored document. */
public final class DistributionJson {
  private DistributionJson() {}

  public static NewDistribution parseNew(JsonNode body) {
    Fields f = Fields.of(body, "", Set.of("name", "trigger", "audience", "action", "channels"));
    String name = f.requiredText("name");
    Trigger trigger = trigger(f.required("trigger"));
    AudienceType audience = enumOf(AudienceType.class, Fields.of(f.required("audience"), "audience",
        Set.of("type")).requiredText("type"), "audience.type");
    ActionType action = enumOf(ActionType.class, Fields.of(f.required("action"), "action",
        Set.of("type")).requiredText("type"), "action.type");
    return new NewDistribution(name, trigger, audience, action, channels(f.required("channels")));
  }

  public static ObjectNode write(Distribution d) {
    ObjectNode node = Json.object();
    node.put("id", d.id());
    node.put("name", d.name());
    node.put("status", d.status().name());
    ObjectNode trigger = node.putObject("trigger");
    trigger.put("type", d.trigger().type());
    ObjectNode filters = trigger.putObject("filters");
    d.trigger().filters().forEach(filters::put);
    node.putObject("audience").put("type", d.audience().name().toLowerCase(Locale.ROOT));
    node.putObject("action").put("type", d.action().name().toLowerCase(Locale.ROOT));
    ArrayNode channels = node.putArray("channels");
    for (Channel c : d.channels()) {
      if (c instanceof EmailChannel e) {
        channels.addObject().put("type", "email").put("subject", e.subject()).put("html", e.html()).put("text", e.text());
      }
    }
    node.put("version", d.version());
    node.put("created_at", d.createdAt().toString());
    node.put("updated_at", d.updatedAt().toString());
    return node;
  }

  /** Reads back a stored document (trusted: written by {@link #write}). */
  public static Distribution read(JsonNode node) {
    NewDistribution parts = new NewDistribution(node.get("name").asText(), trigger(node.get("trigger")),
        AudienceType.valueOf(node.get("audience").get("type").asText().toUpperCase(Locale.ROOT)),
        ActionType.valueOf(node.get("action").get("type").asText().toUpperCase(Locale.ROOT)),
        channels(node.get("channels")));
    return new Distribution(node.get("id").asText(), parts.name(),
        DistributionStatus.valueOf(node.get("status").asText()), parts.trigger(), parts.audience(), parts.action(),
        parts.channels(), node.get("version").asLong(), Instant.parse(node.get("created_at").asText()),
        Instant.parse(node.get("updated_at").asText()));
  }

  private static Trigger trigger(JsonNode node) {
    Fields f = Fields.of(node, "trigger", Set.of("type", "filters"));
    String type = f.requiredText("type");
    Map<String, String> filters = new HashMap<>();
    JsonNode filterNode = f.node("filters");
    if (filterNode != null) {
      Fields ff = Fields.of(filterNode, "trigger.filters", Set.of("event"));
      String event = ff.text("event");
      if (event != null) filters.put("event", event);
    }
    return new Trigger(type, filters);
  }

  private static List<Channel> channels(JsonNode node) {
    if (!node.isArray()) throw new Invalid("invalid_type", "channels", "channels must be an array");
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = "channels[" + i + "]";
      JsonNode c = node.get(i);
      String type = Fields.of(c, at, Set.of("type", "subject", "html", "text")).requiredText("type");
      ChannelType channelType = enumOf(ChannelType.class, type, at + ".type");
      if (channelType != ChannelType.EMAIL) {
        throw new Invalid("unsupported_channel", at + ".type", "channel " + type + " is not supported yet; use email");
      }
      Fields f = Fields.of(c, at, Set.of("type", "subject", "html", "text"));
      try {
        channels.add(new EmailChannel(f.text("subject"), f.text("html"), f.text("text")));
      } catch (Invalid e) {
        throw new Invalid(e.code(), e.field().replace("channels[]", at), e.getMessage().replace("channels[]", at));
      }
    }
    return channels;
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String code = field.endsWith("trigger.type") ? "unknown_trigger_type" : "invalid_value";
      throw new Invalid(code, field, field + " has no value " + value);
    }
  }
}
