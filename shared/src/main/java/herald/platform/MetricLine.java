package herald.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of CloudWatch's Embedded Metric Format: a JSON object whose {@code _aws} member tells CloudWatch Logs which
 * of its members are metrics (a namespace, one set of dimensions, each metric's name and unit), and the members
 * themselves: each dimension's value, and each metric's value or values (up to 100). Lambda sends stdout to CloudWatch
 * Logs, which turns the line into metrics; no library or API call. Dimensions hold codes (a channel type, a queue),
 * never personal data.
 */
public final class MetricLine {
  /** The CloudWatch units Herald's metrics use. */
  public enum Unit {
    COUNT("Count"), MILLISECONDS("Milliseconds"), COUNT_PER_SECOND("Count/Second");

    private final String text;

    Unit(String text) {
      this.text = text;
    }
  }

  static final int MAX_VALUES = 100;
  private final String namespace;
  private final Map<String, String> dimensions = new LinkedHashMap<>();
  private final Map<String, Unit> units = new LinkedHashMap<>();
  private final Map<String, List<Double>> values = new LinkedHashMap<>();

  public MetricLine(String namespace) {
    if (namespace == null || namespace.isBlank()) throw new IllegalArgumentException("a namespace is required");
    this.namespace = namespace;
  }

  public MetricLine dimension(String name, String value) {
    if (units.containsKey(name)) throw new IllegalArgumentException(name + " is a metric already");
    dimensions.put(name, value);
    return this;
  }

  public MetricLine metric(String name, Unit unit, double value) {
    return metric(name, unit, List.of(value));
  }

  /** A metric with several values (CloudWatch keeps each); at most the first 100. */
  public MetricLine metric(String name, Unit unit, List<Double> metricValues) {
    if (dimensions.containsKey(name)) throw new IllegalArgumentException(name + " is a dimension already");
    units.put(name, unit);
    values.put(name, List.copyOf(metricValues.subList(0, Math.min(MAX_VALUES, metricValues.size()))));
    return this;
  }

  public boolean isEmpty() {
    return units.isEmpty();
  }

  public String json(Instant at) {
    ObjectNode root = Json.object();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", at.toEpochMilli());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", namespace);
    ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
    dimensions.keySet().forEach(dimensionSet::add);
    ArrayNode metrics = directive.putArray("Metrics");
    units.forEach((name, unit) -> metrics.addObject().put("Name", name).put("Unit", unit.text));
    dimensions.forEach(root::put);
    values.forEach((name, list) -> {
      if (list.size() == 1) root.put(name, number(list.get(0)));
      else list.forEach(v -> root.withArray(name).add(number(v)));
    });
    return root.toString();
  }

  /** Writes the line to stdout (CloudWatch Logs in Lambda); nothing when it has no metric. */
  public void print(Instant at) {
    if (!isEmpty()) System.out.println(json(at));
  }

  private static com.fasterxml.jackson.databind.JsonNode number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Json.MAPPER.getNodeFactory().numberNode((long) v)
        : Json.MAPPER.getNodeFactory().numberNode(v);
  }
}
