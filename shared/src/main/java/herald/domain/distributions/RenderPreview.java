package herald.domain.distributions;

import herald.domain.brand.Brand;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.MessageContext;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.domain.events.TriggerFilter;
import herald.domain.templates.TemplateRefused;
import herald.domain.templates.TemplateScope;
import herald.domain.templates.Templates;
import herald.domain.templates.Variable;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders every channel of a distribution for one customer, sending nothing: sample values stand in for
 * what the action provides ({@code voucher.code} is {@value ActionValues#SAMPLE_CODE}), and a sample
 * event of the trigger's type (its filters' values filled in) stands in when none is given. What each channel
 * shows is its kind's preview. Templates saved before today's checks are checked first, as saving would; a channel
 * whose rendering passes the size limit is refused ({@code template_too_large}, naming the channel).
 */
public final class RenderPreview {
  static final String MESSAGE_ID = "msg_preview";
  private final ChannelKinds kinds;
  private final Templates templates;
  private final Clock clock;

  @Inject
  public RenderPreview(ChannelKinds kinds, Templates templates, Clock clock) {
    this.kinds = kinds;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * @param brand null when the brand details are not set
   * @param event null for a sample one; ignored for a manual distribution
   * @return by channel type ({@code email}, {@code sms}, ...), the rendered fields of that channel
   */
  public Map<String, Object> render(Distribution distribution, Customer customer, Brand brand, TriggerEvent event) {
    TriggerEvent trigger = distribution.manual() ? null : event != null ? event : sampleEvent(distribution, customer);
    ActionType action = distribution.action().type();
    Map<String, Object> scope = TemplateScope.of(customer, brand, trigger,
        ActionValues.sample(distribution.action(), trigger), null);
    MessageContext context = new MessageContext(MESSAGE_ID, distribution.id(), distribution.name(), action.key(), trigger, customer, brand,
        scope, TemplateVariables.envelopeData(action, scope), null, clock.instant());
    Variable available = TemplateVariables.available(action, distribution.trigger().type());
    Map<String, Object> preview = new LinkedHashMap<>();
    for (int i = 0; i < distribution.channels().size(); i++) {
      Channel channel = distribution.channels().get(i);
      DistributionRules.checkTemplates(templates, channel, "channels[" + i + "].", available);
      try {
        preview.put(channel.type(), kinds.get(channel.type()).preview(channel, context));
      } catch (TemplateRefused refused) {
        throw new Invalid(refused.code(), "channels[" + i + "]", "channels[" + i + "] " + refused.getMessage());
      }
    }
    return preview;
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
