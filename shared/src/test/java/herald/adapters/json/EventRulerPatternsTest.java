package herald.adapters.json;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRulerPatternsTest {
  private final EventRulerPatterns patterns = new EventRulerPatterns();

  @ParameterizedTest
  @ValueSource(strings = {"{\"plan\":[\"pro\"]}", "{\"order\":{\"amount\":[{\"numeric\":[\">=\",1000]}]}}",
      "{\"source\":[{\"prefix\":\"web\"}]}", "{\"coupon\":[{\"exists\":false}]}",
      "{\"$or\":[{\"plan\":[\"pro\"]},{\"vip\":[true]}]}", "{\"tag\":[{\"anything-but\":[\"test\"]}]}"})
  void acceptsEventBridgePatterns(String pattern) {
    assertThatCode(() -> patterns.validate(pattern)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "[]", "{\"plan\":\"pro\"}", "{\"plan\":[{\"bogus\":1}]}", "not json",
      "{\"a\":[{\"numeric\":[\">\"]}]}"})
  void refusesWhatIsNotAPatternNamingTheField(String pattern) {
    var refused = assertRefused(() -> patterns.validate(pattern), "invalid_pattern", "trigger.pattern");
    assertThat(refused.getMessage()).startsWith("trigger.pattern is not a valid EventBridge pattern").doesNotContain("\n");
  }

  @Test
  void refusesAPatternTooComplexToMatchQuickly() {
    String wildcard = "{\"a\":[{\"wildcard\":\"" + "*a".repeat(40) + "*\"}]}";

    assertRefused(() -> patterns.validate(wildcard), "invalid_pattern", "trigger.pattern");
  }

  @Test
  void matchesTheEventsDataObject() {
    String pattern = "{\"order\":{\"amount\":[{\"numeric\":[\">=\",1000]}]},\"channel\":[\"web\",\"app\"]}";

    assertThat(patterns.matches(pattern, Map.of("order", Map.of("amount", 1500), "channel", "web"))).isTrue();
    assertThat(patterns.matches(pattern, Map.of("order", Map.of("amount", 999), "channel", "web"))).isFalse();
    assertThat(patterns.matches(pattern, Map.of("order", Map.of("amount", 1500), "channel", "store"))).isFalse();
    assertThat(patterns.matches(pattern, Map.of())).isFalse();
  }

  @Test
  void matchesArraysAndOrAndExists() {
    assertThat(patterns.matches("{\"tags\":[\"vip\"]}", Map.of("tags", List.of("new", "vip")))).isTrue();
    String either = "{\"$or\":[{\"plan\":[\"pro\"]},{\"vip\":[true]}]}";
    assertThat(patterns.matches(either, Map.of("vip", true))).isTrue();
    assertThat(patterns.matches(either, Map.of("plan", "free", "vip", false))).isFalse();
    assertThat(patterns.matches("{\"coupon\":[{\"exists\":false}]}", Map.of("plan", "x"))).isTrue();
    assertThat(patterns.matches("{\"coupon\":[{\"exists\":false}]}", Map.of("coupon", "C1"))).isFalse();
  }

  @Test
  void manyPatternsStillMatchCorrectlyPastTheCacheSize() {
    for (int i = 0; i < 600; i++) {
      assertThat(patterns.matches("{\"n\":[" + i + "]}", Map.of("n", i))).isTrue();
      assertThat(patterns.matches("{\"n\":[" + i + "]}", Map.of("n", i + 1))).isFalse();
    }
  }
}
