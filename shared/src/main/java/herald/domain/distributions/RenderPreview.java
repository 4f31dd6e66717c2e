package herald.domain.distributions;

import jakarta.inject.Inject;

import herald.domain.channels.Channel;
import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.sms.SmsSegments;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookEnvelope;

import herald.domain.brand.Brand;
import herald.domain.customers.Customer;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.domain.events.TriggerFilter;
import herald.domain.templates.TemplateScope;
import herald.domain.templates.Templates;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders every channel of a distribution for one customer, sending nothing: sample values stand in for
 * what the action provides ({@code voucher.code} is {@value ActionValues#SAMPLE_CODE}), and a sample
 * event of the trigger's type (its filters' values filled in) stands in when none is given.
 */
public final class RenderPreview {
  static final String MESSAGE_ID = "msg_preview";
  private final Templates templates;
  private final Clock clock;

  @Inject
  public RenderPreview(Templates templates, Clock clock) {
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * @param brand null when the brand details are not set
   * @param event null for a sample one; ignored for a manual distribution
   * @return by channel type key ({@code email}, {@code sms}, ...), the rendered fields of that channel
   */
  public Map<String, Object> render(Distribution distribution, Customer customer, Brand brand, TriggerEvent event) {
    TriggerEvent trigger = distribution.manual() ? null : event != null ? event : sampleEvent(distribution, customer);
    Map<String, Object> scope = TemplateScope.of(customer, brand, trigger,
        ActionValues.sample(distribution.action(), trigger), null);
    Map<String, Object> preview = new LinkedHashMap<>();
    for (Channel channel : distribution.channels()) {
      preview.put(channel.type().key(), channel(channel, distribution, customer, scope, trigger));
    }
    return preview;
  }

  private Map<String, Object> channel(Channel channel, Distribution distribution, Customer customer,
      Map<String, Object> scope, TriggerEvent event) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (channel) {
      case EmailChannel email -> {
        out.put("subject", templates.renderPlain(email.subject(), scope).replaceAll("[\\r\\n]+", " ").strip());
        out.put("html", templates.renderHtml(email.html(), scope));
        out.put("text", templates.renderPlain(email.text(), scope));
      }
      case SmsChannel sms -> {
        String text = templates.renderPlain(sms.text(), scope);
        out.put("text", text);
        out.put("segments", SmsSegments.count(text));
      }
      case WebhookChannel webhook -> {
        out.put("url", webhook.url());
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
        headers.put("Content-Type", "application/json");
        out.put("headers", headers);
        out.put("body", webhook.payload().custom() ? templates.renderJson(webhook.payload().body(), scope)
            : WebhookEnvelope.of(MESSAGE_ID, distribution.action().type().key(),
                distribution.id(), event, TemplateVariables.envelopeData(distribution.action().type(), scope), clock.instant()));
      }
      case BrazeChannel braze -> {
        out.put("external_id", braze.externalIdField().equals("id") ? customer.id() : customer.sourceId());
        out.put("attributes", templates.renderJson(braze.attributes(), scope));
      }
      case MailchimpChannel mailchimp -> {
        out.put("audience_id", mailchimp.audienceId());
        out.put("email", customer.email());
        out.put("merge_fields", templates.renderJson(mailchimp.mergeFields(), scope));
        out.put("tags", mailchimp.tags());
      }
      case KlaviyoChannel klaviyo -> {
        out.put("metric", klaviyo.metric());
        out.put("properties", templates.renderJson(klaviyo.properties(), scope));
      }
      case IntercomChannel intercom -> {
        out.put("event_name", intercom.eventName());
        out.put("metadata", templates.renderJson(intercom.metadata(), scope));
      }
      default -> throw new IllegalStateException("no preview for channel " + channel.type());
    }
    return out;
  }

  private TriggerEvent sampleEvent(Distribution distribution, Customer customer) {
    Trigger trigger = distribution.trigger();
    Map<String, Object> data = new LinkedHashMap<>();
    for (TriggerFilter filter : EventCatalogue.filters(trigger.type())) {
      Object value = trigger.filters().get(filter.name());
      if (value == null || filter.dataPath() == null) continue;
      if (filter.dataPath().size() == 1) data.put(filter.dataPath().get(0), value);
      else data.put(filter.dataPath().get(0), Map.of(filter.dataPath().get(1), value));
    }
    return new TriggerEvent("evt_preview", trigger.type(), clock.instant(),
        new TriggerEvent.CustomerRef(customer.id(), customer.sourceId()), data);
  }
}
