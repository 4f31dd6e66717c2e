package herald.domain.channels.sms;

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
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A text through the SMS provider (SNS) to the customer's E.164 phone, unless they revoked SMS consent. Answers
 * carry how many SMS parts the text takes as written. A text found in doubt ends outcome_unknown: the provider
 * cannot say whether it took it.
 */
public final class SmsKind implements ChannelKind {
  public static final String TYPE = "sms";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required("text", "string").withTemplates(),
      ChannelField.optional("sms_type", "string"),
      ChannelField.optional("sender_id", "string"),
      ChannelField.answerOnly("segments", "integer"));
  private final Templates templates;
  private final Provider<SmsSender> sender;

  @Inject
  public SmsKind(Templates templates, Provider<SmsSender> sender) {
    this.templates = templates;
    this.sender = sender;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "A text message through Amazon SNS to the customer's phone (E.164), promotional or transactional, with"
        + " an optional alphanumeric sender id; answers say how many SMS parts the text takes.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new SmsChannel(f.text("text"), f.text("sms_type"), f.text("sender_id"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    SmsChannel sms = (SmsChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("text", sms.text());
    form.put("sms_type", sms.smsType());
    if (sms.senderId() != null) form.put("sender_id", sms.senderId());
    return form;
  }

  @Override
  public Map<String, Object> answerOnly(Channel channel) {
    return Map.of("segments", ((SmsChannel) channel).segments());
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, "text", "Hi {{customer.name}}, thanks for your order.",
        "sms_type", "transactional", "sender_id", "Acme");
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    String text = templates.renderPlain(((SmsChannel) channel).text(), context.scope());
    return ChannelSettings.ordered("text", text, "segments", SmsSegments.count(text));
  }


  @Override
  public Optional<Refusal> refusal(Customer customer, Brand brand) {
    if (customer.phone() == null) return Optional.of(Refusal.NO_ADDRESS);
    return customer.allows(Consent.SMS) ? Optional.empty() : Optional.of(Refusal.NO_CONSENT);
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    SmsChannel sms = (SmsChannel) channel;
    return new Sms(context.messageId(), context.customer().phone(), templates.renderPlain(sms.text(), context.scope()),
        sms.smsType(), sms.senderId());
  }

  @Override
  public String send(Outgoing message) {
    return sender.get().send((Sms) message);
  }

  @Override
  public void connect() {
    sender.get();
  }
}
