package herald.sam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local runtime and the tests' stand-ins need from template.yaml. Values that may hold intrinsics ({@code {Ref: X}},
 * {@code {"Fn::Sub": ...}}) stay raw ({@code Object}); {@link Intrinsics} resolves them.
 */
public record Template(
    Map<String, Object> parameters,
    Map<String, Object> conditions,
    Map<String, Object> mappings,
    Map<String, Map<String, Object>> resources,
    List<Function> functions,
    List<Table> tables,
    List<Queue> queues,
    List<Bus> buses) {

  /**
   * The same template with some properties of one queue replaced (a test that needs a message back within
   * seconds rather than after the template's visibility timeout, say); the queue must exist.
   */
  public Template withQueueProperties(String logicalId, Map<String, Object> properties) {
    if (queues.stream().noneMatch(q -> q.logicalId().equals(logicalId))) {
      throw new IllegalArgumentException("no queue " + logicalId + " in the template");
    }
    List<Queue> changed = queues.stream().map(q -> {
      if (!q.logicalId().equals(logicalId)) return q;
      Map<String, Object> attributes = new LinkedHashMap<>(q.attributes());
      attributes.putAll(properties);
      return new Queue(q.logicalId(), q.name(), attributes);
    }).toList();
    return new Template(parameters, conditions, mappings, resources, functions, tables, changed, buses);
  }

  /** The resource's Type, or null when there is no such resource. */
  public String typeOf(String logicalId) {
    Map<String, Object> resource = resources.get(logicalId);
    return resource == null ? null : (String) resource.get("Type");
  }

  public Map<String, Object> propertiesOf(String logicalId) {
    Map<String, Object> resource = resources.get(logicalId);
    Object properties = resource == null ? null : resource.get("Properties");
    return properties == null ? Map.of() : Values.map(properties);
  }

  /** An AWS::Serverless::Function, with the template's Globals.Function merged in. */
  public record Function(String logicalId, String handler, Map<String, Object> environment, int timeout,
      int memorySize, List<EventSource> events) {

    /** The class part of a "pkg.Class::method" handler string. */
    public String handlerClass() {
      int sep = handler.indexOf("::");
      return sep < 0 ? handler : handler.substring(0, sep);
    }
  }

  /** An AWS::DynamoDB::Table; name is the raw TableName, or null. */
  public record Table(String logicalId, Object name, List<Key> keySchema, Map<String, String> attributes,
      List<Index> globalIndexes, List<Index> localIndexes) {}

  public record Key(String name, String keyType) {}

  public record Index(String name, List<Key> keySchema, String projectionType, List<String> nonKeyAttributes) {}

  /** An AWS::SQS::Queue; name is the raw QueueName, or null; attributes are the raw properties. */
  public record Queue(String logicalId, Object name, Map<String, Object> attributes) {
    public Object redrivePolicy() {
      return attributes.get("RedrivePolicy");
    }
  }

  /** An AWS::Events::EventBus; name is the raw Name. */
  public record Bus(String logicalId, Object name) {}
}
