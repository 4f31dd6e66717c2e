package herald.domain.channels.braze;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.MessageContext;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import herald.domain.integrations.IntegrationRefs;
import herald.domain.integrations.Integrations;
import jakarta.inject.Provider;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Braze user attributes, stored, checked and previewed; Herald does not deliver them yet. */
public final class BrazeKind implements ChannelKind {
  public static final String TYPE = "braze";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("external_id_field", "string"),
      ChannelField.optional("attributes", "object").withTemplates());
  private final Templates templates;
  private final Provider<Integrations> integrations;

  @Inject
  public BrazeKind(Templates templates, Provider<Integrations> integrations) {
    this.templates = templates;
    this.integrations = integrations;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Braze: the customer's user attributes through your instance's REST API (the customer's source_id or"
        + " id as external_id), with the credentials of a saved integration. Not delivered yet: its messages end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new BrazeChannel(f.text(IntegrationRefs.FIELD), f.text("external_id_field"), f.texts("attributes"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    BrazeChannel braze = (BrazeChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (braze.integrationId() != null) form.put(IntegrationRefs.FIELD, braze.integrationId());
    form.put("external_id_field", braze.externalIdField());
    form.put("attributes", braze.attributes());
    return form;
  }

  /** Fields of channels stored before integrations (their credentials): read back and dropped. */
  @Override
  public Set<String> storedFields() {
    return Set.of("api_key", "rest_endpoint");
  }

  @Override
  public void checkForSave(Channel channel, String at) {
    IntegrationRefs.check(integrations.get(), channel.integration(), TYPE, at + IntegrationRefs.FIELD);
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, IntegrationRefs.FIELD, "int_example_braze",
        "external_id_field", "source_id",
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
