package herald.adapters.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.platform.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A distribution's stored document, the storage's own form: what the API reads and answers may change without
 * changing it. Layout 2 holds the content (name, description, trigger, audience, action, channels with their
 * secrets, each in its kind's stored form); id, status, version and times are attributes of the item. Layout 3 is
 * layout 2 where the marketing tools' channels name an integration ({@code integration_id}) instead of holding
 * credentials; their credentials in a layout 2 or 1 document are read and dropped. Layout 1 (before items carried
 * a layout) was the API's form with secrets, those attributes inside the document.
 */
final class DistributionDocument {
  static final int SCHEMA = 3;
  private final ChannelKinds kinds;

  DistributionDocument(ChannelKinds kinds) {
    this.kinds = kinds;
  }

  /** The document of layout {@value #SCHEMA}. */
  String write(Distribution d) {
    ObjectNode doc = Json.object();
    doc.put("name", d.name());
    if (d.description() != null) doc.put("description", d.description());
    ObjectNode trigger = doc.putObject("trigger").put("type", d.trigger().type());
    trigger.set("filters", Json.MAPPER.valueToTree(d.trigger().filters()));
    if (d.trigger().pattern() != null) trigger.set("pattern", Json.parse(d.trigger().pattern()));
    ObjectNode audience = doc.putObject("audience").put("type", d.audience().type().key());
    if (d.audience().segmentId() != null) audience.put("segment_id", d.audience().segmentId());
    if (d.audience().customerId() != null) audience.put("customer_id", d.audience().customerId());
    ObjectNode action = doc.putObject("action").put("type", d.action().type().key());
    if (d.action().campaignId() != null) action.put("campaign_id", d.action().campaignId());
    if (d.action().promotionTierId() != null) action.put("promotion_tier_id", d.action().promotionTierId());
    ArrayNode channels = doc.putArray("channels");
    for (Channel channel : d.channels()) channels.add(Json.MAPPER.valueToTree(kinds.writeStored(channel)));
    return doc.toString();
  }

  /** Reads the document of either layout; {@code item} gives what layout 2 keeps outside the document. */
  Distribution read(JsonNode doc, int schema, Item item) {
    Item meta = schema == 1 ? new Item(doc.get("id").asText(), doc.get("status").asText(),
        doc.get("version").asLong(), doc.get("created_at").asText(), doc.get("updated_at").asText()) : item;
    JsonNode trigger = doc.get("trigger");
    JsonNode audience = doc.get("audience");
    JsonNode action = doc.get("action");
    List<Channel> channels = new ArrayList<>();
    for (JsonNode channel : doc.get("channels")) {
      channels.add(kinds.parseStored(Json.MAPPER.convertValue(channel, Map.class), channels.size()));
    }
    return new Distribution(meta.id(), doc.get("name").asText(), text(doc, "description"),
        DistributionStatus.valueOf(meta.status()),
        new Trigger(trigger.get("type").asText(), Json.toMap(trigger.get("filters")),
            trigger.hasNonNull("pattern") ? trigger.get("pattern").toString() : null),
        new Audience(key(AudienceType.values(), AudienceType::key, audience.get("type").asText()),
            text(audience, "segment_id"), text(audience, "customer_id")),
        new Action(key(ActionType.values(), ActionType::key, action.get("type").asText()),
            text(action, "campaign_id"), text(action, "promotion_tier_id")),
        channels, meta.version(), Instant.parse(meta.createdAt()), Instant.parse(meta.updatedAt()));
  }

  /** What layout 2 keeps in the item's own attributes. */
  record Item(String id, String status, long version, String createdAt, String updatedAt) {}

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static <E> E key(E[] values, Function<E, String> key, String value) {
    return Arrays.stream(values).filter(v -> key.apply(v).equals(value)).findFirst()
        .orElseThrow(() -> new IllegalStateException("a stored distribution has an unknown value " + value));
  }
}
