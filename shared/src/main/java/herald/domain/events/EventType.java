package herald.domain.events;

import java.util.List;
import java.util.Set;

/**
 * One type of the {@link EventCatalogue}: its name (the EventBridge {@code detail-type}), its group, the filters a
 * trigger of this type takes (in the order the API lists them), what its data carries for the actions that report
 * the event, and whether the segments function hears it (it counts the event in the customer's behaviour).
 */
public record EventType(String name, Group group, List<TriggerFilter> filters, Set<Payload> carries,
    boolean heardBySegments) {

  /** The catalogue's groups, as the platforms these names come from group them. */
  public enum Group { SEGMENTS, ORDERS, VOUCHERS, REWARDS, PUBLISHING, CUSTOM, LOYALTY, REFERRALS }

  public EventType {
    filters = List.copyOf(filters);
    carries = Set.copyOf(carries);
  }

  /** An order event: its data carries the order, which templates see as {@code order}. */
  public boolean isOrder() {
    return group == Group.ORDERS;
  }

  public boolean carries(Payload payload) {
    return carries.contains(payload);
  }
}
