package herald.domain.delivery;

import jakarta.inject.Inject;

import herald.domain.channels.JsonWriter;
import herald.domain.channels.email.Email;
import herald.domain.channels.sms.Sms;
import herald.domain.channels.webhook.WebhookCall;

import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.distributions.Distribution;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookEnvelope;
import herald.domain.distributions.TemplateVariables;
import herald.domain.distributions.ActionValues;
import herald.domain.templates.TemplateScope;
import herald.domain.templates.Templates;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders one channel of a distribution for one recipient: an email (with the brand's postal address and the
 * unsubscribe link in its footer), a text message, or a webhook call (the envelope or the designed body).
 */
public final class RenderMessage {
  private final Templates templates;
  private final JsonWriter json;
  private final Clock clock;

  @Inject
  public RenderMessage(Templates templates, JsonWriter json, Clock clock) {
    this.templates = templates;
    this.json = json;
    this.clock = clock;
  }

  /** The variables the templates see: customer, brand, event, what the action gives, the unsubscribe link. */
  public Map<String, Object> scope(Distribution distribution, Customer customer, Brand brand, SendJob job,
      String unsubscribeUrl) {
    return TemplateScope.of(customer, brand, job.event(),
        ActionValues.fromEvent(distribution.action().type(), job.event()), unsubscribeUrl);
  }

  public Email email(EmailChannel channel, Brand brand, Customer customer, Map<String, Object> scope,
      String messageId, String unsubscribeUrl) {
    String html = templates.renderHtml(channel.html(), scope);
    String text = templates.renderPlain(channel.text(), scope);
    return new Email(brand.senderName(), brand.senderEmail(), customer.email(),
        templates.renderPlain(channel.subject(), scope).replaceAll("[\\r\\n]+", " ").strip(),
        html == null ? null : html + htmlFooter(brand, unsubscribeUrl),
        text == null ? null : text + textFooter(brand, unsubscribeUrl),
        messageId, unsubscribeUrl);
  }

  public Sms sms(SmsChannel channel, Customer customer, Map<String, Object> scope, String messageId) {
    return new Sms(messageId, customer.phone(), templates.renderPlain(channel.text(), scope), channel.smsType(),
        channel.senderId());
  }

  public WebhookCall webhook(WebhookChannel channel, Distribution distribution, Map<String, Object> scope,
      SendJob job, String messageId) {
    Object body = channel.payload().custom()
        ? templates.renderJson(channel.payload().body(), scope)
        : WebhookEnvelope.of(messageId, distribution.action().type().key(), distribution.id(), job.event(),
            TemplateVariables.envelopeData(distribution.action().type(), scope), job.event().createdAt());
    return new WebhookCall(messageId, channel.url(), new LinkedHashMap<>(channel.headers()), json.write(body),
        channel.secret(), clock.instant());
  }

  private String htmlFooter(Brand brand, String unsubscribeUrl) {
    StringBuilder footer = new StringBuilder("\n<p style=\"font-size:12px;color:#666\">")
        .append(escape(brand.senderName())).append(", ").append(escape(brand.postalAddress()));
    if (unsubscribeUrl != null) {
      footer.append("<br><a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a>");
    }
    return footer.append("</p>").toString();
  }

  private static String textFooter(Brand brand, String unsubscribeUrl) {
    String footer = "\n\n--\n" + brand.senderName() + ", " + brand.postalAddress();
    return unsubscribeUrl == null ? footer : footer + "\nUnsubscribe: " + unsubscribeUrl;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
