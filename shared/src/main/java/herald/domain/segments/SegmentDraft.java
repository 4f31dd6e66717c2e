package herald.domain.segments;

import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.List;

/**
 * A segment to create: a static one with up to {@value #MAX_CUSTOMERS} first members, or an auto-update one
 * with its rule.
 */
public record SegmentDraft(String name, SegmentType type, SegmentRule rule, List<String> customerIds) {
  public static final int MAX_CUSTOMERS = 1000;

  public SegmentDraft {
    name = Text.plain(Text.maxLength(Text.required(name, "name"), 200, "name"), "name");
    if (type == null) throw Invalid.required("type");
    if (type == SegmentType.AUTO_UPDATE && rule == null) throw Invalid.required("rules");
    if (type == SegmentType.STATIC && rule != null) {
      throw new Invalid("invalid_value", "rules", "a static segment has no rules; its members are added to it");
    }
    customerIds = customerIds == null ? List.of() : customerIds;
    if (type == SegmentType.AUTO_UPDATE && !customerIds.isEmpty()) {
      throw new Invalid("static_only", "customer_ids", "customers are added only to a static segment");
    }
    customerIds = SegmentDraft.customerIds(customerIds, "customer_ids");
  }

  /** Checked customer ids: at most {@value #MAX_CUSTOMERS}, each one an id a caller may give ({@link Ids#given}). */
  public static List<String> customerIds(List<String> ids, String field) {
    if (ids.size() > MAX_CUSTOMERS) {
      throw new Invalid("too_many", field, field + " holds at most " + MAX_CUSTOMERS + " customer ids");
    }
    List<String> checked = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i++) checked.add(Ids.given(ids.get(i), field + "[" + i + "]"));
    return List.copyOf(checked);
  }
}
