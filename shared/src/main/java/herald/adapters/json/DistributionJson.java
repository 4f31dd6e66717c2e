package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.channels.Channel;
import herald.domain.common.Invalid;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Compatibility;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionDraft;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerFilter;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Distributions as the API reads and answers them ({@link #parseDraft}, {@link #write}): a write-only secret is
 * never shown, only whether it is set. The distributions table keeps its own form (DistributionDocument), which
 * changes to this one do not touch.
 * Input is strict: wrong types and unknown fields are refused with the field named; the response-only
 * fields (id, status, version, created_at, updated_at, send_at, secret_set, segments, ...) are accepted and ignored,
 * so what a GET returns can be sent back.
 */
public final class DistributionJson {
  private static final Set<String> FIELDS = Set.of("name", "description", "trigger", "audience", "action", "channels",
      "id", "status", "version", "created_at", "updated_at", "send_at");
  private final ChannelJson channels;

  @Inject
  public DistributionJson(ChannelJson channels) {
    this.channels = channels;
  }

  /** A request body (POST or PUT) as a draft; {@link #version} reads the PUT's version. */
  public DistributionDraft parseDraft(JsonNode body) {
    Fields f = Fields.of(body, "", FIELDS);
    return new DistributionDraft(f.requiredText("name"), f.text("description"), trigger(f.required("trigger")),
        audience(f.required("audience")), action(f.required("action")), channels(f.required("channels")));
  }

  /** The body's {@code version} (a positive integer), or null when it has none. */
  public static Long version(JsonNode body) {
    JsonNode version = body == null ? null : body.get("version");
    if (version == null || version.isNull()) return null;
    if (!version.canConvertToExactIntegral() || !version.canConvertToLong() || version.asLong() < 1) {
      throw new Invalid("invalid_type", "version", "version must be a positive integer");
    }
    return version.asLong();
  }

  /**
   * {@code GET /v1/distributions/catalogue}: per trigger type its filters, and the actions and audiences that fit;
   * and every channel type with its configuration.
   */
  public ObjectNode writeCatalogue() {
    ObjectNode root = Json.object();
    ArrayNode data = root.putArray("data");
    for (Compatibility.Entry entry : Compatibility.catalogue()) {
      ObjectNode e = data.addObject();
      e.put("trigger", entry.trigger());
      ArrayNode filters = e.putArray("filters");
      for (TriggerFilter filter : entry.filters()) {
        filters.addObject().put("name", filter.name()).put("type", filter.kind() == TriggerFilter.Kind.BOOLEAN
            ? "boolean" : "string").put("required", filter.required());
      }
      e.put("pattern", entry.pattern());
      entry.audiences().forEach(a -> e.withArray("audiences").add(a.key()));
      ArrayNode actions = e.putArray("actions");
      for (Compatibility.ActionChoice choice : entry.actions()) {
        ObjectNode a = actions.addObject().put("type", choice.action().key());
        a.set("parameters", Json.MAPPER.valueToTree(choice.parameters()));
        a.set("audiences", Json.MAPPER.valueToTree(choice.audiences().stream().map(AudienceType::key).toList()));
        a.set("variables", Json.MAPPER.valueToTree(choice.variables()));
      }
    }
    root.set("channels", channels.catalogue());
    return root;
  }

  /** The API form: secrets shown only as {@code secret_set}, {@code api_key_set}, {@code access_token_set}. */
  public ObjectNode write(Distribution d) {
    ObjectNode node = Json.object();
    node.put("id", d.id());
    node.put("name", d.name());
    if (d.description() != null) node.put("description", d.description());
    node.put("status", d.status().name());
    ObjectNode trigger = node.putObject("trigger");
    trigger.put("type", d.trigger().type());
    trigger.set("filters", Json.MAPPER.valueToTree(d.trigger().filters()));
    if (d.trigger().pattern() != null) trigger.set("pattern", Json.parse(d.trigger().pattern()));
    ObjectNode audience = node.putObject("audience").put("type", d.audience().type().key());
    if (d.audience().segmentId() != null) audience.put("segment_id", d.audience().segmentId());
    if (d.audience().customerId() != null) audience.put("customer_id", d.audience().customerId());
    ObjectNode action = node.putObject("action").put("type", d.action().type().key());
    if (d.action().campaignId() != null) action.put("campaign_id", d.action().campaignId());
    if (d.action().promotionTierId() != null) action.put("promotion_tier_id", d.action().promotionTierId());
    ArrayNode written = node.putArray("channels");
    for (Channel channel : d.channels()) written.add(channels.write(channel));
    node.put("version", d.version());
    node.put("created_at", d.createdAt().toString());
    node.put("updated_at", d.updatedAt().toString());
    if (d.schedule() != null) node.put("send_at", d.schedule().sendAt().toString());
    return node;
  }

  private static Trigger trigger(JsonNode node) {
    Fields f = Fields.of(node, "trigger", Set.of("type", "filters", "pattern"));
    String type = f.requiredText("type");
    JsonNode pattern = f.node("pattern");
    if (pattern != null && !pattern.isObject()) {
      throw new Invalid("invalid_type", "trigger.pattern", "trigger.pattern must be a JSON object (an EventBridge pattern)");
    }
    return new Trigger(type, f.object("filters"), pattern == null ? null : pattern.toString());
  }

  private static Audience audience(JsonNode node) {
    Fields f = Fields.of(node, "audience", Set.of("type", "segment_id", "customer_id"));
    return new Audience(key(AudienceType.values(), AudienceType::key, f.requiredText("type"), "audience.type"),
        f.text("segment_id"), f.text("customer_id"));
  }

  private static Action action(JsonNode node) {
    Fields f = Fields.of(node, "action", Set.of("type", "campaign_id", "promotion_tier_id"));
    return new Action(key(ActionType.values(), ActionType::key, f.requiredText("type"), "action.type"),
        f.text("campaign_id"), f.text("promotion_tier_id"));
  }

  private List<Channel> channels(JsonNode node) {
    if (!node.isArray()) throw new Invalid("invalid_type", "channels", "channels must be an array");
    List<Channel> parsed = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) parsed.add(channels.parse(node.get(i), i));
    return parsed;
  }

  private static <E> E key(E[] values, Function<E, String> key, String value, String field) {
    return Arrays.stream(values).filter(v -> key.apply(v).equals(value)).findFirst()
        .orElseThrow(() -> new Invalid("invalid_value", field, field + " has no value " + value + "; use one of "
            + String.join(", ", Arrays.stream(values).map(key).toList())));
  }
}
