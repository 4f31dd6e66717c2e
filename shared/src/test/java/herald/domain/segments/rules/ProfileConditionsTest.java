package herald.domain.segments.rules;

import static herald.domain.segments.rules.Profiles.ada;
import static herald.domain.segments.rules.Profiles.matches;
import static herald.domain.segments.rules.Profiles.newcomer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileConditionsTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
      "name, equals, Ada Lovelace, true",
      "name, equals, ada lovelace, false",
      "name, not_equals, Ada Lovelace, false",
      "name, not_equals, Grace Hopper, true",
      "name, contains, Love, true",
      "name, contains, love, false",
      "name, starts_with, Ada, true",
      "name, starts_with, Lovelace, false",
      "email, equals, ada@mail.example, true",
      "email, contains, @mail.example, true",
      "email, starts_with, grace@, false",
      "source_id, equals, ada-1, true",
      "source_id, starts_with, ada-, true",
      "phone, starts_with, +44, true",
      "phone, equals, +447700900124, false",
      "timezone, equals, Europe/London, true",
      "timezone, starts_with, America/, false",
  })
  void comparesTextFieldsExactlyAndCaseSensitively(String field, String operator, String value, boolean expected) {
    assertThat(matches(ada(), field, operator, value)).isEqualTo(expected);
  }

  @Test
  void findsTextFieldsInAListOfValues() {
    assertThat(matches(ada(), "timezone", "in", List.of("Europe/Paris", "Europe/London"))).isTrue();
    assertThat(matches(ada(), "timezone", "in", List.of("Europe/Paris"))).isFalse();
    assertThat(matches(ada(), "email", "in", List.of("ADA@mail.example"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"name", "email", "phone", "timezone"})
  void aMissingTextFieldMatchesOnlyNotExistsAndNotEquals(String field) {
    assertThat(matches(newcomer(), field, "equals", "x")).isFalse();
    assertThat(matches(newcomer(), field, "contains", "x")).isFalse();
    assertThat(matches(newcomer(), field, "starts_with", "x")).isFalse();
    assertThat(matches(newcomer(), field, "in", List.of("x"))).isFalse();
    assertThat(matches(newcomer(), field, "exists", null)).isFalse();
    assertThat(matches(newcomer(), field, "not_equals", "x")).isTrue();
    assertThat(matches(newcomer(), field, "not_exists", null)).isTrue();
    assertThat(matches(ada(), field, "exists", null)).isTrue();
    assertThat(matches(ada(), field, "not_exists", null)).isFalse();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
      "orders.total_amount, greater_than, 10000, true",
      "orders.total_amount, greater_than, 12500, false",
      "orders.total_amount, less_than, 12500.5, true",
      "orders.total_amount, equals, 12500, true",
      "orders.total_amount, equals, 12500.0, true",
      "orders.total_amount, not_equals, 12500, false",
      "orders.count, equals, 3, true",
      "orders.count, greater_than, 2, true",
      "orders.count, less_than, 3, false",
      "events.signed_up.count, equals, 1, true",
      "events.customer.order.paid.count, greater_than, 2, true",
      "events.customer.order.paid.count, less_than, 3, false",
      "events.never_seen.count, equals, 0, true",
      "events.never_seen.count, greater_than, 0, false",
  })
  void comparesCountsAndAmountsByValue(String field, String operator, double value, boolean expected) {
    assertThat(matches(ada(), field, operator, value)).isEqualTo(expected);
  }

  @Test
  void aNewcomerHasNoOrdersAndNoEventsYet() {
    assertThat(matches(newcomer(), "orders.count", "less_than", 1)).isTrue();
    assertThat(matches(newcomer(), "orders.total_amount", "equals", 0)).isTrue();
    assertThat(matches(newcomer(), "orders.total_amount", "greater_than", 0)).isFalse();
    assertThat(matches(newcomer(), "events.signed_up.count", "less_than", 1)).isTrue();
    assertThat(matches(ada(), "orders.count", "less_than", 1)).isFalse();
  }

  @Test
  void countsAndAmountsAlwaysExist() {
    assertThat(matches(newcomer(), "orders.count", "exists", null)).isTrue();
    assertThat(matches(newcomer(), "events.signed_up.count", "exists", null)).isTrue();
    assertThat(matches(newcomer(), "orders.total_amount", "not_exists", null)).isFalse();
  }

  @Test
  void findsCountsInAListOfNumbers() {
    assertThat(matches(ada(), "orders.count", "in", List.of(1, 3, 5))).isTrue();
    assertThat(matches(ada(), "orders.count", "in", List.of(1, 2))).isFalse();
    assertThat(matches(newcomer(), "orders.count", "in", List.of(0))).isTrue();
  }

  @Test
  void consentsAreTheirGrantedFlag() {
    assertThat(matches(ada(), "consents.email", "equals", true)).isTrue();
    assertThat(matches(ada(), "consents.sms", "equals", true)).isFalse();
    assertThat(matches(ada(), "consents.sms", "equals", false)).isTrue();
    assertThat(matches(ada(), "consents.sms", "not_equals", true)).isTrue();
    assertThat(matches(ada(), "consents.email", "exists", null)).isTrue();
  }

  @Test
  void aConsentNotAnsweredIsMissing() {
    assertThat(matches(newcomer(), "consents.email", "equals", true)).isFalse();
    assertThat(matches(newcomer(), "consents.email", "equals", false)).isFalse();
    assertThat(matches(newcomer(), "consents.email", "not_equals", true)).isTrue();
    assertThat(matches(newcomer(), "consents.email", "exists", null)).isFalse();
    assertThat(matches(newcomer(), "consents.email", "not_exists", null)).isTrue();
  }
}
