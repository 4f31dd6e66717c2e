package herald.domain.segments.rules;

import static herald.domain.fakes.Refusals.assertRefused;
import static herald.domain.segments.rules.Profiles.daysAgo;
import static herald.domain.segments.rules.Profiles.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {"nickname", "Name", "metadata", "metadata.", "metadata..plan", "metadata.plan.",
      "events.signed_up", "events.count", "events..count", "events. .last_at", "events.signed_up.total",
      "orders", "orders.sum", "consents.push", "consents", "customer.name"})
  void refusesFieldsItDoesNotKnow(String field) {
    assertRefused(() -> when(field, "exists"), "unknown_field", "field");
  }

  @Test
  void knowsEveryDocumentedField() {
    for (String field : List.of("source_id", "name", "email", "phone", "timezone", "created_at", "updated_at",
        "metadata.plan", "metadata.a.b.c", "consents.email", "consents.sms", "events.signed_up.count",
        "events.customer.order.paid.last_at", "orders.count", "orders.total_amount", "orders.last_order_at")) {
      assertThat(Field.of(field).path()).isEqualTo(field);
    }
  }

  @Test
  void splitsTheSuffixOffDottedEventNames() {
    assertThat(Field.of("events.customer.order.paid.count")).isEqualTo(new EventField("customer.order.paid", true));
    assertThat(Field.of("events.a.count.last_at")).isEqualTo(new EventField("a.count", false));
  }

  @Test
  void refusesOperatorsThatDoNotApplyToTheField() {
    assertRefused(() -> when("name", "greater_than", 3), "invalid_value", "operator");
    assertRefused(() -> when("orders.count", "before", daysAgo(3)), "invalid_value", "operator");
    assertRefused(() -> when("created_at", "equals", "2026-01-01"), "invalid_value", "operator");
    assertRefused(() -> when("created_at", "greater_than", 5), "invalid_value", "operator");
    assertRefused(() -> when("consents.email", "contains", "t"), "invalid_value", "operator");
    assertRefused(() -> when("consents.email", "in", List.of(true)), "invalid_value", "operator");
    assertRefused(() -> when("orders.total_amount", "starts_with", "1"), "invalid_value", "operator");
    assertRefused(() -> when("orders.count", "contains", 5), "invalid_value", "operator");
    assertRefused(() -> when("events.x.last_at", "in", List.of("2026-01-01")), "invalid_value", "operator");
  }

  @Test
  void refusesValuesOfTheWrongTypeForTheOperator() {
    assertRefused(() -> when("name", "equals", 3), "invalid_value", "value");
    assertRefused(() -> when("name", "in", "Ada"), "invalid_value", "value");
    assertRefused(() -> when("name", "in", List.of("Ada", 1)), "invalid_value", "value");
    assertRefused(() -> when("orders.count", "equals", "3"), "invalid_value", "value");
    assertRefused(() -> when("orders.count", "in", List.of(1, "2")), "invalid_value", "value");
    assertRefused(() -> when("consents.sms", "equals", "true"), "invalid_value", "value");
    assertRefused(() -> when("metadata.score", "greater_than", "10"), "invalid_value", "value");
    assertRefused(() -> when("metadata.plan", "starts_with", 1), "invalid_value", "value");
    assertRefused(() -> when("metadata.plan", "equals", List.of("gold")), "invalid_value", "value");
    assertRefused(() -> when("metadata.since", "after", "2026-01-01"), "invalid_value", "value");
    assertRefused(() -> when("created_at", "before", 1_700_000_000), "invalid_value", "value");
    assertRefused(() -> when("name", "equals"), "invalid_value", "value");
  }

  @Test
  void refusesAValueForExistsAndNotExists() {
    assertRefused(() -> when("name", "exists", "Ada"), "invalid_value", "value");
    assertRefused(() -> when("metadata.plan", "not_exists", true), "invalid_value", "value");
  }

  @Test
  void refusesValuesThatCannotBeCompared() {
    assertRefused(() -> new Operand.Text(""), "invalid_value", "value");
    assertRefused(() -> new Operand.Text("x".repeat(1001)), "invalid_value", "value");
    assertRefused(() -> new Operand.Numeric(Double.POSITIVE_INFINITY), "invalid_value", "value");
    assertRefused(() -> new Operand.Values(List.of()), "invalid_value", "value");
    assertRefused(() -> new Operand.Values(List.of(new Operand.Values(List.of(new Operand.Flag(true))))),
        "invalid_value", "value");
    assertRefused(() -> new Moment.DaysAgo(-1), "invalid_value", "value.days_ago");
    assertRefused(() -> new Moment.DaysAgo(36_501), "invalid_value", "value.days_ago");
    assertThat(new Moment.At(Instant.EPOCH).instant()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void sayWhatWasWrongInTheMessage() {
    var refused = assertRefused(() -> when("name", "greater_than", 3), "invalid_value", "operator");
    assertThat(refused.getMessage()).isEqualTo(
        "name greater_than applies to counts, amounts and metadata, not to a text field");
    var wrongValue = assertRefused(() -> when("name", "equals", 3), "invalid_value", "value");
    assertThat(wrongValue.getMessage()).isEqualTo("name equals on a text field takes a text (given a number)");
  }
}
