package herald.sam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the template's tables and queues in the stand-ins. */
public final class Provisioner {
  private static final List<String> QUEUE_ATTRIBUTES = List.of("DelaySeconds", "VisibilityTimeout",
      "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "FifoQueue",
      "ContentBasedDeduplication");

  private Provisioner() {}

  public static void createTables(DynamoDbClient dynamoDb, Template template, Intrinsics intrinsics) {
    for (Template.Table table : template.tables()) {
      var request = CreateTableRequest.builder()
          .tableName(intrinsics.tableName(table))
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .keySchema(keys(table.keySchema()))
          .attributeDefinitions(table.attributes().entrySet().stream()
              .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
              .toList());
      if (!table.globalIndexes().isEmpty()) {
        request.globalSecondaryIndexes(table.globalIndexes().stream()
            .map(i -> GlobalSecondaryIndex.builder().indexName(i.name()).keySchema(keys(i.keySchema()))
                .projection(projection(i)).build())
            .toList());
      }
      if (!table.localIndexes().isEmpty()) {
        request.localSecondaryIndexes(table.localIndexes().stream()
            .map(i -> LocalSecondaryIndex.builder().indexName(i.name()).keySchema(keys(i.keySchema()))
                .projection(projection(i)).build())
            .toList());
      }
      try {
        dynamoDb.createTable(request.build());
      } catch (ResourceInUseException exists) {
        // a second start against the same dynalite: keep the table
      }
    }
  }

  /** Creates every queue, dead-letter queues first, and returns logical id to queue URL. */
  public static Map<String, String> createQueues(SqsClient sqs, Template template, Intrinsics intrinsics) {
    List<Template.Queue> ordered = new ArrayList<>();
    template.queues().stream().filter(q -> q.redrivePolicy() == null).forEach(ordered::add);
    template.queues().stream().filter(q -> q.redrivePolicy() != null).forEach(ordered::add);
    Map<String, String> urls = new LinkedHashMap<>();
    for (Template.Queue queue : ordered) {
      Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
      for (String name : QUEUE_ATTRIBUTES) {
        Object value = queue.attributes().get(name);
        if (value != null) attributes.put(QueueAttributeName.fromValue(name), intrinsics.string(value));
      }
      if (queue.redrivePolicy() != null) {
        Object policy = intrinsics.resolve(queue.redrivePolicy());
        attributes.put(QueueAttributeName.REDRIVE_POLICY, policy instanceof String s ? s : Values.json(policy));
      }
      String url = sqs.createQueue(b -> b.queueName(intrinsics.queueName(queue)).attributes(attributes)).queueUrl();
      urls.put(queue.logicalId(), url);
    }
    return urls;
  }

  private static List<KeySchemaElement> keys(List<Template.Key> keys) {
    return keys.stream()
        .map(k -> KeySchemaElement.builder().attributeName(k.name()).keyType(k.keyType()).build())
        .toList();
  }

  private static Projection projection(Template.Index index) {
    var projection = Projection.builder().projectionType(index.projectionType());
    if (!index.nonKeyAttributes().isEmpty()) projection.nonKeyAttributes(index.nonKeyAttributes());
    return projection.build();
  }
}
