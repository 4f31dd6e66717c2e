package herald.domain.distributions;

import herald.domain.events.EventCatalogue;
import herald.domain.templates.Variable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What templates may name, as the scope ({@code TemplateScope}) builds it: customer, brand and unsubscribe_url
 * always; event for bus triggers; order for order triggers (the fields of the catalogue's order schema); and what
 * the action provides. {@code customer.metadata}, {@code event.data} and the order's and its items' metadata are
 * free-form: any name below them is accepted.
 */
public final class TemplateVariables {
  /** Every top-level name and what it holds, in the order the catalogue lists them. */
  public static final Map<String, Variable> ALL = all();

  private TemplateVariables() {}

  private static Map<String, Variable> all() {
    Map<String, Variable> f = new LinkedHashMap<>();
    f.put("customer", Variable.values("id", "source_id", "name", "email", "phone")
        .with("metadata", Variable.freeForm()));
    f.put("brand", Variable.values("sender_name", "postal_address"));
    f.put("unsubscribe_url", Variable.value());
    f.put("event", Variable.values("id", "type", "name", "created_at").with("data", Variable.freeForm()));
    Variable item = Variable.values("product_id", "sku_id", "source_id", "name", "quantity", "price", "amount")
        .with("metadata", Variable.freeForm());
    f.put("order", Variable.values("id", "source_id", "amount", "discount_amount", "total_amount", "currency",
        "status").with("items", Variable.listOf(item)).with("metadata", Variable.freeForm()));
    f.put("voucher", Variable.values("code", "campaign_id", "campaign_name", "expiration_date", "qr_url"));
    f.put("campaign", Variable.values("id", "name"));
    f.put("promotion_tier", Variable.values("id", "name", "banner", "description", "campaign_id"));
    f.put("gift", Variable.values("amount", "balance", "code"));
    f.put("loyalty", Variable.values("points", "balance", "code"));
    f.put("reward", Variable.values("id", "name", "type"));
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

  /** Whether the action also gives its campaign ({@code campaign.id}, {@code campaign.name}). */
  public static boolean providesCampaign(ActionType action) {
    return action == ActionType.PUBLISH_CODE || action == ActionType.PUBLISHED_CODE
        || action == ActionType.NOTIFY_PROMOTION;
  }

  /** The top-level names available to an action's templates on a trigger type, sorted. */
  public static SortedSet<String> allowed(ActionType action, String triggerType) {
    SortedSet<String> names = new TreeSet<>(List.of("customer", "brand", "unsubscribe_url"));
    if (!EventCatalogue.MANUAL.equals(triggerType)) names.add("event");
    if (EventCatalogue.isOrder(triggerType)) names.add("order");
    String provided = action == null ? null : provided(action);
    if (provided != null) names.add(provided);
    if (action != null && providesCampaign(action)) names.add("campaign");
    return Collections.unmodifiableSortedSet(names);
  }

  /** What an action's templates on a trigger type may name: the {@link #allowed} names and what each holds. */
  public static Variable available(ActionType action, String triggerType) {
    Variable scope = Variable.values();
    for (String name : allowed(action, triggerType)) scope = scope.with(name, ALL.get(name));
    return scope;
  }

  /**
   * What a webhook's envelope carries in {@code data}: the customer, and what the action provides (voucher and
   * campaign, promotion_tier and campaign, gift, loyalty...) when it provides anything.
   */
  public static Map<String, Object> envelopeData(ActionType action, Map<String, Object> scope) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("customer", scope.get("customer"));
    String provided = provided(action);
    if (provided != null) data.put(provided, scope.get(provided));
    if (providesCampaign(action)) data.put("campaign", scope.get("campaign"));
    return data;
  }
}
