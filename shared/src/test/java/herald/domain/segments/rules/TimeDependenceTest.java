package herald.domain.segments.rules;

import static herald.domain.segments.rules.Profiles.daysAgo;
import static herald.domain.segments.rules.Profiles.when;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.segments.SegmentRule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which rules need re-evaluating as time passes: those comparing with {@code {"days_ago": N}}. */
class TimeDependenceTest {
  private static final Condition GOLD = when("metadata.plan", "equals", "gold");
  private static final Condition RECENT_ORDER = when("orders.last_order_at", "after", daysAgo(30));

  @Test
  void aConditionWithDaysAgoDependsOnNowBeforeAsWellAsAfter() {
    assertThat(RECENT_ORDER.dependsOnNow()).isTrue();
    assertThat(when("events.signed_up.last_at", "before", daysAgo(0)).dependsOnNow()).isTrue();
    assertThat(when("metadata.renewal", "before", daysAgo(7)).dependsOnNow()).isTrue();
  }

  @Test
  void conditionsOnFixedTimesOrOtherValuesDoNot() {
    assertThat(GOLD.dependsOnNow()).isFalse();
    assertThat(when("created_at", "after", Instant.parse("2026-01-15T08:30:00Z")).dependsOnNow()).isFalse();
    assertThat(when("created_at", "before", LocalDate.parse("2026-01-31")).dependsOnNow()).isFalse();
    assertThat(when("orders.last_order_at", "exists").dependsOnNow()).isFalse();
    assertThat(when("orders.count", "greater_than", 30).dependsOnNow()).isFalse();
    assertThat(when("metadata.tier", "in", List.of("gold", "silver")).dependsOnNow()).isFalse();
  }

  @Test
  void aGroupDependsOnNowWhenAnyRuleInItDoesHoweverDeep() {
    assertThat(Group.and(GOLD, when("orders.count", "greater_than", 1)).dependsOnNow()).isFalse();
    assertThat(Group.or(GOLD, RECENT_ORDER).dependsOnNow()).isTrue();
    assertThat(Group.and(GOLD, Group.or(GOLD, Group.and(GOLD, RECENT_ORDER))).dependsOnNow()).isTrue();
    assertThat(Group.and(GOLD, Group.or(GOLD, Group.and(GOLD, GOLD))).dependsOnNow()).isFalse();
  }

  @Test
  void aRuleWrittenInCodeDoesNotUnlessItSaysSo() {
    SegmentRule custom = (customer, now) -> true;
    assertThat(custom.dependsOnNow()).isFalse();
  }
}
