package herald.domain.channels.intercom;

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

/** An Intercom data event, stored, checked and previewed; Herald does not deliver it yet. */
public final class IntercomKind implements ChannelKind {
  public static final String TYPE = "intercom";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("event_name", "string"),
      ChannelField.optional("metadata", "object").withTemplates());
  private final Templates templates;
  private final Provider<Integrations> integrations;

  @Inject
  public IntercomKind(Templates templates, Provider<Integrations> integrations) {
    this.templates = templates;
    this.integrations = integrations;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Intercom: a data event (the distribution's name unless given) with metadata for the customer, through a"
        + " saved integration (access token and region). Not"
        + " delivered yet: its messages end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new IntercomChannel(f.text(IntegrationRefs.FIELD), f.text("event_name"), f.texts("metadata"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    IntercomChannel intercom = (IntercomChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (intercom.integrationId() != null) form.put(IntegrationRefs.FIELD, intercom.integrationId());
    if (intercom.eventName() != null) form.put("event_name", intercom.eventName());
    form.put("metadata", intercom.metadata());
    return form;
  }

  /** Fields of channels stored before integrations (their credentials): read back and dropped. */
  @Override
  public Set<String> storedFields() {
    return Set.of("access_token", "region");
  }

  @Override
  public void checkForSave(Channel channel, String at) {
    IntegrationRefs.check(integrations.get(), channel.integration(), TYPE, at + IntegrationRefs.FIELD);
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, IntegrationRefs.FIELD, "int_example_intercom",
        "event_name", "welcome", "metadata", Map.of("name", "{{customer.name}}"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    IntercomChannel intercom = (IntercomChannel) channel;
    return ChannelSettings.ordered("event_name", intercom.eventName(),
        "metadata", templates.renderJson(intercom.metadata(), context.scope()));
  }
}
