package herald.domain.distributions;

import herald.domain.events.EventCatalogue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The top-level names a template may use, with their documented fields: customer, brand and
 * unsubscribe_url always; event for bus triggers; order for order triggers; and what the action provides.
 */
public final class TemplateVariables {
  /** Every top-level name and its fields. */
  public static final Map<String, List<String>> FIELDS = fields();

  private TemplateVariables() {}

  private static Map<String, List<String>> fields() {
    Map<String, List<String>> f = new LinkedHashMap<>();
    f.put("customer", List.of("id", "source_id", "name", "email", "phone", "metadata"));
    f.put("brand", List.of("sender_name", "postal_address"));
    f.put("unsubscribe_url", List.of());
    f.put("event", List.of("id", "type", "name", "created_at", "data"));
    f.put("order", List.of("id", "amount", "status", "items"));
    f.put("voucher", List.of("code", "campaign_id", "campaign_name", "expiration_date"));
    f.put("promotion_tier", List.of("id", "name", "banner", "campaign_id"));
    f.put("gift", List.of("amount", "balance", "code"));
    f.put("loyalty", List.of("points", "balance", "code"));
    f.put("reward", List.of("id", "name", "type"));
    return Collections.unmodifiableMap(f);
  }

  /** The name an action adds to the scope ({@code voucher}, {@code gift}, ...), or null (plain_message). */
  public static String provided(ActionType action) {
    return switch (action) {
      case PUBLISH_CODE, PUBLISHED_CODE -> "voucher";
      case NOTIFY_PROMOTION -> "promotion_tier";
      case GIFT_CREDITS -> "gift";
      case LOYALTY_POINTS -> "loyalty";
      case REWARD_DETAILS -> "reward";
      case PLAIN_MESSAGE -> null;
    };
  }

  /** The top-level names available to an action's templates on a trigger type, sorted. */
  public static SortedSet<String> allowed(ActionType action, String triggerType) {
    SortedSet<String> names = new TreeSet<>(List.of("customer", "brand", "unsubscribe_url"));
    if (!EventCatalogue.MANUAL.equals(triggerType)) names.add("event");
    if (EventCatalogue.isOrder(triggerType)) names.add("order");
    String provided = action == null ? null : provided(action);
    if (provided != null) names.add(provided);
    return Collections.unmodifiableSortedSet(names);
  }

  /**
   * What a webhook's envelope carries in {@code data}: the customer, and what the action provides (voucher,
   * gift, loyalty...) when it provides anything.
   */
  public static Map<String, Object> envelopeData(ActionType action, Map<String, Object> scope) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customer", scope.get("customer"));
    String provided = provided(action);
    if (provided != null) data.put(provided, scope.get(provided));
    return data;
  }
}
