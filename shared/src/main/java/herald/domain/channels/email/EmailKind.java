package herald.domain.channels.email;

import herald.domain.brand.Brand;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.channels.Refusal;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.suppressions.Suppression;
import herald.domain.suppressions.Suppressions;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Email through the email provider (SES): from the brand's sender, to the customer's address unless they revoked
 * email consent or the address is suppressed, with the brand's postal address and the unsubscribe link in the
 * footer and the List-Unsubscribe headers. Needs the brand details. A provider cannot say whether it took an
 * email it was sending when a delivery stopped, so one found in doubt ends outcome_unknown.
 */
public final class EmailKind implements ChannelKind {
  public static final String TYPE = "email";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required("subject", "string").withTemplates(),
      ChannelField.optional("html", "string").withTemplates(),
      ChannelField.optional("text", "string").withTemplates());
  private final Templates templates;
  private final Provider<Suppressions> suppressions;
  private final Provider<EmailSender> sender;
  /** For a batch ({@link #forBatch}): the addresses already asked, lowercased, and those of them suppressed. */
  private final Set<String> asked;
  private final Set<String> suppressed;

  /**
   * What only sending needs (the suppression list, the provider) is taken when first used: every function reads
   * distributions, and only the sender's environment names the suppressions table and the provider.
   */
  @Inject
  public EmailKind(Templates templates, Provider<Suppressions> suppressions, Provider<EmailSender> sender) {
    this(templates, suppressions, sender, Set.of(), Set.of());
  }

  private EmailKind(Templates templates, Provider<Suppressions> suppressions, Provider<EmailSender> sender,
      Set<String> asked, Set<String> suppressed) {
    this.templates = templates;
    this.suppressions = suppressions;
    this.sender = sender;
    this.asked = asked;
    this.suppressed = suppressed;
  }

  /**
   * For a batch: the suppression list is asked once for the addresses of the customers who would get that far (an
   * address, email consent), and answers their refusals; an address added to the list meanwhile is refused from
   * the next batch (at most 10 messages later), as a paused distribution is.
   */
  @Override
  public ChannelKind forBatch(Collection<Customer> customers) {
    List<String> addresses = customers.stream().filter(c -> c.email() != null && c.allows(Consent.EMAIL))
        .map(Customer::email).toList();
    if (addresses.isEmpty()) return this;
    Set<String> found = suppressions.get().suppressed(addresses);
    return new EmailKind(templates, suppressions, sender,
        addresses.stream().map(Suppression::normalize).collect(Collectors.toSet()), found);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Email through Amazon SES, from the brand's sender, with the brand's postal address and an unsubscribe"
        + " link in its footer; html or text (or both) is required, and the brand details must be set.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new EmailChannel(f.text("subject"), f.text("html"), f.text("text"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    EmailChannel email = (EmailChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("subject", email.subject());
    if (email.html() != null) form.put("html", email.html());
    if (email.text() != null) form.put("text", email.text());
    return form;
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, "subject", "Welcome, {{customer.name}}",
        "html", "<p>Hi {{customer.name}}, welcome to {{brand.sender_name}}.</p>",
        "text", "Hi {{customer.name}}, welcome to {{brand.sender_name}}.");
  }

  /** Subject and bodies as the templates render them; the footer comes only with a real send. */
  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    EmailChannel email = (EmailChannel) channel;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("subject", subject(email, context.scope()));
    out.put("html", templates.renderHtml(email.html(), context.scope()));
    out.put("text", templates.renderPlain(email.text(), context.scope()));
    return out;
  }


  @Override
  public boolean carriesUnsubscribeLink() {
    return true;
  }

  @Override
  public boolean needsBrandDetails() {
    return true;
  }

  @Override
  public OptionalInt providerRate() {
    return sender.get().maxSendRate();
  }

  @Override
  public Optional<Refusal> refusal(Customer customer, Brand brand) {
    if (customer.email() == null) return Optional.of(Refusal.NO_ADDRESS);
    if (!customer.allows(Consent.EMAIL)) return Optional.of(Refusal.NO_CONSENT);
    if (suppressed(customer.email())) return Optional.of(Refusal.SUPPRESSED);
    return brand == null ? Optional.of(Refusal.MISSING_BRAND_DETAILS) : Optional.empty();
  }

  private boolean suppressed(String email) {
    String address = Suppression.normalize(email);
    return asked.contains(address) ? suppressed.contains(address) : suppressions.get().contains(email);
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    EmailChannel email = (EmailChannel) channel;
    Brand brand = context.brand();
    String link = context.unsubscribeUrl();
    String html = templates.renderHtml(email.html(), context.scope());
    String text = templates.renderPlain(email.text(), context.scope());
    return new Email(brand.senderName(), brand.senderEmail(), context.customer().email(),
        subject(email, context.scope()), html == null ? null : html + EmailFooter.html(brand, link),
        text == null ? null : text + EmailFooter.text(brand, link), context.messageId(), link);
  }

  @Override
  public String send(Outgoing message) {
    return sender.get().send((Email) message);
  }

  @Override
  public void connect() {
    sender.get();
  }

  /**
   * The rendered subject on one line: line breaks and other control characters a value brings in could
   * otherwise add headers, so each run of them becomes one space (the message is still sent).
   */
  private String subject(EmailChannel email, Map<String, Object> scope) {
    return templates.renderPlain(email.subject(), scope).replaceAll("\\p{Cc}+", " ").strip();
  }
}
