package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.channels.webhook.WebhookUrls;

import herald.domain.common.Invalid;
import herald.domain.templates.Templates;
import java.util.Map;
import java.util.Set;

/**
 * The rules between a draft's parts, checked before anything is stored: the trigger's pattern, which
 * action and audience fit the trigger (and its include_existing_members filter), every template (compiles,
 * uses only the variables the action and trigger provide), webhook hosts, and the write-only secrets each
 * channel needs. Whether the segments a draft names exist is checked by {@link ManageDistributions}.
 */
public final class DistributionRules {
  private final Templates templates;
  private final PatternMatcher patterns;
  private final Set<String> webhookAllowlist;

  /** @param webhookAllowlist {@code host[:port]} entries, lower case: {@link WebhookUrls#allowlist} */
  public DistributionRules(Templates templates, PatternMatcher patterns, Set<String> webhookAllowlist) {
    this.templates = templates;
    this.patterns = patterns;
    this.webhookAllowlist = Set.copyOf(webhookAllowlist);
  }

  /** Returns the draft, or throws {@link Invalid} naming the field at fault. */
  public DistributionDraft check(DistributionDraft draft) {
    Trigger trigger = draft.trigger();
    if (trigger.pattern() != null) patterns.validate(trigger.pattern());
    ActionType action = draft.action().type();
    if (!Compatibility.fits(action, trigger.type())) {
      throw new Invalid("incompatible_action", "action.type", "action " + action.key() + " does not fit trigger "
          + trigger.type() + "; it fits only " + String.join(", ", Compatibility.triggersFor(action)));
    }
    AudienceType audience = draft.audience().type();
    if (!Compatibility.fits(audience, trigger.type(), action)) {
      throw new Invalid("incompatible_audience", "audience.type", audienceMessage(audience, trigger, action));
    }
    if (!Compatibility.fitsExistingMembers(trigger, audience)) {
      throw new Invalid("incompatible_include_existing_members", "trigger.filters.include_existing_members",
          "include_existing_members sends each member of the segment the entered event of their own membership, "
          + "so it needs audience event_customer, not " + audience.key() + "; leave it out (or false) to send to "
          + "new entries only");
    }
    Set<String> variables = TemplateVariables.allowed(action, trigger.type());
    for (int i = 0; i < draft.channels().size(); i++) {
      channel(draft.channels().get(i), "channels[" + i + "].", variables);
    }
    return draft;
  }

  private void channel(Channel channel, String at, Set<String> variables) {
    for (Map.Entry<String, String> template : channel.templates().entrySet()) {
      templates.check(template.getValue(), at + template.getKey(), variables);
    }
    if (channel instanceof WebhookChannel webhook) WebhookUrls.check(webhook.url(), webhookAllowlist, at + "url");
    channel.missingSecret().ifPresent(secret -> {
      throw Invalid.required(at + secret);
    });
  }

  private static String audienceMessage(AudienceType audience, Trigger trigger, ActionType action) {
    if (action.readsEvent() && audience != AudienceType.EVENT_CUSTOMER) {
      return "action " + action.key() + " sends what the event carries, so only event_customer can receive it";
    }
    return "audience " + audience.key() + " does not fit trigger " + trigger.type() + "; use "
        + String.join(" or ", Compatibility.audiencesFor(trigger.type(), action).stream().map(AudienceType::key)
        .toList());
  }
}
