package herald.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import herald.sam.Intrinsics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.event.ruler.Machine;

/**
 * EventBridge's PutEvents (JSON 1.1, X-Amz-Target AWSEvents.PutEvents): builds each entry's event, matches it
 * against the template's EventBridgeRule patterns with event-ruler, and invokes the matched functions
 * asynchronously through {@link AsyncInvoker}.
 */
public final class LocalEventBridge {
  /** A rule's target: the function, the bus the rule is on, its RetryPolicy and dead-letter queue URL (or null). */
  public record Target(String rule, LambdaFunction function, String bus, int maximumRetryAttempts,
      int maximumEventAgeInSeconds, String deadLetterQueueUrl) {}

  private final Machine machine = new Machine();
  private final Map<String, Target> targets = new LinkedHashMap<>();
  private final Set<String> buses;
  private final AsyncInvoker invoker;

  /** @param rules each target with its pattern (a JSON string); buses are the names PutEvents accepts */
  public LocalEventBridge(Map<Target, String> rules, Set<String> buses, AsyncInvoker invoker) {
    this.buses = buses;
    this.invoker = invoker;
    rules.forEach((target, pattern) -> {
      try {
        machine.addRule(target.rule(), pattern);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("rule " + target.rule() + ": bad pattern " + pattern, e);
      }
      targets.put(target.rule(), target);
    });
  }

  /** The targets whose rule is on this bus and whose pattern matches the event. */
  public List<Target> matches(String bus, JsonNode event) {
    List<Target> matched = new ArrayList<>();
    for (String rule : machine.rulesForJSONEvent(event)) {
      Target target = targets.get(rule);
      if (target.bus().equals(bus)) matched.add(target);
    }
    return matched;
  }

  Reply handle(String amzTarget, String body) {
    if (!"AWSEvents.PutEvents".equals(amzTarget)) {
      return error("UnknownOperationException", amzTarget + " is not supported by the local EventBridge");
    }
    JsonNode request;
    try {
      request = Json.parse(body);
    } catch (IllegalArgumentException e) {
      return error("SerializationException", e.getMessage());
    }
    JsonNode entries = request.path("Entries");
    if (!entries.isArray() || entries.isEmpty() || entries.size() > 10) {
      return error("ValidationException", "Entries must hold 1 to 10 entries, got " + entries.size());
    }
    ObjectNode response = Json.MAPPER.createObjectNode();
    ArrayNode results = Json.MAPPER.createArrayNode();
    int failed = 0;
    for (JsonNode entry : entries) {
      ObjectNode result = put(entry);
      if (result.has("ErrorCode")) failed++;
      results.add(result);
    }
    response.put("FailedEntryCount", failed);
    response.set("Entries", results);
    return new Reply(200, "application/x-amz-json-1.1", Json.write(response));
  }

  private ObjectNode put(JsonNode entry) {
    ObjectNode result = Json.MAPPER.createObjectNode();
    String source = entry.path("Source").asText("");
    String detailType = entry.path("DetailType").asText("");
    String detailText = entry.path("Detail").asText("");
    if (source.isBlank() || detailType.isBlank() || detailText.isBlank()) {
      return result.put("ErrorCode", "InvalidArgument")
          .put("ErrorMessage", "Parameters Source, DetailType and Detail are required.");
    }
    JsonNode detail;
    try {
      detail = Json.parse(detailText);
    } catch (IllegalArgumentException e) {
      detail = null;
    }
    if (detail == null || !detail.isObject()) {
      return result.put("ErrorCode", "MalformedDetail").put("ErrorMessage", "Detail is malformed.");
    }
    String bus = busName(entry.path("EventBusName").asText(""));
    if (!buses.contains(bus)) {
      return result.put("ErrorCode", "NotFoundException").put("ErrorMessage", "Event bus " + bus + " does not exist.");
    }
    String id = UUID.randomUUID().toString();
    ObjectNode event = event(id, entry, detail);
    byte[] payload = Json.write(event).getBytes(StandardCharsets.UTF_8);
    for (Target target : matches(bus, event)) {
      System.out.println("[herald-local] event " + id + " (" + detailType + " from " + source + ") -> "
          + target.function().name());
      invoker.submit(target, payload, Instant.now());
    }
    return result.put("EventId", id);
  }

  private static ObjectNode event(String id, JsonNode entry, JsonNode detail) {
    Instant time = entry.has("Time")
        ? Instant.ofEpochMilli((long) (entry.get("Time").asDouble() * 1000))
        : Instant.now();
    ObjectNode event = Json.MAPPER.createObjectNode();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", entry.get("DetailType").asText());
    event.put("source", entry.get("Source").asText());
    event.put("account", Intrinsics.ACCOUNT);
    event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", Intrinsics.REGION);
    ArrayNode resources = event.putArray("resources");
    entry.path("Resources").forEach(resources::add);
    event.set("detail", detail);
    return event;
  }

  /** A bus name or ARN (…:event-bus/name); empty means the default bus. */
  static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isBlank()) return "default";
    int slash = nameOrArn.indexOf("event-bus/");
    return slash >= 0 ? nameOrArn.substring(slash + "event-bus/".length()) : nameOrArn;
  }

  private static Reply error(String type, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("__type", type).put("message", message);
    return new Reply(400, "application/x-amz-json-1.1", Json.write(body));
  }
}
