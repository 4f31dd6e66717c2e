package herald.domain.channels.intercom;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Text;
import herald.domain.integrations.IntegrationRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An Intercom data event: the saved integration holding the access token and region ({@code integration_id}), the
 * event name (null: the distribution's name) and up to 10 metadata (name -> template).
 */
public record IntercomChannel(String integrationId, String eventName, Map<String, String> metadata)
    implements Channel {
  public IntercomChannel {
    integrationId = IntegrationRefs.read(integrationId, ChannelSettings.AT + IntegrationRefs.FIELD);
    eventName = eventName == null ? null
        : Text.maxLength(Text.required(eventName, "channels[].event_name"), 255, "channels[].event_name");
    metadata = ChannelSettings.templateMap(metadata, "metadata", 10);
  }

  @Override
  public String type() {
    return IntercomKind.TYPE;
  }

  @Override
  public String integration() {
    return integrationId;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    metadata.forEach((name, template) -> templates.put("metadata." + name, template));
    return templates;
  }
}
