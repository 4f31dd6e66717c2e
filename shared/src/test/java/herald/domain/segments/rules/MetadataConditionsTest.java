package herald.domain.segments.rules;

import static herald.domain.segments.rules.Profiles.NOW;
import static herald.domain.segments.rules.Profiles.ada;
import static herald.domain.segments.rules.Profiles.daysAgo;
import static herald.domain.segments.rules.Profiles.matches;
import static herald.domain.segments.rules.Profiles.withMetadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import herald.domain.customers.Customer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataConditionsTest {

  @Test
  void walksNestedObjectsByDots() {
    assertThat(matches(ada(), "metadata.address.city", "equals", "Lisbon")).isTrue();
    assertThat(matches(ada(), "metadata.address.country", "exists", null)).isFalse();
    assertThat(matches(ada(), "metadata.plan.tier", "exists", null)).isFalse();
    assertThat(matches(ada(), "metadata.address", "exists", null)).isTrue();
  }

  @Test
  void findsAKeyThatItselfContainsADot() {
    assertThat(matches(ada(), "metadata.utm.source", "equals", "spring-sale")).isTrue();
    Customer both = withMetadata(Map.of("a", Map.of("b.c", 1), "a.b", Map.of("c", 2)));
    assertThat(matches(both, "metadata.a.b.c", "equals", 1)).as("the nested walk is tried first").isTrue();
    Customer literal = withMetadata(Map.of("a", Map.of("x", 1), "a.b", Map.of("c", 2)));
    assertThat(matches(literal, "metadata.a.b.c", "equals", 2)).isTrue();
  }

  @Test
  void numbersEqualByValueWhateverTheirForm() {
    assertThat(matches(ada(), "metadata.score", "equals", 42.0)).isTrue();
    assertThat(matches(ada(), "metadata.age", "equals", 37)).as("numeric text from a CSV import").isTrue();
    assertThat(matches(ada(), "metadata.ratio", "equals", 0.5)).isTrue();
    assertThat(matches(withMetadata(Map.of("n", "10.0")), "metadata.n", "equals", 10)).isTrue();
    assertThat(matches(withMetadata(Map.of("n", " 10")), "metadata.n", "equals", 10)).isFalse();
    assertThat(matches(withMetadata(Map.of("n", 10L)), "metadata.n", "in", List.of(5, 10))).isTrue();
  }

  @Test
  void textEqualsOnlyText() {
    assertThat(matches(ada(), "metadata.plan", "equals", "gold")).isTrue();
    assertThat(matches(ada(), "metadata.plan", "equals", "Gold")).isFalse();
    assertThat(matches(ada(), "metadata.score", "equals", "42")).as("a number is not the text 42").isFalse();
    assertThat(matches(ada(), "metadata.score", "not_equals", "42")).isTrue();
    assertThat(matches(ada(), "metadata.plan", "in", List.of("silver", "gold"))).isTrue();
    assertThat(matches(ada(), "metadata.plan", "in", List.of("silver", 1, true))).isFalse();
  }

  @Test
  void booleansEqualBooleansAndTheirText() {
    assertThat(matches(ada(), "metadata.vip", "equals", true)).as("TRUE from a spreadsheet").isTrue();
    assertThat(matches(withMetadata(Map.of("vip", false)), "metadata.vip", "equals", false)).isTrue();
    assertThat(matches(withMetadata(Map.of("vip", false)), "metadata.vip", "equals", true)).isFalse();
    assertThat(matches(withMetadata(Map.of("vip", "yes")), "metadata.vip", "equals", true)).isFalse();
    assertThat(matches(withMetadata(Map.of("vip", 1)), "metadata.vip", "equals", true)).isFalse();
  }

  @Test
  void comparesNumbersAndNumericText() {
    assertThat(matches(ada(), "metadata.score", "greater_than", 41.5)).isTrue();
    assertThat(matches(ada(), "metadata.age", "greater_than", 36)).isTrue();
    assertThat(matches(ada(), "metadata.age", "less_than", 37)).isFalse();
    assertThat(matches(withMetadata(Map.of("n", "-1.5e2")), "metadata.n", "less_than", -100)).isTrue();
    assertThat(matches(withMetadata(Map.of("n", new BigDecimal("99.99"))), "metadata.n", "less_than", 100)).isTrue();
  }

  @Test
  void textThatIsNoNumberIsNeitherGreaterNorLess() {
    for (Object value : List.of("abc", "NaN", "Infinity", "10d", "0x10", "1,5", "", true, List.of(1))) {
      Customer c = withMetadata(Map.of("n", value));
      assertThat(matches(c, "metadata.n", "greater_than", -1e300)).as("%s", value).isFalse();
      assertThat(matches(c, "metadata.n", "less_than", 1e300)).as("%s", value).isFalse();
    }
  }

  @Test
  void containsFindsTextInTextAndElementsInLists() {
    assertThat(matches(ada(), "metadata.plan", "contains", "ol")).isTrue();
    assertThat(matches(ada(), "metadata.tags", "contains", "beta")).isTrue();
    assertThat(matches(ada(), "metadata.tags", "contains", "bet")).as("an element, not part of one").isFalse();
    assertThat(matches(ada(), "metadata.tags", "contains", 7)).isTrue();
    assertThat(matches(ada(), "metadata.score", "contains", "4")).isFalse();
    assertThat(matches(ada(), "metadata.address", "contains", "Lisbon")).isFalse();
  }

  @Test
  void startsWithOnlyOnText() {
    assertThat(matches(ada(), "metadata.address.zip", "starts_with", "1100")).isTrue();
    assertThat(matches(ada(), "metadata.score", "starts_with", "4")).isFalse();
    assertThat(matches(ada(), "metadata.tags", "starts_with", "beta")).isFalse();
  }

  @Test
  void readsIsoTextAsTimes() {
    assertThat(matches(ada(), "metadata.birthday", "before", LocalDate.parse("1990-01-01"))).isTrue();
    assertThat(matches(ada(), "metadata.birthday", "after", LocalDate.parse("1989-04-11"))).isTrue();
    assertThat(matches(ada(), "metadata.birthday", "after", LocalDate.parse("1989-04-12"))).isFalse();
    Customer trial = withMetadata(Map.of("trial_ends", "2026-03-05T10:00:00+01:00"));
    assertThat(matches(trial, "metadata.trial_ends", "after", Instant.parse("2026-03-05T08:59:59Z"))).isTrue();
    assertThat(matches(trial, "metadata.trial_ends", "after", daysAgo(0))).isTrue();
    assertThat(matches(ada(), "metadata.plan", "before", daysAgo(0))).isFalse();
    assertThat(matches(ada(), "metadata.score", "after", daysAgo(100_00))).isFalse();
  }

  @Test
  void nullAndEmptyTextAreMissing() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("gone", null);
    metadata.put("blank", "");
    Customer c = withMetadata(metadata);
    for (String field : List.of("metadata.gone", "metadata.blank", "metadata.never")) {
      assertThat(matches(c, field, "exists", null)).as(field).isFalse();
      assertThat(matches(c, field, "not_exists", null)).as(field).isTrue();
      assertThat(matches(c, field, "equals", "x")).as(field).isFalse();
      assertThat(matches(c, field, "not_equals", "x")).as(field).isTrue();
      assertThat(matches(c, field, "in", List.of("x", 0))).as(field).isFalse();
    }
    assertThat(matches(withMetadata(Map.of("s", " ")), "metadata.s", "exists", null)).isTrue();
  }

  @Test
  void noValueOfAnyTypeMakesAnyOperatorThrow() {
    List<Object> odd = new ArrayList<>(Arrays.asList("", "x", "12", "2026-13-45", "2026-01-31T25:00:00Z",
        "9999-99-99", 0, -1L, 3.5, new BigDecimal("1e400"), true, false, List.of(), List.of(Map.of()),
        Map.of("k", List.of()), new ArrayList<>(Arrays.asList(null, "a"))));
    List<Condition> conditions = List.of(Profiles.when("metadata.v", "equals", "x"),
        Profiles.when("metadata.v", "equals", 1), Profiles.when("metadata.v", "equals", true),
        Profiles.when("metadata.v", "in", List.of("x", 1, false)), Profiles.when("metadata.v", "contains", "a"),
        Profiles.when("metadata.v", "contains", 1), Profiles.when("metadata.v", "starts_with", "x"),
        Profiles.when("metadata.v", "greater_than", 0), Profiles.when("metadata.v", "less_than", 0),
        Profiles.when("metadata.v", "before", daysAgo(1)), Profiles.when("metadata.v", "after",
            LocalDate.parse("2020-01-01")), Profiles.when("metadata.v.w", "exists"));
    for (Object value : odd) {
      Customer c = withMetadata(Map.of("v", value));
      for (Condition condition : conditions) {
        assertThatCode(() -> condition.matches(c, NOW)).as("%s on %s", condition, value).doesNotThrowAnyException();
      }
    }
  }
}
