package herald.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the key schema, attribute definitions and indexes of table resources. */
final class Tables {
  private Tables() {}

  static Template.Table table(String id, Map<String, Object> props) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Object a : Values.list(props.get("AttributeDefinitions"))) {
      Map<String, Object> attribute = Values.map(a);
      attributes.put(attribute.get("AttributeName").toString(), attribute.get("AttributeType").toString());
    }
    return new Template.Table(id, props.get("TableName"), keys(props.get("KeySchema")), attributes,
        indexes(props.get("GlobalSecondaryIndexes")), indexes(props.get("LocalSecondaryIndexes")));
  }

  /** AWS::Serverless::SimpleTable: PrimaryKey {Name, Type: String|Number|Binary}, default id/String. */
  static Template.Table simpleTable(String id, Map<String, Object> props) {
    Map<String, Object> key = Values.map(props.get("PrimaryKey"));
    String name = key.getOrDefault("Name", "id").toString();
    String type = switch (key.getOrDefault("Type", "String").toString()) {
      case "Number" -> "N";
      case "Binary" -> "B";
      default -> "S";
    };
    return new Template.Table(id, props.get("TableName"), List.of(new Template.Key(name, "HASH")),
        Map.of(name, type), List.of(), List.of());
  }

  private static List<Template.Key> keys(Object schema) {
    List<Template.Key> keys = new ArrayList<>();
    for (Object k : Values.list(schema)) {
      Map<String, Object> key = Values.map(k);
      keys.add(new Template.Key(key.get("AttributeName").toString(), key.get("KeyType").toString()));
    }
    return keys;
  }

  private static List<Template.Index> indexes(Object list) {
    List<Template.Index> indexes = new ArrayList<>();
    for (Object i : Values.list(list)) {
      Map<String, Object> index = Values.map(i);
      Map<String, Object> projection = Values.map(index.get("Projection"));
      List<String> nonKey = Values.list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList();
      indexes.add(new Template.Index(index.get("IndexName").toString(), keys(index.get("KeySchema")),
          projection.getOrDefault("ProjectionType", "ALL").toString(), nonKey));
    }
    return indexes;
  }
}
