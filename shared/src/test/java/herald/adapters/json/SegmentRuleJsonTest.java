package herald.adapters.json;

import static herald.domain.fakes.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Customer;
import herald.domain.segments.rules.Condition;
import herald.domain.segments.rules.Group;
import herald.domain.segments.rules.Logic;
import herald.domain.segments.rules.Moment;
import herald.domain.segments.rules.Operand;
import herald.domain.segments.rules.Operator;
import herald.domain.segments.rules.RandomRules;
import herald.domain.segments.rules.Rule;
import herald.platform.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentRuleJsonTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String EXAMPLE = """
      {"and": [ {"field": "metadata.plan", "operator": "equals", "value": "gold"},
                {"or": [ {"field": "orders.total_amount", "operator": "greater_than", "value": 10000},
                         {"field": "events.signed_up.last_at", "operator": "after", "value": {"days_ago": 30}} ]} ]}""";

  private static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"'));
  }

  private static Rule parse(String text) {
    return SegmentRuleJson.parse(json(text), "rules");
  }

  private static Customer customer(String plan, long total, Instant signedUp) {
    return new Customer(Customer.idFor("c-1"), "c-1", null, null, null, null, Map.of("plan", plan), Map.of(),
        new Behaviour(signedUp == null ? Map.of() : Map.of("signed_up", new EventStats(1, signedUp)), 1, total,
            null), NOW, NOW, 1);
  }

  @Test
  void readsTheDocumentedExample() {
    Rule rule = parse(EXAMPLE);
    assertThat(rule).isEqualTo(Group.and(
        Condition.of("metadata.plan", Operator.EQUALS, new Operand.Text("gold")),
        Group.or(Condition.of("orders.total_amount", Operator.GREATER_THAN, new Operand.Numeric(10_000)),
            Condition.of("events.signed_up.last_at", Operator.AFTER, new Moment.DaysAgo(30)))));
    assertThat(rule.matches(customer("gold", 20_000, null), NOW)).isTrue();
    assertThat(rule.matches(customer("gold", 500, NOW.minusSeconds(86_400)), NOW)).isTrue();
    assertThat(rule.matches(customer("gold", 500, NOW.minusSeconds(31 * 86_400)), NOW)).isFalse();
    assertThat(rule.matches(customer("silver", 20_000, NOW), NOW)).isFalse();
  }

  @Test
  void readsEveryKindOfValue() {
    Rule rule = parse("{'or': [{'field': 'name', 'operator': 'in', 'value': ['Ada', 'Grace']},"
        + "{'field': 'consents.sms', 'operator': 'equals', 'value': false},"
        + "{'field': 'metadata.ratio', 'operator': 'less_than', 'value': 0.25},"
        + "{'field': 'created_at', 'operator': 'before', 'value': '2026-01-31'},"
        + "{'field': 'updated_at', 'operator': 'after', 'value': '2026-01-31T10:00:00+02:00'},"
        + "{'field': 'email', 'operator': 'exists'},"
        + "{'field': 'phone', 'operator': 'not_exists', 'value': null}]}");
    assertThat(((Group) rule).rules()).containsExactly(
        Condition.of("name", Operator.IN, new Operand.Values(List.of(new Operand.Text("Ada"),
            new Operand.Text("Grace")))),
        Condition.of("consents.sms", Operator.EQUALS, new Operand.Flag(false)),
        Condition.of("metadata.ratio", Operator.LESS_THAN, new Operand.Numeric(0.25)),
        Condition.of("created_at", Operator.BEFORE, new Moment.Day(LocalDate.parse("2026-01-31"))),
        Condition.of("updated_at", Operator.AFTER, new Moment.At(Instant.parse("2026-01-31T08:00:00Z"))),
        Condition.of("email", Operator.EXISTS, null),
        Condition.of("phone", Operator.NOT_EXISTS, null));
  }

  @Test
  void acceptsALoneConditionAsTheWholeRule() {
    assertThat(parse("{'field': 'orders.count', 'operator': 'less_than', 'value': 1}"))
        .isEqualTo(Condition.of("orders.count", Operator.LESS_THAN, new Operand.Numeric(1)));
  }

  @Test
  void writesWhatItReads() {
    String text = "{'and':[{'field':'metadata.plan','operator':'in','value':['gold',3,true,2.5]},"
        + "{'or':[{'field':'orders.total_amount','operator':'greater_than','value':10000},"
        + "{'field':'events.customer.order.paid.last_at','operator':'after','value':{'days_ago':30}},"
        + "{'field':'created_at','operator':'before','value':'2026-01-31'},"
        + "{'field':'updated_at','operator':'after','value':'2026-01-31T08:00:00.500Z'},"
        + "{'field':'consents.email','operator':'not_equals','value':false},"
        + "{'field':'name','operator':'exists'}]}]}";
    assertThat(Json.write(SegmentRuleJson.write(parse(text)))).isEqualTo(Json.write(json(text)));
  }

  @Test
  void roundTripsGeneratedRules() {
    for (long seed = 1; seed <= 1_000; seed++) {
      Rule rule = new RandomRules(seed).rule();
      JsonNode written = SegmentRuleJson.write(rule);
      Rule read = SegmentRuleJson.parse(Json.parse(Json.write(written)), "rules");
      assertThat(read).as("seed %d: %s", seed, written).isEqualTo(rule);
      assertThat(SegmentRuleJson.write(read)).isEqualTo(written);
    }
  }

  @ParameterizedTest(name = "{0} -> {1} at {2}")
  @CsvSource(delimiter = '|', value = {
      "{'and':[{'field':'nickname','operator':'exists'}]} | unknown_field | rules.and[0].field",
      "{'and':[{'field':'events.x.total','operator':'exists'}]} | unknown_field | rules.and[0].field",
      "{'and':[{'field':'name','operator':'like','value':'A'}]} | invalid_value | rules.and[0].operator",
      "{'and':[{'field':'name','operator':'greater_than','value':3}]} | invalid_value | rules.and[0].operator",
      "{'field':'orders.count','operator':'before','value':'2026-01-31'} | invalid_value | rules.operator",
      "{'field':'orders.count','operator':'contains','value':3} | invalid_value | rules.operator",
      "{'field':'orders.count','operator':'contains'} | invalid_value | rules.operator",
      "{'field':'consents.email','operator':'in','value':'yes'} | invalid_value | rules.operator",
      "{'and':[{'field':'name','operator':'in','value':'Ada'}]} | invalid_value | rules.and[0].value",
      "{'and':[{'field':'name','operator':'in','value':[]}]} | invalid_value | rules.and[0].value",
      "{'and':[{'field':'name','operator':'in','value':['a',{'b':1}]}]} | invalid_value | rules.and[0].value[1]",
      "{'and':[{'field':'name','operator':'exists','value':true}]} | invalid_value | rules.and[0].value",
      "{'and':[{'field':'name','operator':'equals'}]} | missing_field | rules.and[0].value",
      "{'and':[{'field':'name','operator':'equals','value':''}]} | invalid_value | rules.and[0].value",
      "{'and':[{'field':'name','operator':'equals','value':['Ada']}]} | invalid_value | rules.and[0].value",
      "{'and':[{'operator':'exists'}]} | missing_field | rules.and[0].field",
      "{'and':[{'field':'name'}]} | missing_field | rules.and[0].operator",
      "{'and':[{'field':3,'operator':'exists'}]} | invalid_type | rules.and[0].field",
      "{'and':[{'field':'name','operator':'exists','not':true}]} | unknown_field | rules.and[0].not",
      "{'and':[{'field':'created_at','operator':'after','value':'yesterday'}]} | invalid_value | rules.and[0].value",
      "{'and':[{'field':'created_at','operator':'after','value':'2026-02-30'}]} | invalid_value | rules.and[0].value",
      "{'and':[{'field':'created_at','operator':'after','value':1700000000}]} | invalid_value | rules.and[0].value",
      "{'field':'created_at','operator':'after','value':{'days_ago':-1}} | invalid_value | rules.value.days_ago",
      "{'field':'created_at','operator':'after','value':{'days_ago':1.5}} | invalid_value | rules.value.days_ago",
      "{'field':'created_at','operator':'after','value':{'weeks_ago':1}} | unknown_field | rules.value.weeks_ago",
      "{'and':[]} | invalid_value | rules.and",
      "{'and':{'field':'name','operator':'exists'}} | invalid_type | rules.and",
      "{'and':[{'field':'name','operator':'exists'}],'or':[]} | unknown_field | rules.or",
      "{'or':[{'field':'name','operator':'exists'}, 'name']} | invalid_type | rules.or[1]",
      "{'or':[{'and':[{'field':'name','operator':'exists'},{}]}]} | missing_field | rules.or[0].and[1].field",
      "[] | invalid_type | rules",
      "null | missing_field | rules",
  })
  void refusesABadRuleNamingThePathAtFault(String text, String code, String path) {
    assertRefused(() -> parse(text.strip()), code, path);
  }

  @Test
  void refusesGroupsNestedMoreThanFiveDeep() {
    String condition = "{'field':'name','operator':'exists'}";
    assertThat(parse(nest(condition, "or", 5)).depth()).isEqualTo(5);
    assertRefused(() -> parse(nest(nest(condition, "and", 1), "or", 5)), "invalid_value",
        "rules.or[0].or[0].or[0].or[0].or[0].and");
  }

  private static String nest(String rule, String key, int times) {
    for (int i = 0; i < times; i++) rule = "{'" + key + "':[" + rule + "]}";
    return rule;
  }

  @Test
  void refusesMoreThanAHundredConditions() {
    String condition = "{'field':'metadata.plan','operator':'equals','value':'gold'}";
    String hundred = "{'or':[" + String.join(",", java.util.Collections.nCopies(100, condition)) + "]}";
    assertThat(parse(hundred).conditions()).isEqualTo(100);
    String more = "{'and':[" + hundred + ",{'or':[" + condition + "]}]}";
    assertRefused(() -> parse(more), "too_many", "rules.and[1].or[0]");
  }

  @Test
  void saysWhatWasWrongInTheMessage() {
    var refused = assertRefused(() -> parse("{'and':[{'field':'name','operator':'greater_than','value':3}]}"),
        "invalid_value", "rules.and[0].operator");
    assertThat(refused.getMessage()).isEqualTo("rules.and[0].operator: name greater_than applies to counts, amounts"
        + " and metadata, not to a text field");
  }

  @Test
  void aRuleReadWithDaysAgoAnywhereInItDependsOnNowAndStillDoesWrittenAndReadAgain() {
    Rule rule = parse(EXAMPLE);
    assertThat(rule.dependsOnNow()).isTrue();
    assertThat(SegmentRuleJson.parse(SegmentRuleJson.write(rule), "rules").dependsOnNow()).isTrue();
    assertThat(parse("{'or':[{'field':'created_at','operator':'after','value':'2026-01-31'},"
        + "{'field':'metadata.plan','operator':'equals','value':'gold'}]}").dependsOnNow()).isFalse();
  }

  @Test
  void writesWholeNumbersAsIntegers() {
    Rule rule = new Group(Logic.AND, List.of(
        Condition.of("orders.total_amount", Operator.GREATER_THAN, new Operand.Numeric(10_000)),
        Condition.of("metadata.ratio", Operator.LESS_THAN, new Operand.Numeric(0.1))));
    assertThat(Json.write(SegmentRuleJson.write(rule))).isEqualTo("{\"and\":["
        + "{\"field\":\"orders.total_amount\",\"operator\":\"greater_than\",\"value\":10000},"
        + "{\"field\":\"metadata.ratio\",\"operator\":\"less_than\",\"value\":0.1}]}");
  }
}
