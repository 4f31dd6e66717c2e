package herald.domain.channels.intercom;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.channels.Refusal;
import herald.domain.brand.Brand;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * An Intercom data event for the customer, through a saved integration: the contact is found by its external id
 * (the customer's source_id) or created, then the event goes with the trigger event's time, so a resend is the
 * identical event Intercom ignores; a message found in doubt is therefore sent again. The event is named after the
 * distribution unless the channel names it; its metadata is the channel's, or what the action provides
 * ({@link IntercomMetadata}).
 */
public final class IntercomKind implements ChannelKind {
  public static final String TYPE = "intercom";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("event_name", "string"),
      ChannelField.optional("metadata", "object").withTemplates());
  /**
   * Messages a second Herald sends at most: Intercom allows an app 10,000 calls a minute (spread over 10-second
   * windows), and a message takes up to three (search, create, event).
   */
  static final int RATE = 55;
  private final Templates templates;
  private final Provider<Integrations> integrations;
  private final Provider<LoadIntegration> load;
  private final Provider<IntercomApi> api;

  @Inject
  public IntercomKind(Templates templates, Provider<Integrations> integrations, Provider<LoadIntegration> load,
      Provider<IntercomApi> api) {
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
    return "Intercom: a data event (the distribution's name unless given) with metadata (the code as herald_code"
        + " unless given) for the contact whose external_id is the customer's source_id, created when missing,"
        + " through a saved integration (access token and region).";
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

  /** The integration, and metadata names Intercom takes (no {@code .}, {@code $} and other symbols it refuses). */
  @Override
  public void checkForSave(Channel channel, String at) {
    IntegrationRefs.check(integrations.get(), channel.integration(), TYPE, at + IntegrationRefs.FIELD);
    for (String name : ((IntercomChannel) channel).metadata().keySet()) {
      if (IntercomMetadata.FORBIDDEN_IN_KEY.matcher(name).find()) {
        throw new Invalid("invalid_value", at + "metadata." + name, at + "metadata names cannot hold . $ ~ ` ! @"
            + " # % ^ & * ' { } | \" or control characters (Intercom refuses them)");
      }
    }
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, IntegrationRefs.FIELD, "int_example_intercom",
        "event_name", "welcome", "metadata", Map.of("name", "{{customer.name}}"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    IntercomChannel intercom = (IntercomChannel) channel;
    return ChannelSettings.ordered("event_name", eventName(intercom, context),
        "metadata", metadata(intercom, context));
  }


  /** Intercom ignores an identical event (same contact, name and time), and a resend is identical. */
  @Override
  public InDoubt inDoubt() {
    return InDoubt.RESEND;
  }

  @Override
  public OptionalInt providerRate() {
    return OptionalInt.of(RATE);
  }

  /** Intercom knows the customer by their source_id as external_id: a customer without one cannot be reached. */
  @Override
  public Optional<Refusal> refusal(Customer customer, Brand brand) {
    return customer.sourceId() == null || customer.sourceId().isBlank() ? Optional.of(Refusal.NO_ADDRESS)
        : Optional.empty();
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    IntercomChannel intercom = (IntercomChannel) channel;
    if (intercom.integrationId() == null) throw DeliveryFailure.permanent("integration_not_found", null);
    ToolAccess access = load.get().load(intercom.integrationId(), TYPE);
    Customer customer = context.customer();
    return new IntercomEvent(context.messageId(), access,
        new IntercomEvent.Contact(customer.sourceId(), customer.name(), customer.email(), customer.phone()),
        eventName(intercom, context), context.createdAt().getEpochSecond(), metadata(intercom, context));
  }

  @Override
  public String send(Outgoing message) {
    return api.get().send((IntercomEvent) message);
  }

  @Override
  public void connect() {
    api.get();
  }

  private static String eventName(IntercomChannel intercom, MessageContext context) {
    String name = intercom.eventName() != null ? intercom.eventName() : context.distributionName();
    return IntercomMetadata.cut(name == null || name.isBlank() ? "herald-message" : name);
  }

  /** The channel's metadata rendered (each value cut to 255 characters), or the defaults. */
  private Map<String, Object> metadata(IntercomChannel intercom, MessageContext context) {
    if (intercom.metadata().isEmpty()) return IntercomMetadata.defaults(context);
    Map<String, Object> metadata = new LinkedHashMap<>();
    intercom.metadata().forEach((name, template) ->
        metadata.put(name, IntercomMetadata.cut(templates.renderPlain(template, context.scope()))));
    return metadata;
  }
}
