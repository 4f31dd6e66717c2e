package herald.sam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Reads template.yaml (short intrinsic tags included) into a {@link Template}. */
public final class TemplateReader {
  private TemplateReader() {}

  /** The project's template.yaml: the nearest one at or above the working directory. */
  public static Path projectTemplate() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("template.yaml"))) return p.resolve("template.yaml");
    }
    throw new IllegalStateException("no template.yaml at or above " + Path.of("").toAbsolutePath());
  }

  /** The whole template as maps and lists, short-form tags ({@code !Ref X}) in their long form ({@code {Ref: X}}). */
  public static Map<String, Object> load(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(10 * 1024 * 1024);
    return Values.map(new Yaml(new CfnTags(options)).load(yaml));
  }

  public static Template read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public static Template parse(String yaml) {
    Map<String, Object> root = load(yaml);
    Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
    Values.map(root.get("Resources")).forEach((id, r) -> resources.put(id, Values.map(r)));
    Object globalFunction = Values.map(root.get("Globals")).get("Function");

    List<Template.Function> functions = new ArrayList<>();
    List<Template.Table> tables = new ArrayList<>();
    List<Template.Queue> queues = new ArrayList<>();
    List<Template.Bus> buses = new ArrayList<>();
    resources.forEach((id, resource) -> {
      Map<String, Object> props = Values.map(resource.get("Properties"));
      switch (String.valueOf(resource.get("Type"))) {
        case "AWS::Serverless::Function" ->
            functions.add(function(id, Values.map(Values.merge(globalFunction, props)), queues));
        case "AWS::DynamoDB::Table" -> tables.add(Tables.table(id, props));
        case "AWS::Serverless::SimpleTable" -> tables.add(Tables.simpleTable(id, props));
        case "AWS::SQS::Queue" -> queues.add(new Template.Queue(id, props.get("QueueName"), props));
        case "AWS::Events::EventBus" -> buses.add(new Template.Bus(id, props.get("Name")));
        default -> { }
      }
    });
    return new Template(Values.map(root.get("Parameters")), Values.map(root.get("Conditions")),
        Values.map(root.get("Mappings")), resources, functions, tables, queues, buses);
  }

  private static Template.Function function(String id, Map<String, Object> props, List<Template.Queue> queues) {
    Object handler = props.get("Handler");
    if (handler == null) throw new IllegalArgumentException(id + " has no Handler");
    Map<String, Object> variables = Values.map(Values.map(props.get("Environment")).get("Variables"));
    List<EventSource> events = new ArrayList<>();
    Map<String, Object> invokeConfig = Values.map(props.get("EventInvokeConfig"));
    Values.map(props.get("Events")).forEach((name, e) -> {
      Map<String, Object> event = Values.map(e);
      EventSource source = eventSource(id, name, String.valueOf(event.get("Type")),
          Values.map(event.get("Properties")), invokeConfig, queues);
      if (source != null) events.add(source);
    });
    return new Template.Function(id, handler.toString(), new LinkedHashMap<>(variables),
        Values.integer(props.get("Timeout"), 3), Values.integer(props.get("MemorySize"), 128), events);
  }

  private static EventSource eventSource(String function, String name, String type, Map<String, Object> p,
      Map<String, Object> invokeConfig, List<Template.Queue> queues) {
    return switch (type) {
      case "HttpApi" -> new EventSource.HttpApi(name,
          p.get("Method") == null ? "ANY" : p.get("Method").toString().toUpperCase(),
          p.get("Path") == null ? "$default" : p.get("Path").toString(), p.get("ApiId"));
      case "SQS" -> new EventSource.Sqs(name, p.get("Queue"), Values.integer(p.get("BatchSize"), 10),
          Values.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"),
          !Boolean.FALSE.equals(p.get("Enabled")), Values.map(p.get("ScalingConfig")).get("MaximumConcurrency"),
          p.get("MaximumBatchingWindowInSeconds"));
      case "EventBridgeRule", "CloudWatchEvent" -> rule(function, name, p, invokeConfig, queues);
      case "Schedule" -> new EventSource.Schedule(name, p.get("Schedule"),
          !Boolean.FALSE.equals(p.get("Enabled")) && !"DISABLED".equals(p.get("State")), p.get("Input"),
          retries(invokeConfig), maximumEventAge(invokeConfig), deadLetterArn(function, name, p, invokeConfig, queues));
      default -> {
        System.err.println("[herald-local] " + function + "." + name + ": event type " + type
            + " is not run locally");
        yield null;
      }
    };
  }

  /**
   * A rule targeting the function. Locally the event always reaches the function, so what decides a failing
   * invocation is what decides it on AWS: Lambda's asynchronous retries (the function's EventInvokeConfig,
   * 2 by default) and its OnFailure destination. Without an OnFailure destination, the rule's DeadLetterConfig
   * is used, which on AWS only receives events EventBridge could not deliver.
   */
  private static EventSource.Rule rule(String function, String name, Map<String, Object> p,
      Map<String, Object> invokeConfig, List<Template.Queue> queues) {
    return new EventSource.Rule(name, p.get("EventBusName"), p.get("Pattern"), retries(invokeConfig),
        maximumEventAge(invokeConfig), deadLetterArn(function, name, p, invokeConfig, queues));
  }

  /** Lambda's asynchronous retries of a failed invocation (the function's EventInvokeConfig; 2 by default). */
  private static int retries(Map<String, Object> invokeConfig) {
    return Values.integer(invokeConfig.get("MaximumRetryAttempts"), 2);
  }

  private static int maximumEventAge(Map<String, Object> invokeConfig) {
    return Values.integer(invokeConfig.get("MaximumEventAgeInSeconds"), 21600);
  }

  /** The OnFailure destination of the function, else the event source's DeadLetterConfig queue, else null. */
  private static Object deadLetterArn(String function, String name, Map<String, Object> p,
      Map<String, Object> invokeConfig, List<Template.Queue> queues) {
    Map<String, Object> deadLetter = Values.map(p.get("DeadLetterConfig"));
    Object deadLetterArn = deadLetter.get("Arn");
    if (deadLetterArn == null && "SQS".equals(deadLetter.get("Type"))) {
      // SAM creates the queue itself; the local runtime does the same.
      String queueId = deadLetter.getOrDefault("QueueLogicalId", function + name + "Queue").toString();
      queues.add(new Template.Queue(queueId, null, Map.of()));
      deadLetterArn = Map.of("Fn::GetAtt", List.of(queueId, "Arn"));
    }
    Map<String, Object> onFailure = Values.map(Values.map(invokeConfig.get("DestinationConfig")).get("OnFailure"));
    if (onFailure.get("Destination") != null) deadLetterArn = onFailure.get("Destination");
    return deadLetterArn;
  }

}
