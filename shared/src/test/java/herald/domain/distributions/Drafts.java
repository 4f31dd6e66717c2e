package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerFilter;
import herald.domain.fakes.Samples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid drafts for tests, each with the one part a test varies. */
final class Drafts {
  static final String WEBHOOK_SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3";

  private Drafts() {}

  /** The trigger of a type with its required filters filled in. */
  static Trigger trigger(String type) {
    Map<String, Object> filters = new LinkedHashMap<>();
    for (TriggerFilter filter : EventCatalogue.filters(type)) {
      if (filter.required()) filters.put(filter.name(), "v-" + filter.name());
    }
    return new Trigger(type, filters, null);
  }

  /** The action with its required parameters filled in. */
  static Action action(ActionType type) {
    return new Action(type, type == ActionType.PUBLISH_CODE || type == ActionType.NOTIFY_PROMOTION ? "camp_1" : null,
        type == ActionType.NOTIFY_PROMOTION ? "promo_tier_1" : null);
  }

  /** An audience that fits the trigger (the event's customer, or one customer for manual). */
  static Audience audienceFor(String triggerType) {
    return triggerType.equals("manual") ? Audience.customer("cust_1") : Audience.eventCustomer();
  }

  static DistributionDraft draft(Trigger trigger, Audience audience, Action action, List<Channel> channels) {
    return new DistributionDraft("Welcome", null, trigger, audience, action, channels);
  }

  static DistributionDraft draft(String triggerType, ActionType action) {
    return draft(trigger(triggerType), audienceFor(triggerType), action(action), List.of(Samples.email()));
  }

  static DistributionDraft withChannels(Channel... channels) {
    return draft(Samples.orderPaid(), Audience.eventCustomer(), Action.of(ActionType.PLAIN_MESSAGE), List.of(channels));
  }

  static DistributionDraft withChannels(ActionType action, String triggerType, Channel... channels) {
    return draft(trigger(triggerType), audienceFor(triggerType), action(action), List.of(channels));
  }

  static WebhookChannel webhook(String url) {
    return new WebhookChannel(url, WEBHOOK_SECRET, Map.of(), null);
  }
}
