package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.domain.distributions.PatternMatcher;
import herald.platform.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.MachineComplexityEvaluator;

/** EventBridge patterns with AWS's event-ruler: checked by its rule compiler, matched by a machine per pattern. */
public final class EventRulerPatterns implements PatternMatcher {
  static final String FIELD = "trigger.pattern";
  private static final int MAX_COMPLEXITY = 64;
  private static final int CACHE_LIMIT = 256;
  private final Map<String, Machine> machines = new ConcurrentHashMap<>();

  @Override
  public void validate(String pattern) {
    if (pattern == null) return;
    String problem = JsonRuleCompiler.check(pattern);
    if (problem != null) throw invalid(firstLine(problem));
    Machine machine;
    try {
      machine = machine(pattern);
    } catch (RuntimeException e) {
      throw invalid(firstLine(String.valueOf(e.getMessage())));
    }
    if (machine.evaluateComplexity(new MachineComplexityEvaluator(MAX_COMPLEXITY)) >= MAX_COMPLEXITY) {
      machines.remove(pattern);
      throw invalid("it is too complex (wildcards that can match in too many ways)");
    }
  }

  @Override
  public boolean matches(String pattern, Map<String, Object> data) {
    JsonNode event = Json.MAPPER.valueToTree(data);
    return !machine(pattern).rulesForJSONEvent(event).isEmpty();
  }

  private Machine machine(String pattern) {
    Machine machine = machines.get(pattern);
    if (machine != null) return machine;
    machine = new Machine();
    try {
      machine.addRule("pattern", pattern);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (machines.size() >= CACHE_LIMIT) machines.clear();
    machines.put(pattern, machine);
    return machine;
  }

  private static Invalid invalid(String why) {
    return new Invalid("invalid_pattern", FIELD, FIELD + " is not a valid EventBridge pattern: " + why);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
