package herald.domain.channels.braze;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.common.Invalid;
import herald.domain.integrations.IntegrationRefs;
import herald.domain.integrations.Integrations;
import herald.domain.integrations.LoadIntegration;
import herald.domain.integrations.ToolAccess;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Braze, through the REST API of the integration's instance: the customer's custom attributes ({@code herald_code}
 * when the action gives a code, and the channel's own) with a custom event by default ({@code POST /users/track}),
 * or with an API-triggered campaign or canvas instead ({@code POST /campaigns/trigger/send}, {@code
 * /canvas/trigger/send}). Braze cannot tell whether it took an event or a trigger, so only attributes alone are
 * sent again in doubt.
 */
public final class BrazeKind implements ChannelKind {
  public static final String TYPE = "braze";
  /** The attribute (and property) holding the code the action gives. */
  public static final String HERALD_CODE = "herald_code";
  /** {@code /users/track}'s documented limit, 3,000 requests per 3 seconds, one message a request. */
  static final int REQUESTS_PER_SECOND = 1_000;
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("external_id_field", "string"),
      ChannelField.optional("attributes", "object").withTemplates(),
      ChannelField.optional("send_event", "boolean"),
      ChannelField.optional("event_name", "string"),
      ChannelField.optional("properties", "object").withTemplates(),
      ChannelField.optional("braze_campaign_id", "string"),
      ChannelField.optional("braze_canvas_id", "string"));
  private final Templates templates;
  private final Provider<Integrations> integrations;
  private final Provider<LoadIntegration> load;
  private final Provider<BrazeApi> api;

  @Inject
  public BrazeKind(Templates templates, Provider<Integrations> integrations, Provider<LoadIntegration> load,
      Provider<BrazeApi> api) {
    this.templates = templates;
    this.integrations = integrations;
    this.load = load;
    this.api = api;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Braze: the customer's custom attributes (herald_code for a code) and a custom event named after the"
        + " distribution through your instance's /users/track, or an API-triggered campaign or canvas instead; the"
        + " customer's source_id or id is the external_id, with the credentials of a saved integration.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    Object send = f.value("send_event");
    if (send != null && !(send instanceof Boolean)) {
      throw new Invalid("invalid_type", f.at("send_event"), f.at("send_event") + " must be a boolean");
    }
    return BrazeChannel.of(f.text(IntegrationRefs.FIELD), f.text("external_id_field"), f.texts("attributes"),
        f.texts("properties"), (Boolean) send, f.text("event_name"), f.text("braze_campaign_id"),
        f.text("braze_canvas_id"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    BrazeChannel braze = (BrazeChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (braze.integrationId() != null) form.put(IntegrationRefs.FIELD, braze.integrationId());
    form.put("external_id_field", braze.externalIdField());
    form.put("attributes", braze.attributes());
    if (!braze.sendEvent()) form.put("send_event", false);      // the defaults are left out: the stored form of
    if (braze.eventName() != null) form.put("event_name", braze.eventName());   // channels saved before them stays
    if (!braze.properties().isEmpty()) form.put("properties", braze.properties());
    if (braze.campaignId() != null) form.put("braze_campaign_id", braze.campaignId());
    if (braze.canvasId() != null) form.put("braze_canvas_id", braze.canvasId());
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
        "attributes", Map.of("first_name", "{{customer.name}}"),
        "send_event", true,
        "event_name", "herald_welcome_code",
        "properties", Map.of("greeting", "Hi {{customer.name}}"));
  }

  /** What it would send: the external_id, the attributes, and the event or the trigger. */
  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    return message((BrazeChannel) channel, context, null).preview();
  }


  /** The catalogue's: the default channel sends an event, which Braze would count twice. */
  @Override
  public InDoubt inDoubt() {
    return InDoubt.OUTCOME_UNKNOWN;
  }

  /** Attributes alone are set again to the same values; an event or a trigger would go twice. */
  @Override
  public InDoubt inDoubt(Channel channel) {
    BrazeChannel braze = (BrazeChannel) channel;
    return braze.sendEvent() || braze.triggers() ? InDoubt.OUTCOME_UNKNOWN : InDoubt.RESEND;
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    BrazeChannel braze = (BrazeChannel) channel;
    if (braze.integrationId() == null) {   // stored before integrations, never edited to name one
      throw DeliveryFailure.permanent("integration_not_found", null);
    }
    return message(braze, context, load.get().load(braze.integrationId(), TYPE));
  }

  @Override
  public String send(Outgoing message) {
    return api.get().send((BrazeMessage) message);
  }

  @Override
  public OptionalInt providerRate() {
    return OptionalInt.of(REQUESTS_PER_SECOND);
  }

  @Override
  public void connect() {
    api.get();
  }

  /**
   * The message: the channel's attributes rendered over the defaults ({@code herald_code}), and its properties
   * rendered over the defaults ({@code herald_code}, the message and distribution ids, the trigger event's type and
   * what the action provides) for the event or the trigger. {@code access} is null for a preview.
   */
  private BrazeMessage message(BrazeChannel braze, MessageContext context, ToolAccess access) {
    String externalId = braze.externalIdField().equals("id") ? context.customer().id()
        : context.customer().sourceId();
    Object code = code(context.data());
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (code != null) attributes.put(HERALD_CODE, code);
    attributes.putAll(rendered(braze.attributes(), context));
    Map<String, Object> properties = new LinkedHashMap<>();
    if (code != null) properties.put(HERALD_CODE, code);
    properties.put("herald_message_id", context.messageId());
    properties.put("herald_distribution_id", context.distributionId());
    if (context.event() != null) properties.put("herald_event_type", context.event().type());
    context.data().forEach((name, value) -> {
      if (!name.equals("customer") && value != null) properties.put(name, value);
    });
    properties.putAll(rendered(braze.properties(), context));
    BrazeMessage.Event event = braze.sendEvent() ? new BrazeMessage.Event(
        braze.eventName() != null ? braze.eventName() : context.distributionName(), context.createdAt(), properties)
        : null;
    BrazeMessage.Trigger trigger = braze.campaignId() != null
        ? new BrazeMessage.Trigger(BrazeMessage.Target.CAMPAIGN, braze.campaignId(), properties)
        : braze.canvasId() != null ? new BrazeMessage.Trigger(BrazeMessage.Target.CANVAS, braze.canvasId(), properties)
        : null;
    return new BrazeMessage(context.messageId(), access, externalId, attributes, event, trigger);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> rendered(Map<String, String> given, MessageContext context) {
    return (Map<String, Object>) templates.renderJson(given, context.scope());
  }

  /** The code the action gives (voucher, gift card or loyalty card), if any. */
  private static Object code(Map<String, Object> data) {
    for (String provided : List.of("voucher", "gift", "loyalty")) {
      if (data.get(provided) instanceof Map<?, ?> values && values.get("code") != null) return values.get("code");
    }
    return null;
  }
}
