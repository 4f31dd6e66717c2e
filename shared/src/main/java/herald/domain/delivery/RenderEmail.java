package herald.domain.delivery;

import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.distributions.EmailChannel;
import herald.domain.templates.Templates;
import java.util.HashMap;
import java.util.Map;

/** Renders an email channel's templates for one customer and event, with the brand as sender. */
public final class RenderEmail {
  private final Templates templates;

  public RenderEmail(Templates templates) {
    this.templates = templates;
  }

  public Email render(EmailChannel channel, Brand brand, Customer customer, SendJob job, String messageId) {
    Map<String, Object> scope = scope(customer, job);
    return new Email(brand.senderName(), brand.senderEmail(), customer.email(),
        templates.renderPlain(channel.subject(), scope).replaceAll("[\\r\\n]+", " ").strip(),
        templates.renderHtml(channel.html(), scope),
        templates.renderPlain(channel.text(), scope),
        messageId);
  }

  /** The variables a template can use: customer.*, event.*. */
  static Map<String, Object> scope(Customer customer, SendJob job) {
    Map<String, Object> c = new HashMap<>();
    c.put("id", customer.id());
    c.put("source_id", customer.sourceId());
    c.put("name", customer.name());
    c.put("email", customer.email());
    c.put("phone", customer.phone());
    c.put("metadata", customer.metadata());
    Map<String, Object> event = new HashMap<>();
    event.put("id", job.event().id());
    event.put("type", job.event().type());
    event.put("name", job.event().name());
    event.put("created_at", job.event().createdAt().toString());
    event.put("data", job.event().data());
    return Map.of("customer", c, "event", event);
  }
}
