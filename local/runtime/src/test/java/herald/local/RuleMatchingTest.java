package herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import herald.platform.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMatchingTest {
  private final LocalEventBridge.Target catalogue = target("catalogue", "herald-local");
  private final LocalEventBridge.Target prefixed = target("prefixed", "herald-local");
  private final LocalEventBridge.Target elsewhere = target("elsewhere", "default");
  private final LocalEventBridge eventBridge = new LocalEventBridge(rules(), Set.of("default", "herald-local"), null);

  private Map<LocalEventBridge.Target, String> rules() {
    Map<LocalEventBridge.Target, String> rules = new LinkedHashMap<>();
    rules.put(catalogue, "{\"detail-type\":[\"customer.order.created\",\"customer.order.paid\"]}");
    rules.put(prefixed, "{\"source\":[{\"prefix\":\"shop.\"}],\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}");
    rules.put(elsewhere, "{\"detail-type\":[\"customer.order.created\"]}");
    return rules;
  }

  private static LocalEventBridge.Target target(String rule, String bus) {
    return new LocalEventBridge.Target(rule, null, bus, 0, 60, null);
  }

  private static com.fasterxml.jackson.databind.JsonNode event(String source, String detailType, String detail) {
    return Json.parse("{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"" + detailType + "\",\"source\":\"" + source
        + "\",\"account\":\"000000000000\",\"time\":\"2025-01-01T00:00:00Z\",\"region\":\"us-east-1\","
        + "\"resources\":[],\"detail\":" + detail + "}");
  }

  @Test
  void matchesTheDetailTypesOfTheRulePattern() {
    assertThat(eventBridge.matches("herald-local", event("herald.api", "customer.order.paid", "{}")))
        .containsExactly(catalogue);
    assertThat(eventBridge.matches("herald-local", event("herald.api", "customer.order.refunded", "{}"))).isEmpty();
  }

  @Test
  void matchesOnlyRulesOfTheEventsBus() {
    assertThat(eventBridge.matches("default", event("herald.api", "customer.order.created", "{}")))
        .containsExactly(elsewhere);
    assertThat(eventBridge.matches("herald-local", event("herald.api", "customer.order.created", "{}")))
        .containsExactly(catalogue);
  }

  @Test
  void understandsEventBridgeContentFilters() {
    assertThat(eventBridge.matches("herald-local", event("shop.eu", "x", "{\"amount\":150}"))).containsExactly(prefixed);
    assertThat(eventBridge.matches("herald-local", event("shop.eu", "x", "{\"amount\":50}"))).isEmpty();
    assertThat(eventBridge.matches("herald-local", event("crm", "x", "{\"amount\":150}"))).isEmpty();
  }

  @Test
  void readsBusNamesAndArns() {
    assertThat(LocalEventBridge.busName("")).isEqualTo("default");
    assertThat(LocalEventBridge.busName("herald-local")).isEqualTo("herald-local");
    assertThat(LocalEventBridge.busName("arn:aws:events:us-east-1:000000000000:event-bus/herald-local"))
        .isEqualTo("herald-local");
  }
}
