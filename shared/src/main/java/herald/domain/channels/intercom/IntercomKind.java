package herald.domain.channels.intercom;

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

/** An Intercom data event, stored, checked and previewed; Herald does not deliver it yet. */
public final class IntercomKind implements ChannelKind {
  public static final String TYPE = "intercom";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.secret("access_token"),
      ChannelField.optional("region", "string"),
      ChannelField.required("event_name", "string"),
      ChannelField.optional("metadata", "object").withTemplates());
  private final Templates templates;

  @Inject
  public IntercomKind(Templates templates) {
    this.templates = templates;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Intercom: a data event with metadata for the customer, in your workspace's region (us, eu, au). Not"
        + " delivered yet: its messages end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new IntercomChannel(f.text("access_token"), f.text("region"), f.text("event_name"), f.texts("metadata"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    IntercomChannel intercom = (IntercomChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (intercom.accessToken() != null) form.put("access_token", intercom.accessToken());
    form.put("region", intercom.region());
    form.put("event_name", intercom.eventName());
    form.put("metadata", intercom.metadata());
    return form;
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, "access_token", "intercom-example-token", "region", "eu",
        "event_name", "welcome", "metadata", Map.of("name", "{{customer.name}}"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    IntercomChannel intercom = (IntercomChannel) channel;
    return ChannelSettings.ordered("event_name", intercom.eventName(),
        "metadata", templates.renderJson(intercom.metadata(), context.scope()));
  }
}
