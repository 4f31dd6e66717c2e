package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.segments.rules.Condition;
import herald.domain.segments.rules.Operand;
import herald.domain.segments.rules.Operator;
import herald.platform.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * -0.0 compares equal to 0, and JSON writes both as 0: a rule holding it is the rule holding 0, so it reads back
 * equal (SegmentRuleJsonPropertiesTest found a rule that did not).
 */
class SegmentRuleNegativeZeroTest {
  @Test
  void aRuleWithMinusZeroIsTheRuleWithZeroAndReadsBackEqual() {
    Condition minusZero = Condition.of("orders.count", Operator.IN,
        new Operand.Values(List.of(new Operand.Numeric(-0.0))));

    assertThat(minusZero).isEqualTo(Condition.of("orders.count", Operator.IN,
        new Operand.Values(List.of(new Operand.Numeric(0)))));
    assertThat(SegmentRuleJson.parse(Json.parse(Json.write(SegmentRuleJson.write(minusZero))), "rules"))
        .isEqualTo(minusZero);
  }
}
