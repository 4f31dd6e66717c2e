package herald.domain.delivery;

import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.distributions.Action;
import herald.domain.distributions.EmailChannel;
import herald.domain.templates.ActionValues;
import herald.domain.templates.TemplateScope;
import herald.domain.templates.Templates;
import java.util.Map;

/** Renders an email channel's templates for one customer and event, with the brand as sender. */
public final class RenderEmail {
  private final Templates templates;

  public RenderEmail(Templates templates) {
    this.templates = templates;
  }

  public Email render(EmailChannel channel, Action action, Brand brand, Customer customer, SendJob job,
      String messageId) {
    Map<String, Object> scope = scope(action, brand, customer, job);
    return new Email(brand.senderName(), brand.senderEmail(), customer.email(),
        templates.renderPlain(channel.subject(), scope).replaceAll("[\\r\\n]+", " ").strip(),
        templates.renderHtml(channel.html(), scope),
        templates.renderPlain(channel.text(), scope),
        messageId);
  }

  /** The variables a template can use ({@link TemplateScope}), with what the event gives the action. */
  static Map<String, Object> scope(Action action, Brand brand, Customer customer, SendJob job) {
    return TemplateScope.of(customer, brand, job.event(), ActionValues.fromEvent(action.type(), job.event()), null);
  }
}
