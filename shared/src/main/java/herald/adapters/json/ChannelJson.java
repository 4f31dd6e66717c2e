package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.platform.Json;
import jakarta.inject.Inject;

/**
 * Channels as the API reads and answers them. The registry of channel kinds reads them (strictly) and writes them
 * ({@code <name>_set} flags for secrets); this turns JSON into the maps, lists and scalars it reads, and what it
 * writes back into JSON.
 */
public final class ChannelJson {
  private final ChannelKinds kinds;

  @Inject
  public ChannelJson(ChannelKinds kinds) {
    this.kinds = kinds;
  }

  /** The channel at {@code index} of a distribution; refusals name {@code channels[index].<field>}. */
  public Channel parse(JsonNode node, int index) {
    return kinds.parse(node == null ? null : Json.MAPPER.convertValue(node, Object.class), index);
  }

  /** The form answers show: secrets only as whether they are set. */
  public ObjectNode write(Channel channel) {
    return Json.MAPPER.valueToTree(kinds.writeAnswer(channel));
  }

  /**
   * Every kind for {@code GET /v1/distributions/catalogue}: its fields (whether required, whether a write-only
   * secret), which hold templates, whether Herald delivers it today, what it does in doubt, and an example.
   */
  public ArrayNode catalogue() {
    ArrayNode all = Json.MAPPER.createArrayNode();
    for (ChannelKind kind : kinds.all()) {
      ObjectNode entry = all.addObject().put("type", kind.type()).put("description", kind.description());
      ArrayNode fields = entry.putArray("fields");
      ArrayNode templates = entry.putArray("templates");
      for (ChannelField field : kind.fields()) {
        if (field.answerOnly()) continue;
        fields.addObject().put("name", field.name()).put("type", field.type()).put("required", field.required())
            .put("secret", field.secret());
        if (field.template()) templates.add(field.name());
      }
      entry.put("in_doubt", kind.inDoubt().code());
      entry.set("example", Json.MAPPER.valueToTree(kind.example()));
    }
    return all;
  }
}
