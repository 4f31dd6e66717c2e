package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import herald.domain.common.Invalid;
import herald.domain.templates.Templates;
import herald.domain.templates.Variable;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules between a draft's parts, checked before anything is stored: the trigger's pattern, which
 * action and audience fit the trigger (and its include_existing_members filter), every template (compiles,
 * uses only the variables the action and trigger provide), and what each channel's kind checks when saved (a
 * webhook's host, the write-only secrets it needs). Whether the segments a draft names exist is checked by
 * {@link ManageDistributions}.
 */
public final class DistributionRules {
  private final Templates templates;
  private final PatternMatcher patterns;
  private final ChannelKinds kinds;

  @Inject
  public DistributionRules(Templates templates, PatternMatcher patterns, ChannelKinds kinds) {
    this.templates = templates;
    this.patterns = patterns;
    this.kinds = kinds;
  }

  /**
   * An edit of the stored distribution: the draft with each secret its channels leave out taken from the stored
   * channel of the same type (write-only secrets are never shown, so an edit cannot send them back), then checked.
   */
  public DistributionDraft checkEdit(DistributionDraft draft, Distribution stored) {
    List<Channel> merged = new ArrayList<>();
    for (Channel channel : draft.channels()) {
      merged.add(stored.channels().stream().filter(c -> c.type().equals(channel.type())).findFirst()
          .map(previous -> kinds.keepSecrets(channel, previous)).orElse(channel));
    }
    return check(draft.withChannels(merged));
  }

  /**
   * Returns the draft as it is saved (with what the channels' kinds make up when left out, such as a webhook's
   * secret), or throws {@link Invalid} naming the field at fault.
   */
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
    Variable available = TemplateVariables.available(action, trigger.type());
    List<Channel> completed = new ArrayList<>();
    for (int i = 0; i < draft.channels().size(); i++) {
      Channel channel = draft.channels().get(i);
      checkTemplates(templates, channel, "channels[" + i + "].", available);
      kinds.checkForSave(channel, "channels[" + i + "].");
      completed.add(kinds.completeForSave(channel));
    }
    return draft.withChannels(completed);
  }

  /**
   * Checks a channel's templates against what the trigger and action provide (saving, and previews of what was
   * saved before these checks); its {@code html} field is an HTML body, the others are plain.
   */
  static void checkTemplates(Templates templates, Channel channel, String at, Variable available) {
    for (Map.Entry<String, String> template : channel.templates().entrySet()) {
      templates.check(template.getValue(), at + template.getKey(), available, template.getKey().equals("html"));
    }
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
