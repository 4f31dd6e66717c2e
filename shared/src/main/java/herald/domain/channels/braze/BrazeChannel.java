package herald.domain.channels.braze;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.integrations.IntegrationRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Braze user attributes: the saved integration holding the REST key and endpoint ({@code integration_id}), which
 * customer id is Braze's external_id ({@code source_id} by default), and up to 50 attributes (name -> template).
 */
public record BrazeChannel(String integrationId, String externalIdField, Map<String, String> attributes)
    implements Channel {
  public BrazeChannel {
    integrationId = IntegrationRefs.read(integrationId, ChannelSettings.AT + IntegrationRefs.FIELD);
    externalIdField = externalIdField == null ? "source_id" : externalIdField;
    if (!externalIdField.equals("source_id") && !externalIdField.equals("id")) {
      throw new Invalid("invalid_value", "channels[].external_id_field",
          "channels[].external_id_field must be source_id or id");
    }
    attributes = ChannelSettings.templateMap(attributes, "attributes", 50);
  }

  @Override
  public String type() {
    return BrazeKind.TYPE;
  }

  @Override
  public String integration() {
    return integrationId;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    attributes.forEach((name, template) -> templates.put("attributes." + name, template));
    return templates;
  }
}
