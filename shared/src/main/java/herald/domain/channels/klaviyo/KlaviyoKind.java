package herald.domain.channels.klaviyo;

import herald.domain.brand.Brand;
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
 * A Klaviyo event ({@code POST /api/events}) of the channel's metric (the distribution's name unless given) for the
 * customer's profile (their email, phone and source_id as external_id), with the channel's properties or, when it
 * designs none, the message's own ({@link KlaviyoProperties}), at the trigger event's time, through the saved
 * integration's private key. The message id is the event's {@code unique_id}: Klaviyo keeps the first event with a
 * given one, so an event found in doubt is simply sent again.
 */
public final class KlaviyoKind implements ChannelKind {
  public static final String TYPE = "klaviyo";
  /** Klaviyo's steady limit for creating events, 3,500 a minute, per second (its burst limit is 350 a second). */
  static final int STEADY_RATE_PER_SECOND = 3_500 / 60;
  /** Klaviyo takes metric names under 128 characters; a longer one (a distribution's name) is cut to this. */
  static final int MAX_METRIC = 127;
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("metric", "string"),
      ChannelField.optional("properties", "object").withTemplates());
  private final Templates templates;
  private final Provider<Integrations> integrations;
  private final Provider<LoadIntegration> load;
  private final Provider<KlaviyoApi> api;

  @Inject
  public KlaviyoKind(Templates templates, Provider<Integrations> integrations, Provider<LoadIntegration> load,
      Provider<KlaviyoApi> api) {
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
    return "Klaviyo: an event of your metric (the distribution's name unless given) for the customer's profile"
        + " (email, phone, source_id as external_id), with your properties or, by default, the code as herald_code"
        + " and what the action provides, sent with the private key of a saved integration; the message id is its"
        + " unique_id, so Klaviyo records it once.";
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

  /** The metric and the properties it would send (the profile is the customer's identifiers). */
  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    KlaviyoChannel klaviyo = (KlaviyoChannel) channel;
    return ChannelSettings.ordered("metric", metric(klaviyo, context), "properties", properties(klaviyo, context));
  }


  @Override
  public InDoubt inDoubt() {
    return InDoubt.RESEND;
  }

  /** Klaviyo needs one identifier of the profile: an email, a phone number or an external id. */
  @Override
  public Optional<Refusal> refusal(Customer customer, Brand brand) {
    return KlaviyoProfile.of(customer).isPresent() ? Optional.empty() : Optional.of(Refusal.NO_ADDRESS);
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    KlaviyoChannel klaviyo = (KlaviyoChannel) channel;
    if (klaviyo.integrationId() == null) throw DeliveryFailure.permanent("integration_not_found", null);
    ToolAccess access = load.get().load(klaviyo.integrationId(), TYPE);
    KlaviyoProfile profile = KlaviyoProfile.of(context.customer())
        .orElseThrow(() -> DeliveryFailure.permanent(Refusal.NO_ADDRESS.code(), null));
    return new KlaviyoEvent(context.messageId(), access, metric(klaviyo, context),
        KlaviyoProperties.checked(properties(klaviyo, context)), context.createdAt(), profile);
  }

  @Override
  public String send(Outgoing message) {
    return api.get().createEvent((KlaviyoEvent) message);
  }

  @Override
  public OptionalInt providerRate() {
    return OptionalInt.of(STEADY_RATE_PER_SECOND);
  }

  @Override
  public void connect() {
    api.get();
  }

  private static String metric(KlaviyoChannel klaviyo, MessageContext context) {
    String metric = klaviyo.metric() != null ? klaviyo.metric() : context.distributionName();
    return metric.codePointCount(0, metric.length()) <= MAX_METRIC ? metric
        : metric.substring(0, metric.offsetByCodePoints(0, MAX_METRIC));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> properties(KlaviyoChannel klaviyo, MessageContext context) {
    if (klaviyo.properties().isEmpty()) return KlaviyoProperties.defaults(context);
    return (Map<String, Object>) templates.renderJson(klaviyo.properties(), context.scope());
  }
}
