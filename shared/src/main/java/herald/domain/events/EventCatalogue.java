package herald.domain.events;

import static herald.domain.events.TriggerFilter.CAMPAIGN_ID;
import static herald.domain.events.TriggerFilter.EVENT;
import static herald.domain.events.TriggerFilter.INCLUDE_EXISTING_MEMBERS;
import static herald.domain.events.TriggerFilter.SEGMENT_ID;
import static herald.domain.events.TriggerFilter.TIER_ID;

import herald.domain.events.EventType.Group;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event types Herald reacts to, EventBridge detail-types named as promotion platforms name them: the one
 * place they are written down. The JSON schemas of their data, the rules of template.yaml, the OpenAPI document's
 * enums and the compatibility table are checked against this list by the tests, as sets.
 */
public final class EventCatalogue {
  public static final String SEGMENT_ENTERED = "customer.segment.entered";
  public static final String SEGMENT_LEFT = "customer.segment.left";
  public static final String ORDER_PAID = "customer.order.paid";
  public static final String CUSTOM_EVENT = "customer.custom_event";
  /** Not an event: the start of a manual distribution, which is never on the bus. */
  public static final String MANUAL = "manual";

  /** Every type, in the order the API lists them. */
  public static final List<EventType> ALL = List.of(
      // the segment events come from Herald itself: the segments function puts them, so it does not hear them
      new EventType(SEGMENT_ENTERED, Group.SEGMENTS, List.of(SEGMENT_ID, INCLUDE_EXISTING_MEMBERS), Set.of(), false),
      new EventType(SEGMENT_LEFT, Group.SEGMENTS, List.of(SEGMENT_ID), Set.of(), false),
      type("customer.order.created", Group.ORDERS),
      type("customer.order.updated", Group.ORDERS),
      type(ORDER_PAID, Group.ORDERS),
      type("customer.order.canceled", Group.ORDERS),
      type("customer.voucher.gift.balance_added", Group.VOUCHERS, CAMPAIGN_ID, Payload.GIFT_CREDITS),
      type("customer.voucher.loyalty_card.points_added", Group.VOUCHERS, CAMPAIGN_ID, Payload.LOYALTY_POINTS),
      type("customer.voucher.loyalty_card.points_expired", Group.VOUCHERS, CAMPAIGN_ID, Payload.LOYALTY_POINTS),
      type("customer.voucher.loyalty_card.pending_points.added", Group.VOUCHERS, CAMPAIGN_ID,
          Payload.LOYALTY_POINTS),
      type("customer.voucher.loyalty_card.pending_points.updated", Group.VOUCHERS, CAMPAIGN_ID,
          Payload.LOYALTY_POINTS),
      type("customer.voucher.loyalty_card.pending_points.activated", Group.VOUCHERS, CAMPAIGN_ID,
          Payload.LOYALTY_POINTS),
      type("customer.voucher.loyalty_card.pending_points.canceled", Group.VOUCHERS, CAMPAIGN_ID,
          Payload.LOYALTY_POINTS),
      type("customer.redemption.succeeded", Group.VOUCHERS, CAMPAIGN_ID),
      type("customer.redemption.rollback.succeeded", Group.VOUCHERS, CAMPAIGN_ID),
      type("customer.reward_redemptions.completed", Group.REWARDS, CAMPAIGN_ID, Payload.REWARD),
      type("customer.publication.succeeded", Group.PUBLISHING, CAMPAIGN_ID, Payload.PUBLISHED_CODE),
      type(CUSTOM_EVENT, Group.CUSTOM, EVENT),
      type("customer.loyalty.tier.joined", Group.LOYALTY, List.of(TIER_ID, CAMPAIGN_ID)),
      type("customer.loyalty.tier.left", Group.LOYALTY, List.of(TIER_ID, CAMPAIGN_ID)),
      type("customer.loyalty.tier.upgraded", Group.LOYALTY, List.of(TIER_ID, CAMPAIGN_ID)),
      type("customer.loyalty.tier.downgraded", Group.LOYALTY, List.of(TIER_ID, CAMPAIGN_ID)),
      type("customer.loyalty.tier.prolonged", Group.LOYALTY, List.of(TIER_ID, CAMPAIGN_ID)),
      type("customer.rewarded.loyalty_points", Group.LOYALTY, CAMPAIGN_ID, Payload.LOYALTY_POINTS),
      type("customer.referred", Group.REFERRALS, CAMPAIGN_ID));

  /** Every type's name, in catalogue order. */
  public static final List<String> TYPES = ALL.stream().map(EventType::name).toList();

  private static final Map<String, EventType> BY_NAME = byName();

  private EventCatalogue() {}

  /** The type of this name, if the catalogue has one ({@code manual} is not a type). */
  public static Optional<EventType> find(String type) {
    return Optional.ofNullable(type == null ? null : BY_NAME.get(type));
  }

  public static boolean isBusType(String type) {
    return find(type).isPresent();
  }

  /** Whether the type is an order event, whose data carries the order. */
  public static boolean isOrder(String type) {
    return find(type).map(EventType::isOrder).orElse(false);
  }

  /** A trigger can be any bus type, or manual. */
  public static boolean isTriggerType(String type) {
    return isBusType(type) || MANUAL.equals(type);
  }

  /** Every trigger type: the catalogue's types, then manual. */
  public static List<String> triggerTypes() {
    List<String> types = new ArrayList<>(TYPES);
    types.add(MANUAL);
    return List.copyOf(types);
  }

  /** The filters a trigger of this type takes (none for manual). */
  public static List<TriggerFilter> filters(String triggerType) {
    return find(triggerType).map(EventType::filters).orElse(List.of());
  }

  /** The types the segments function hears, in catalogue order. */
  public static List<String> heardBySegments() {
    return ALL.stream().filter(EventType::heardBySegments).map(EventType::name).toList();
  }

  /** The types whose data carries this payload, in catalogue order. */
  public static List<String> carrying(Payload payload) {
    return ALL.stream().filter(t -> t.carries(payload)).map(EventType::name).toList();
  }

  private static EventType type(String name, Group group, TriggerFilter filter, Payload... carries) {
    return type(name, group, List.of(filter), carries);
  }

  private static EventType type(String name, Group group, List<TriggerFilter> filters, Payload... carries) {
    return new EventType(name, group, filters, Set.of(carries), true);
  }

  private static EventType type(String name, Group group) {
    return type(name, group, List.of());
  }

  private static Map<String, EventType> byName() {
    Map<String, EventType> byName = new LinkedHashMap<>();
    for (EventType type : ALL) {
      if (byName.put(type.name(), type) != null) throw new IllegalStateException("twice in the catalogue: " + type);
    }
    return Map.copyOf(byName);
  }
}
