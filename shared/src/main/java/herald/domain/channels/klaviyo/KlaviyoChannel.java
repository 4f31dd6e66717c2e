package herald.domain.channels.klaviyo;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Text;
import herald.domain.integrations.IntegrationRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Klaviyo event: the saved integration holding the private key ({@code integration_id}), the metric (event name;
 * null: the distribution's name) and properties (name -> template).
 */
public record KlaviyoChannel(String integrationId, String metric, Map<String, String> properties) implements Channel {
  public KlaviyoChannel {
    integrationId = IntegrationRefs.read(integrationId, ChannelSettings.AT + IntegrationRefs.FIELD);
    metric = metric == null ? null : Text.maxLength(Text.required(metric, "channels[].metric"), 128, "channels[].metric");
    properties = ChannelSettings.templateMap(properties, "properties", 50);
  }

  @Override
  public String type() {
    return KlaviyoKind.TYPE;
  }

  @Override
  public String integration() {
    return integrationId;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    properties.forEach((name, template) -> templates.put("properties." + name, template));
    return templates;
  }
}
