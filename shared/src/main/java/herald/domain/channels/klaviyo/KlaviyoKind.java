package herald.domain.channels.klaviyo;

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

/** A Klaviyo metric event, stored, checked and previewed; Herald does not deliver it yet. */
public final class KlaviyoKind implements ChannelKind {
  public static final String TYPE = "klaviyo";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("metric", "string"),
      ChannelField.optional("properties", "object").withTemplates());
  private final Templates templates;
  private final Provider<Integrations> integrations;

  @Inject
  public KlaviyoKind(Templates templates, Provider<Integrations> integrations) {
    this.templates = templates;
    this.integrations = integrations;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Klaviyo: an event of your metric (the distribution's name unless given), with properties, for the"
        + " customer, with the private key of a saved integration. Not delivered yet: its messages"
        + " end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new KlaviyoChannel(f.text(IntegrationRefs.FIELD), f.text("metric"), f.texts("properties"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    KlaviyoChannel klaviyo = (KlaviyoChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (klaviyo.integrationId() != null) form.put(IntegrationRefs.FIELD, klaviyo.integrationId());
    if (klaviyo.metric() != null) form.put("metric", klaviyo.metric());
    form.put("properties", klaviyo.properties());
    return form;
  }

  /** Fields of channels stored before integrations (their credentials): read back and dropped. */
  @Override
  public Set<String> storedFields() {
    return Set.of("api_key");
  }

  @Override
  public void checkForSave(Channel channel, String at) {
    IntegrationRefs.check(integrations.get(), channel.integration(), TYPE, at + IntegrationRefs.FIELD);
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, IntegrationRefs.FIELD, "int_example_klaviyo", "metric", "Welcome",
        "properties", Map.of("name", "{{customer.name}}"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    KlaviyoChannel klaviyo = (KlaviyoChannel) channel;
    return ChannelSettings.ordered("metric", klaviyo.metric(),
        "properties", templates.renderJson(klaviyo.properties(), context.scope()));
  }
}
