package herald.domain.channels.braze;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.MessageContext;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Braze user attributes, stored, checked and previewed; Herald does not deliver them yet. */
public final class BrazeKind implements ChannelKind {
  public static final String TYPE = "braze";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required("rest_endpoint", "string"),
      ChannelField.secret("api_key"),
      ChannelField.optional("external_id_field", "string"),
      ChannelField.optional("attributes", "object").withTemplates());
  private final Templates templates;

  @Inject
  public BrazeKind(Templates templates) {
    this.templates = templates;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Braze: the customer's user attributes through your instance's REST API (the customer's source_id or"
        + " id as external_id). Not delivered yet: its messages end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new BrazeChannel(f.text("rest_endpoint"), f.text("api_key"), f.text("external_id_field"),
        f.texts("attributes"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    BrazeChannel braze = (BrazeChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("rest_endpoint", braze.restEndpoint());
    if (braze.apiKey() != null) form.put("api_key", braze.apiKey());
    form.put("external_id_field", braze.externalIdField());
    form.put("attributes", braze.attributes());
    return form;
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, "rest_endpoint", "https://rest.iad-01.braze.com",
        "api_key", "braze-example-key", "external_id_field", "source_id",
        "attributes", Map.of("first_name", "{{customer.name}}"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    BrazeChannel braze = (BrazeChannel) channel;
    return ChannelSettings.ordered(
        "external_id", braze.externalIdField().equals("id") ? context.customer().id() : context.customer().sourceId(),
        "attributes", templates.renderJson(braze.attributes(), context.scope()));
  }
}
