package herald.domain.segments.rules;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.customers.Customer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Properties of any rule, checked over rules and customers generated from 2,000 seeds. */
class RulePropertiesTest {
  private static final int SEEDS = 2_000;
  private static final Condition NEVER = Condition.of("orders.count", Operator.LESS_THAN, new Operand.Numeric(0));

  @Test
  void aRuleAndItselfIsTheRule() {
    forEachSeed((rule, customer, now, seed) ->
        assertThat(Group.and(rule, rule).matches(customer, now)).as("seed %d", seed)
            .isEqualTo(rule.matches(customer, now)));
  }

  @Test
  void aRuleOrANeverMatchingConditionIsTheRule() {
    forEachSeed((rule, customer, now, seed) -> {
      assertThat(Group.or(rule, NEVER).matches(customer, now)).as("seed %d", seed)
          .isEqualTo(rule.matches(customer, now));
      assertThat(Group.and(rule, NEVER).matches(customer, now)).as("seed %d", seed).isFalse();
    });
  }

  @Test
  void notEqualsAndNotExistsAreExactlyTheOpposites() {
    forEachSeed((rule, customer, now, seed) -> {
      if (!(rule instanceof Condition c)) return;
      Operator opposite = switch (c.operator()) {
        case EQUALS -> Operator.NOT_EQUALS;
        case NOT_EQUALS -> Operator.EQUALS;
        case EXISTS -> Operator.NOT_EXISTS;
        case NOT_EXISTS -> Operator.EXISTS;
        default -> null;
      };
      if (opposite == null) return;
      assertThat(new Condition(c.field(), opposite, c.value()).matches(customer, now)).as("seed %d", seed)
          .isNotEqualTo(c.matches(customer, now));
    });
  }

  @Test
  void andIsOrOfNothingButAll() {
    forEachSeed((rule, customer, now, seed) -> {
      if (!(rule instanceof Group g)) return;
      boolean any = g.rules().stream().anyMatch(r -> r.matches(customer, now));
      boolean all = g.rules().stream().allMatch(r -> r.matches(customer, now));
      assertThat(g.matches(customer, now)).as("seed %d", seed).isEqualTo(g.logic() == Logic.AND ? all : any);
    });
  }

  @Test
  void generatedRulesMatchSomeCustomersAndNotOthers() {
    int[] matched = {0};
    forEachSeed((rule, customer, now, seed) -> matched[0] += rule.matches(customer, now) ? 1 : 0);
    assertThat(matched[0]).as("rules matched, of %d", SEEDS).isBetween(SEEDS / 10, SEEDS * 9 / 10);
  }

  interface Check {
    void check(Rule rule, Customer customer, Instant now, long seed);
  }

  static void forEachSeed(Check check) {
    for (long seed = 1; seed <= SEEDS; seed++) {
      RandomRules random = new RandomRules(seed);
      Rule rule = random.rule();
      if (seed % 3 == 0) rule = random.condition();
      check.check(rule, random.customer(), random.now(), seed);
    }
  }
}
