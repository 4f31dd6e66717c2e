package herald.domain.channels.mailchimp;

import herald.domain.brand.Brand;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.InDoubt;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.channels.Refusal;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.integrations.IntegrationRefs;
import herald.domain.integrations.Integrations;
import herald.domain.integrations.LoadIntegration;
import herald.domain.suppressions.Suppressions;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The customer as a member of a Mailchimp audience ({@link MailchimpApi}): added or updated with merge fields, then
 * tagged; Mailchimp's own campaigns and journeys then reach them. Every option has a default: the account's only
 * audience, Herald's merge fields ({@link #DEFAULT_MERGE_FIELDS}, each sent only where the audience has it and the
 * message has a value), the distribution's name as the tag, and the status of a new member from the customer's
 * email consent: {@code subscribed} when they granted it, {@code transactional} when they never answered (Herald
 * holds no opt-in to give Mailchimp); a customer who revoked it, or has no email address, is not sent. The member
 * upsert and an active tag are idempotent, so a message found in doubt is sent again.
 */
public final class MailchimpKind implements ChannelKind {
  public static final String TYPE = "mailchimp";
  /** Merge fields sent when the channel names none: the code, and the values the other actions provide. */
  public static final Map<String, String> DEFAULT_MERGE_FIELDS = defaults();
  private static final int TAG_LENGTH = 100;
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.optional("audience_id", "string"),
      ChannelField.optional("merge_fields", "object").withTemplates(),
      ChannelField.optional("tags", "array"),
      ChannelField.optional("status_if_new", "string"));
  private final Templates templates;
  private final Provider<Integrations> integrations;
  private final Provider<LoadIntegration> load;
  private final Provider<MailchimpApi> api;
  private final Provider<Suppressions> suppressions;

  @Inject
  public MailchimpKind(Templates templates, Provider<Integrations> integrations, Provider<LoadIntegration> load,
      Provider<MailchimpApi> api, Provider<Suppressions> suppressions) {
    this.templates = templates;
    this.integrations = integrations;
    this.load = load;
    this.api = api;
    this.suppressions = suppressions;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Mailchimp: the customer's email address added to or updated in your audience (the account's only one"
        + " unless audience_id is given), with merge fields (by default CODE and the action's values) and tags (by"
        + " default the distribution's name), for your Mailchimp campaigns and journeys to use.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new MailchimpChannel(f.text(IntegrationRefs.FIELD), f.text("audience_id"), f.texts("merge_fields"),
        f.list("tags"), f.text("status_if_new"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    MailchimpChannel mailchimp = (MailchimpChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (mailchimp.integrationId() != null) form.put(IntegrationRefs.FIELD, mailchimp.integrationId());
    if (mailchimp.audienceId() != null) form.put("audience_id", mailchimp.audienceId());
    form.put("merge_fields", mailchimp.mergeFields());
    form.put("tags", mailchimp.tags());
    if (mailchimp.statusIfNew() != null) form.put("status_if_new", mailchimp.statusIfNew());
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
    return ChannelSettings.ordered("type", TYPE, IntegrationRefs.FIELD, "int_example_mailchimp",
        "audience_id", "a1b2c3d4e5", "merge_fields", Map.of("FNAME", "{{customer.name}}"), "tags", List.of("welcome"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    MailchimpChannel mailchimp = (MailchimpChannel) channel;
    Map<String, Object> merge = new LinkedHashMap<>(mergeFields(mailchimp, context));
    merge.putAll(defaultMergeFields(mailchimp, context));
    return ChannelSettings.ordered("audience_id", mailchimp.audienceId() == null ? "the account's only audience"
        : mailchimp.audienceId(), "email", context.customer().email(), "status_if_new",
        statusIfNew(mailchimp, context.customer()), "merge_fields", merge, "tags", tags(mailchimp, context));
  }


  @Override
  public InDoubt inDoubt() {
    return InDoubt.RESEND;
  }

  @Override
  public Optional<Refusal> refusal(Customer customer, Brand brand) {
    if (customer.email() == null) return Optional.of(Refusal.NO_ADDRESS);
    if (!customer.allows(Consent.EMAIL)) return Optional.of(Refusal.NO_CONSENT);
    if (suppressions.get().contains(customer.email())) return Optional.of(Refusal.SUPPRESSED);
    return Optional.empty();
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    MailchimpChannel mailchimp = (MailchimpChannel) channel;
    return new MailchimpMember(context.messageId(), load.get().load(mailchimp.integrationId(), TYPE),
        mailchimp.audienceId(), context.customer().email(), statusIfNew(mailchimp, context.customer()),
        mergeFields(mailchimp, context), defaultMergeFields(mailchimp, context), tags(mailchimp, context));
  }

  @Override
  public String send(Outgoing message) {
    return api.get().upsert((MailchimpMember) message);
  }

  @Override
  public void connect() {
    api.get();
  }

  /** The channel's own, else subscribed when the customer granted email consent, else transactional. */
  static String statusIfNew(MailchimpChannel channel, Customer customer) {
    if (channel.statusIfNew() != null) return channel.statusIfNew();
    Consent consent = customer.consents().get(Consent.EMAIL);
    return consent != null && consent.granted() ? "subscribed" : "transactional";
  }

  private Map<String, String> mergeFields(MailchimpChannel channel, MessageContext context) {
    return rendered(channel.mergeFields(), context, false);
  }

  private Map<String, String> defaultMergeFields(MailchimpChannel channel, MessageContext context) {
    return channel.mergeFields().isEmpty() ? rendered(DEFAULT_MERGE_FIELDS, context, true) : Map.of();
  }

  private Map<String, String> rendered(Map<String, String> fields, MessageContext context, boolean dropEmpty) {
    Map<String, String> rendered = new LinkedHashMap<>();
    fields.forEach((tag, template) -> {
      String value = templates.renderPlain(template, context.scope());
      if (!dropEmpty || !value.isBlank()) rendered.put(tag, value);
    });
    return rendered;
  }

  private static List<String> tags(MailchimpChannel channel, MessageContext context) {
    if (!channel.tags().isEmpty()) return channel.tags();
    String name = context.distributionName();
    if (name == null || name.isBlank()) return List.of();
    name = name.strip();
    return List.of(name.length() <= TAG_LENGTH ? name : name.substring(0, TAG_LENGTH));
  }

  private static Map<String, String> defaults() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("CODE", "{{voucher.code}}{{gift.code}}{{loyalty.code}}");
    fields.put("POINTS", "{{loyalty.points}}");
    fields.put("CREDITS", "{{gift.amount}}");
    fields.put("REWARD", "{{reward.name}}");
    fields.put("PROMOTION", "{{promotion_tier.banner}}");
    return java.util.Collections.unmodifiableMap(fields);
  }
}
