package herald.adapters.json;

import static herald.properties.Generators.oneOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.domain.segments.rules.Rule;
import herald.platform.Json;
import herald.properties.Theories;
import org.junit.jupiter.api.Test;

/**
 * Segment rules as JSON: any valid rule survives being written and read back (through text, as it is stored),
 * and any JSON at all is either a rule that does the same or refused with {@link Invalid} naming a field under
 * {@code rules}; nothing else is ever thrown.
 */
class SegmentRuleJsonPropertiesTest {
  @Test
  void aValidRuleWrittenAndReadBackIsTheSameRule() {
    Theories.check(500, RandomRules.rules(), rule -> {
      String written = Json.write(SegmentRuleJson.write(rule));
      Rule read = SegmentRuleJson.parse(Json.parse(written), "rules");

      assertThat(read).as(written).isEqualTo(rule);
      assertThat(Json.write(SegmentRuleJson.write(read))).isEqualTo(written);
    });
  }

  @Test
  void anyJsonIsARuleThatRoundTripsOrRefusedWithTheFieldAtFault() {
    Theories.check(1000, oneOf(RuleMutations.rules(), RandomRules.rules().map(SegmentRuleJson::write)), json -> {
      String text = Json.write(json);
      Throwable thrown = catchThrowable(() -> {
        Rule rule = SegmentRuleJson.parse(Json.parse(text), "rules");
        JsonNode written = SegmentRuleJson.write(rule);
        assertThat(SegmentRuleJson.parse(Json.parse(Json.write(written)), "rules")).as(text).isEqualTo(rule);
      });
      if (thrown == null) return;
      assertThat(thrown).as(text).isInstanceOf(Invalid.class);
      Invalid invalid = (Invalid) thrown;
      assertThat(invalid.code()).as(text).isNotBlank();
      assertThat(invalid.field()).as(text).startsWith("rules").doesNotContain("null");
      assertThat(invalid.getMessage()).as(text).isNotBlank();
    });
  }
}
