package herald.domain.segments.rules;

import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import java.time.Instant;
import java.util.List;

/**
 * Rules combined by {@code and} (every rule matches) or {@code or} (at least one does), evaluated in order and
 * stopping at the first rule that decides. Not empty; groups nest at most {@value #MAX_DEPTH} deep and a whole
 * tree holds at most {@value #MAX_CONDITIONS} conditions.
 */
public record Group(Logic logic, List<Rule> rules) implements Rule {
  public static final int MAX_DEPTH = 5;
  public static final int MAX_CONDITIONS = 100;

  public Group {
    if (logic == null) throw Invalid.required("logic");
    if (rules == null || rules.isEmpty()) {
      throw new Invalid("invalid_value", logic.key(), logic.key() + " must hold at least one rule");
    }
    rules = List.copyOf(rules);
    int depth = 0;
    int conditions = 0;
    for (Rule rule : rules) {
      depth = Math.max(depth, rule.depth());
      conditions += rule.conditions();
    }
    if (depth + 1 > MAX_DEPTH) {
      throw new Invalid("invalid_value", logic.key(), "groups nest at most " + MAX_DEPTH + " deep");
    }
    if (conditions > MAX_CONDITIONS) {
      throw new Invalid("too_many", logic.key(), "a rule holds at most " + MAX_CONDITIONS + " conditions");
    }
  }

  public static Group and(Rule... rules) {
    return new Group(Logic.AND, List.of(rules));
  }

  public static Group or(Rule... rules) {
    return new Group(Logic.OR, List.of(rules));
  }

  @Override public boolean matches(Customer customer, Instant now) {
    boolean all = logic == Logic.AND;
    for (int i = 0, n = rules.size(); i < n; i++) {
      if (rules.get(i).matches(customer, now) != all) return !all;
    }
    return all;
  }

  /** True when any rule in the group, however deep, does. */
  @Override public boolean dependsOnNow() {
    for (int i = 0, n = rules.size(); i < n; i++) {
      if (rules.get(i).dependsOnNow()) return true;
    }
    return false;
  }

  @Override public int depth() {
    int depth = 0;
    for (Rule rule : rules) depth = Math.max(depth, rule.depth());
    return depth + 1;
  }

  @Override public int conditions() {
    int conditions = 0;
    for (Rule rule : rules) conditions += rule.conditions();
    return conditions;
  }
}
