package herald.domain.channels.klaviyo;

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

/** A Klaviyo metric event, stored, checked and previewed; Herald does not deliver it yet. */
public final class KlaviyoKind implements ChannelKind {
  public static final String TYPE = "klaviyo";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.secret("api_key"),
      ChannelField.required("metric", "string"),
      ChannelField.optional("properties", "object").withTemplates());
  private final Templates templates;

  @Inject
  public KlaviyoKind(Templates templates) {
    this.templates = templates;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Klaviyo: an event of your metric, with properties, for the customer. Not delivered yet: its messages"
        + " end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new KlaviyoChannel(f.text("api_key"), f.text("metric"), f.texts("properties"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    KlaviyoChannel klaviyo = (KlaviyoChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (klaviyo.apiKey() != null) form.put("api_key", klaviyo.apiKey());
    form.put("metric", klaviyo.metric());
    form.put("properties", klaviyo.properties());
    return form;
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, "api_key", "pk_example", "metric", "Welcome",
        "properties", Map.of("name", "{{customer.name}}"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    KlaviyoChannel klaviyo = (KlaviyoChannel) channel;
    return ChannelSettings.ordered("metric", klaviyo.metric(),
        "properties", templates.renderJson(klaviyo.properties(), context.scope()));
  }
}
