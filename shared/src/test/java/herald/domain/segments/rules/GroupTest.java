package herald.domain.segments.rules;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.segments.rules.Profiles.NOW;
import static herald.domain.segments.rules.Profiles.ada;
import static herald.domain.segments.rules.Profiles.daysAgo;
import static herald.domain.segments.rules.Profiles.newcomer;
import static herald.domain.segments.rules.Profiles.when;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTest {
  private static final Condition GOLD = when("metadata.plan", "equals", "gold");
  private static final Condition BIG_SPENDER = when("orders.total_amount", "greater_than", 10_000);
  private static final Condition RECENT = when("events.signed_up.last_at", "after", daysAgo(30));
  private static final Condition NEVER = when("orders.count", "less_than", 0);

  @Test
  void andMatchesWhenEveryRuleMatches() {
    assertThat(Group.and(GOLD, BIG_SPENDER).matches(ada(), NOW)).isTrue();
    assertThat(Group.and(GOLD, BIG_SPENDER, NEVER).matches(ada(), NOW)).isFalse();
    assertThat(Group.and(GOLD).matches(newcomer(), NOW)).isFalse();
  }

  @Test
  void orMatchesWhenOneRuleMatches() {
    assertThat(Group.or(NEVER, RECENT).matches(ada(), NOW)).isTrue();
    assertThat(Group.or(NEVER, GOLD).matches(newcomer(), NOW)).isFalse();
  }

  @Test
  void nestedGroupsCombine() {
    Group rule = Group.and(GOLD, Group.or(BIG_SPENDER, RECENT));
    assertThat(rule.matches(ada(), NOW)).isTrue();
    assertThat(rule.matches(ada(), NOW.plusSeconds(86_400 * 400L))).isTrue();
    Group lapsed = Group.and(GOLD, Group.or(NEVER, Group.and(RECENT, when("orders.count", "equals", 0))));
    assertThat(lapsed.matches(ada(), NOW)).isFalse();
    Customer goldNewcomer = Profiles.withMetadata(java.util.Map.of("plan", "gold"));
    assertThat(Group.and(GOLD, when("orders.count", "less_than", 1)).matches(goldNewcomer, NOW)).isTrue();
  }

  @Test
  void refusesAnEmptyGroup() {
    assertRefused(() -> new Group(Logic.AND, List.of()), "invalid_value", "and");
    assertRefused(() -> new Group(Logic.OR, null), "invalid_value", "or");
  }

  @Test
  void nestsAtMostFiveDeep() {
    Rule rule = GOLD;
    for (int depth = 1; depth <= Group.MAX_DEPTH; depth++) rule = Group.or(rule);
    assertThat(rule.depth()).isEqualTo(5);
    assertThat(rule.matches(ada(), NOW)).isTrue();
    Rule five = rule;
    assertRefused(() -> Group.and(five), "invalid_value", "and");
  }

  @Test
  void holdsAtMostAHundredConditions() {
    List<Rule> hundred = new ArrayList<>(Collections.nCopies(50, GOLD));
    Group fifty = new Group(Logic.OR, hundred);
    assertThat(Group.and(fifty, fifty).conditions()).isEqualTo(100);
    assertRefused(() -> Group.and(fifty, fifty, GOLD), "too_many", "and");
  }

  @Test
  void copiesItsRules() {
    List<Rule> rules = new ArrayList<>(List.of(GOLD));
    Group group = new Group(Logic.AND, rules);
    rules.add(NEVER);
    assertThat(group.matches(ada(), NOW)).isTrue();
  }
}
