package herald.domain.channels.braze;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import herald.domain.integrations.IntegrationRefs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Braze: the saved integration holding the REST key and endpoint ({@code integration_id}), which customer id is
 * Braze's external_id ({@code source_id} by default), up to 50 custom attributes and 50 event (or trigger)
 * properties (name -> template), whether a custom event goes too ({@code send_event}; named {@code event_name},
 * the distribution's name by default), and optionally one API-triggered campaign or canvas. With a trigger the
 * message is that one call (attributes on the recipient), so {@code send_event} is then false and cannot be true.
 * Channels stored before the event and trigger options read back with the defaults.
 */
public record BrazeChannel(String integrationId, String externalIdField, Map<String, String> attributes,
    Map<String, String> properties, boolean sendEvent, String eventName, String campaignId, String canvasId)
    implements Channel {
  public static final int MAX_EVENT_NAME = 255;
  private static final String AT_EVENT_NAME = ChannelSettings.AT + "event_name";

  public BrazeChannel {
    integrationId = IntegrationRefs.read(integrationId, ChannelSettings.AT + IntegrationRefs.FIELD);
    externalIdField = externalIdField == null ? "source_id" : externalIdField;
    if (!externalIdField.equals("source_id") && !externalIdField.equals("id")) {
      throw new Invalid("invalid_value", "channels[].external_id_field",
          "channels[].external_id_field must be source_id or id");
    }
    attributes = ChannelSettings.templateMap(attributes, "attributes", 50);
    properties = ChannelSettings.templateMap(properties, "properties", 50);
    eventName = eventName == null ? null
        : Text.plain(Text.maxLength(Text.required(eventName, AT_EVENT_NAME), MAX_EVENT_NAME, AT_EVENT_NAME),
            AT_EVENT_NAME);
    campaignId = campaignId == null ? null : Ids.given(campaignId, ChannelSettings.AT + "braze_campaign_id");
    canvasId = canvasId == null ? null : Ids.given(canvasId, ChannelSettings.AT + "braze_canvas_id");
    if (campaignId != null && canvasId != null) {
      throw new Invalid("invalid_value", ChannelSettings.AT + "braze_canvas_id",
          "channels[]: give braze_campaign_id or braze_canvas_id, not both");
    }
    if (sendEvent && (campaignId != null || canvasId != null)) {
      throw new Invalid("invalid_value", ChannelSettings.AT + "send_event", "channels[].send_event cannot be true"
          + " with a campaign or canvas: the trigger is the one call Herald makes (its properties carry the data)");
    }
  }

  /** Attributes and the default event, no trigger. */
  public BrazeChannel(String integrationId, String externalIdField, Map<String, String> attributes) {
    this(integrationId, externalIdField, attributes, null, true, null, null, null);
  }

  /** The channel as configured, {@code send_event} left out (null) taking its default: true without a trigger. */
  public static BrazeChannel of(String integrationId, String externalIdField, Map<String, String> attributes,
      Map<String, String> properties, Boolean sendEvent, String eventName, String campaignId, String canvasId) {
    boolean send = sendEvent != null ? sendEvent : campaignId == null && canvasId == null;
    return new BrazeChannel(integrationId, externalIdField, attributes, properties, send, eventName, campaignId,
        canvasId);
  }

  /** Whether the message triggers a campaign or a canvas. */
  public boolean triggers() {
    return campaignId != null || canvasId != null;
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
    properties.forEach((name, template) -> templates.put("properties." + name, template));
    return templates;
  }
}
