package herald.adapters.stored;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items kept as fixtures in DynamoDB JSON ({@code herald/stored/<version>/<table>.json}), put into a table as they are. */
final class StoredFixtures {
  private StoredFixtures() {}

  static void load(DynamoDbClient dynamo, String table, String version, String name) {
    for (Map<String, AttributeValue> item : items(version, name)) {
      dynamo.putItem(r -> r.tableName(table).item(item));
    }
  }

  static List<Map<String, AttributeValue>> items(String version, String name) {
    String resource = "herald/stored/" + version + "/" + name + ".json";
    try (InputStream in = StoredFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("no fixture " + resource);
      List<Map<String, AttributeValue>> items = new ArrayList<>();
      for (JsonNode item : Json.MAPPER.readTree(in)) items.add(item(item));
      return items;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An item in DynamoDB JSON, attributes in name order: how the fixtures keep them. */
  static ObjectNode json(Map<String, AttributeValue> item) {
    ObjectNode node = Json.object();
    new TreeMap<>(item).forEach((name, value) -> node.set(name, json(value)));
    return node;
  }

  private static ObjectNode json(AttributeValue value) {
    ObjectNode node = Json.object();
    if (value.s() != null) {
      node.put("S", value.s());
    } else if (value.n() != null) {
      node.put("N", value.n());
    } else if (value.bool() != null) {
      node.put("BOOL", value.bool());
    } else if (Boolean.TRUE.equals(value.nul())) {
      node.put("NULL", true);
    } else if (value.hasM()) {
      node.set("M", json(value.m()));
    } else if (value.hasL()) {
      ArrayNode list = node.putArray("L");
      value.l().forEach(v -> list.add(json(v)));
    } else if (value.hasSs()) {
      ArrayNode set = node.putArray("SS");
      value.ss().stream().sorted().forEach(set::add);
    } else {
      throw new IllegalArgumentException("no DynamoDB JSON for " + value);
    }
    return node;
  }

  private static Map<String, AttributeValue> item(JsonNode node) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> item.put(e.getKey(), value(e.getValue())));
    return item;
  }

  private static AttributeValue value(JsonNode typed) {
    var entry = typed.fields().next();
    JsonNode v = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> AttributeValue.fromS(v.asText());
      case "N" -> AttributeValue.fromN(v.asText());
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "M" -> AttributeValue.fromM(item(v));
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        v.forEach(x -> list.add(value(x)));
        yield AttributeValue.fromL(list);
      }
      case "SS" -> {
        List<String> set = new ArrayList<>();
        v.forEach(x -> set.add(x.asText()));
        yield AttributeValue.fromSs(set);
      }
      default -> throw new IllegalArgumentException("unknown DynamoDB type " + entry.getKey());
    };
  }
}
