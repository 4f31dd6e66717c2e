package herald.domain.events;

import java.util.List;
import java.util.Set;

/** The event types Herald reacts to: EventBridge detail-types, named as promotion platforms name them. */
public final class EventCatalogue {
  public static final String CUSTOM_EVENT = "customer.custom_event";
  public static final String MANUAL = "manual";

  public static final List<String> TYPES = List.of(
      "customer.segment.entered",
      "customer.segment.left",
      "customer.order.created",
      "customer.order.updated",
      "customer.order.paid",
      "customer.order.canceled",
      "customer.voucher.gift.balance_added",
      "customer.voucher.loyalty_card.points_added",
      "customer.voucher.loyalty_card.points_expired",
      "customer.voucher.loyalty_card.pending_points.added",
      "customer.voucher.loyalty_card.pending_points.updated",
      "customer.voucher.loyalty_card.pending_points.activated",
      "customer.voucher.loyalty_card.pending_points.canceled",
      "customer.redemption.succeeded",
      "customer.redemption.rollback.succeeded",
      "customer.reward_redemptions.completed",
      "customer.publication.succeeded",
      CUSTOM_EVENT,
      "customer.loyalty.tier.joined",
      "customer.loyalty.tier.left",
      "customer.loyalty.tier.upgraded",
      "customer.loyalty.tier.downgraded",
      "customer.loyalty.tier.prolonged",
      "customer.rewarded.loyalty_points",
      "customer.referred");

  private static final Set<String> KNOWN = Set.copyOf(TYPES);

  private EventCatalogue() {}

  public static boolean isBusType(String type) {
    return KNOWN.contains(type);
  }

  /** Whether the type is an order event, whose data carries the order. */
  public static boolean isOrder(String type) {
    return type != null && type.startsWith("customer.order.");
  }

  /** A trigger can be any bus type, or manual. */
  public static boolean isTriggerType(String type) {
    return KNOWN.contains(type) || MANUAL.equals(type);
  }
}
