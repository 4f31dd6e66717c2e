package herald.domain.distributions;

import herald.domain.events.EventCatalogue;
import herald.domain.events.Payload;
import herald.domain.events.TriggerFilter;
import java.util.List;
import java.util.Set;

/**
 * Which action and audience fit which trigger: the table the API checks and serves at
 * {@code GET /v1/distributions/catalogue}, derived from the {@link EventCatalogue}. An action that reports the event
 * ({@link ActionType#reads}) fits the types whose data carries what it reports; the others fit every trigger.
 */
public final class Compatibility {
  private Compatibility() {}

  /** Every trigger type: the event catalogue, then manual. */
  public static List<String> triggerTypes() {
    return EventCatalogue.triggerTypes();
  }

  public static boolean fits(ActionType action, String triggerType) {
    Payload reads = action.reads();
    if (reads == null) return EventCatalogue.isTriggerType(triggerType);
    return EventCatalogue.find(triggerType).map(type -> type.carries(reads)).orElse(false);
  }

  /** The trigger types an action fits. */
  public static List<String> triggersFor(ActionType action) {
    return triggerTypes().stream().filter(t -> fits(action, t)).toList();
  }

  /** The actions that fit a trigger type. */
  public static List<ActionType> actionsFor(String triggerType) {
    return Set.of(ActionType.values()).stream().filter(a -> fits(a, triggerType)).sorted().toList();
  }

  /**
   * Whether an audience fits: event_customer needs a bus trigger; customer a manual one; segment fits
   * any; actions that read the event need the event's customer.
   */
  public static boolean fits(AudienceType audience, String triggerType, ActionType action) {
    boolean manual = EventCatalogue.MANUAL.equals(triggerType);
    if (action != null && action.readsEvent() && audience != AudienceType.EVENT_CUSTOMER) return false;
    return switch (audience) {
      case EVENT_CUSTOMER -> !manual;
      case SEGMENT -> true;
      case CUSTOMER -> manual;
    };
  }

  /**
   * Whether the trigger's {@code include_existing_members} fits the audience: when true it sends each
   * existing member the entered event of their own membership, so only event_customer can receive it (a
   * segment audience would send every member each member's entry). Only the segment-entered trigger takes
   * the filter, and it requires the segment_id ({@link EventCatalogue#filters}).
   */
  public static boolean fitsExistingMembers(Trigger trigger, AudienceType audience) {
    return !Boolean.TRUE.equals(trigger.filters().get(TriggerFilter.INCLUDE_EXISTING_MEMBERS.name()))
        || audience == AudienceType.EVENT_CUSTOMER;
  }

  /** The audiences that fit a trigger type and action. */
  public static List<AudienceType> audiencesFor(String triggerType, ActionType action) {
    return Set.of(AudienceType.values()).stream().filter(a -> fits(a, triggerType, action)).sorted().toList();
  }

  /** The whole table, one entry per trigger type. */
  public static List<Entry> catalogue() {
    return triggerTypes().stream().map(type -> new Entry(type, EventCatalogue.filters(type),
        !EventCatalogue.MANUAL.equals(type), audiencesFor(type, null),
        actionsFor(type).stream().map(action -> new ActionChoice(action, parameters(action),
            audiencesFor(type, action), List.copyOf(TemplateVariables.allowed(action, type)))).toList())).toList();
  }

  /** The parameters an action requires. */
  public static List<String> parameters(ActionType action) {
    return switch (action) {
      case PUBLISH_CODE -> List.of("campaign_id");
      case NOTIFY_PROMOTION -> List.of("campaign_id", "promotion_tier_id");
      default -> List.of();
    };
  }

  /** One trigger type: the filters it takes, whether it takes a pattern, the audiences and actions that fit it. */
  public record Entry(String trigger, List<TriggerFilter> filters, boolean pattern, List<AudienceType> audiences,
      List<ActionChoice> actions) {}

  /** An action that fits the trigger: its required parameters, the audiences it allows there, its template variables. */
  public record ActionChoice(ActionType action, List<String> parameters, List<AudienceType> audiences,
      List<String> variables) {}
}
