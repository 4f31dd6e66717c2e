package herald.testing;

import herald.sam.Intrinsics;
import herald.sam.Provisioner;
import herald.sam.Template;
import herald.sam.TemplateReader;
import herald.sam.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every table (with its indexes) and every queue (with its DLQ and redrive) of the project's template.yaml,
 * created by the local runtime's own provisioner under a name suffix, and the environment the template gives
 * the functions: each variable of each function's Environment that refers to a table or a queue, resolved to
 * what was created. A queue variable {@code X_QUEUE_URL} whose queue redrives also brings {@code X_DLQ_URL}.
 */
final class FreshStack {
  private static final Set<String> TABLE_TYPES = Set.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable");
  private static final String QUEUE_URL = "_QUEUE_URL";
  private static final Template TEMPLATE = read();

  private FreshStack() {}

  /** Creates the tables and queues, each name ending in {@code suffix}, and returns variable name to value. */
  static Map<String, String> create(DynamoDbClient dynamo, SqsClient sqs, String suffix, QueueOverride... overrides) {
    Template template = overridden(overrides);
    Intrinsics intrinsics = new Intrinsics(template, Map.of(), Map.of()).withNameSuffix(suffix);
    // ElasticMQ creates the queues while dynalite creates the tables: about 75 ms rather than 100 ms in all
    var queueUrlsLater = CompletableFuture.supplyAsync(() -> Provisioner.createQueues(sqs, template, intrinsics));
    Provisioner.createTables(dynamo, template, intrinsics);
    Map<String, String> queueUrls = queueUrlsLater.join();
    return environment(template, intrinsics.withRefs(queueUrls), queueUrls);
  }

  private static Template overridden(QueueOverride... overrides) {
    Template template = TEMPLATE;
    for (QueueOverride override : overrides) {
      for (var queue : override.properties().entrySet()) {
        template = template.withQueueProperties(queue.getKey(), queue.getValue());
      }
    }
    return template;
  }

  private static Map<String, String> environment(Template template, Intrinsics intrinsics,
      Map<String, String> queueUrls) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (Template.Function function : template.functions()) {
      function.environment().forEach((name, value) -> {
        String resource = resourceOf(value);
        if (resource == null) return;
        if (isTable(template, resource) || queueUrls.containsKey(resource)) {
          put(vars, name, intrinsics.string(value));
        }
        String deadLetter = deadLetterOf(template, resource);
        if (deadLetter != null && name.endsWith(QUEUE_URL)) {
          put(vars, name.substring(0, name.length() - QUEUE_URL.length()) + "_DLQ_URL", queueUrls.get(deadLetter));
        }
      });
    }
    return vars;
  }

  private static boolean isTable(Template template, String logicalId) {
    String type = template.typeOf(logicalId);
    return type != null && TABLE_TYPES.contains(type);
  }

  /** Two functions giving one variable two values would leave a test guessing: refuse the template. */
  private static void put(Map<String, String> vars, String name, String value) {
    String before = vars.putIfAbsent(name, value);
    if (before != null && !before.equals(value)) {
      throw new IllegalStateException(name + " is " + before + " in one function of template.yaml and " + value
          + " in another");
    }
  }

  /** The logical id a {@code !Ref X} or {@code !GetAtt X.Attr} names, else null. */
  private static String resourceOf(Object value) {
    if (!(value instanceof Map<?, ?> map) || map.size() != 1) return null;
    if (map.get("Ref") instanceof String id) return id;
    return map.get("Fn::GetAtt") instanceof List<?> getAtt && !getAtt.isEmpty() ? String.valueOf(getAtt.get(0)) : null;
  }

  /** The logical id of the queue this queue redrives to, or null. */
  private static String deadLetterOf(Template template, String queueId) {
    return template.queues().stream().filter(q -> q.logicalId().equals(queueId) && q.redrivePolicy() != null)
        .map(q -> resourceOf(Values.map(q.redrivePolicy()).get("deadLetterTargetArn"))).findFirst().orElse(null);
  }

  private static Template read() {
    try {
      return TemplateReader.read(TemplateReader.projectTemplate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
