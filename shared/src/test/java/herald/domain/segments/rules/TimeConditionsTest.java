package herald.domain.segments.rules;

import static herald.domain.segments.rules.Profiles.NOW;
import static herald.domain.segments.rules.Profiles.ada;
import static herald.domain.segments.rules.Profiles.createdAt;
import static herald.domain.segments.rules.Profiles.daysAgo;
import static herald.domain.segments.rules.Profiles.matches;
import static herald.domain.segments.rules.Profiles.newcomer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeConditionsTest {
  private static final LocalDate JAN_31 = LocalDate.parse("2026-01-31");

  @Test
  void comparesWithAnInstantStrictly() {
    Instant at = Instant.parse("2026-01-15T08:30:00Z");
    assertThat(matches(createdAt(at), "created_at", "before", at)).isFalse();
    assertThat(matches(createdAt(at), "created_at", "after", at)).isFalse();
    assertThat(matches(createdAt(at.minusNanos(1)), "created_at", "before", at)).isTrue();
    assertThat(matches(createdAt(at.plusNanos(1)), "created_at", "after", at)).isTrue();
  }

  @ParameterizedTest(name = "created {0}: before {1}, after {2}")
  @CsvSource({
      "2026-01-30T23:59:59.999Z, true, false",
      "2026-01-31T00:00:00Z, false, false",
      "2026-01-31T23:59:59.999Z, false, false",
      "2026-02-01T00:00:00Z, false, true",
  })
  void aDateCoversItsWholeDayInUtc(Instant created, boolean before, boolean after) {
    assertThat(matches(createdAt(created), "created_at", "before", JAN_31)).isEqualTo(before);
    assertThat(matches(createdAt(created), "created_at", "after", JAN_31)).isEqualTo(after);
  }

  @Test
  void daysAgoCountsBackFromTheMomentOfEvaluation() {
    // ada signed up 29 days before NOW and last ordered 2 days before it
    assertThat(matches(ada(), "events.signed_up.last_at", "after", daysAgo(30))).isTrue();
    assertThat(matches(ada(), "events.signed_up.last_at", "after", daysAgo(28))).isFalse();
    assertThat(matches(ada(), "events.signed_up.last_at", "before", daysAgo(28))).isTrue();
    assertThat(matches(ada(), "events.customer.order.paid.last_at", "after", daysAgo(7))).isTrue();
    assertThat(matches(ada(), "orders.last_order_at", "before", daysAgo(7))).isFalse();
    assertThat(matches(ada(), "orders.last_order_at", "after", daysAgo(0))).isFalse();
  }

  @Test
  void theSameRuleMovesWithNow() {
    Condition recent = Profiles.when("events.signed_up.last_at", "after", daysAgo(30));
    assertThat(recent.matches(ada(), NOW)).isTrue();
    assertThat(recent.matches(ada(), NOW.plusSeconds(86_400))).isFalse();
    assertThat(recent.matches(ada(), NOW.plusSeconds(86_400).minusNanos(1))).isTrue();
  }

  @Test
  void aTimeExactlyNDaysAgoIsNeitherBeforeNorAfter() {
    Instant exactly = NOW.minusSeconds(10 * 86_400);
    assertThat(matches(createdAt(exactly), "created_at", "after", daysAgo(10))).isFalse();
    assertThat(matches(createdAt(exactly), "created_at", "before", daysAgo(10))).isFalse();
  }

  @Test
  void aMissingTimeMatchesOnlyNotExists() {
    assertThat(matches(newcomer(), "events.signed_up.last_at", "after", daysAgo(30))).isFalse();
    assertThat(matches(newcomer(), "events.signed_up.last_at", "before", daysAgo(30))).isFalse();
    assertThat(matches(newcomer(), "orders.last_order_at", "before", JAN_31)).isFalse();
    assertThat(matches(newcomer(), "created_at", "after", JAN_31)).isFalse();
    assertThat(matches(newcomer(), "orders.last_order_at", "not_exists", null)).isTrue();
    assertThat(matches(newcomer(), "events.signed_up.last_at", "exists", null)).isFalse();
    assertThat(matches(ada(), "events.signed_up.last_at", "exists", null)).isTrue();
  }

  @Test
  void updatedAtIsATimeToo() {
    assertThat(matches(ada(), "updated_at", "after", Instant.parse("2026-01-15T09:30:00Z"))).isFalse();
    assertThat(matches(ada(), "updated_at", "after", Instant.parse("2026-01-15T09:29:59Z"))).isTrue();
  }
}
