package herald.testing;

import herald.platform.AwsModule;
import herald.platform.Env;
import herald.standins.ElasticMq;
import herald.standins.NodeStandIn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The real local stand-ins (dynalite, ElasticMQ, aws-ses-v2-local), started once per test JVM.
 * {@link #freshEnv()} creates new tables and queues with a unique suffix, so test classes never
 * see each other's data, and returns the environment a function would get.
 */
public final class StandIns {
  private static StandIns instance;
  public final NodeStandIn dynalite;
  public final NodeStandIn ses;
  public final ElasticMq sqs;

  private StandIns() {
    dynalite = NodeStandIn.dynalite(0);
    ses = NodeStandIn.ses(0);
    sqs = ElasticMq.start(0);
    Runtime.getRuntime().addShutdownHook(new Thread(sqs::close));
  }

  public static synchronized StandIns get() {
    if (instance == null) instance = new StandIns();
    return instance;
  }

  /** Endpoints and credentials only, with no tables or queues. */
  public Env baseEnv() {
    Map<String, String> vars = new HashMap<>();
    vars.put("AWS_REGION", "us-east-1");
    vars.put("AWS_ACCESS_KEY_ID", "local");
    vars.put("AWS_SECRET_ACCESS_KEY", "local");
    vars.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint());
    vars.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint());
    vars.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint());
    return Env.of(vars);
  }

  /** New tables and a new send queue (with its DLQ), as template.yaml defines them. */
  public Env freshEnv() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Env env = baseEnv();
    DynamoDbClient dynamo = dynamo(env);
    env = env.with("DISTRIBUTIONS_TABLE", table(dynamo, "distributions-" + suffix, "id",
        index("ActiveByTrigger", "active_trigger", "id"), index("ByStatus", "status", "created_key"),
        index("All", "kind", "created_key")));
    env = env.with("CUSTOMERS_TABLE", table(dynamo, "customers-" + suffix, "id",
        index("Pending", "pending_shard", "pending_at")));
    env = env.with("MESSAGES_TABLE", table(dynamo, "messages-" + suffix, "id",
        index("ByDistribution", "distribution_id", "created_key")));
    env = env.with("SETTINGS_TABLE", table(dynamo, "settings-" + suffix, "name"));
    env = env.with("EVENT_KEYS_TABLE", table(dynamo, "event-keys-" + suffix, "id"));
    env = env.with("API_KEYS_TABLE", table(dynamo, "api-keys-" + suffix, "id"));
    env = env.with("ACTIVITY_TABLE", table(dynamo, "activity-" + suffix, "subject", "at_key"));
    env = env.with("SUPPRESSIONS_TABLE", table(dynamo, "suppressions-" + suffix, "address"));
    env = env.with("STATS_TABLE", table(dynamo, "stats-" + suffix, "distribution_id", "channel"));
    env = env.with("SEGMENTS_TABLE", table(dynamo, "segments-" + suffix, "id"));
    env = env.with("SEGMENT_MEMBERS_TABLE", table(dynamo, "segment-members-" + suffix, "pk", "customer_id",
        new Index("Members", "member_pk", "customer_id", List.of("seq", "changed_at"))));
    env = env.with("ASYNC_ACTIONS_TABLE", table(dynamo, "async-actions-" + suffix, "pk", "sk"));
    SqsClient sqs = sqs(env);
    String dlq = sqs.createQueue(r -> r.queueName("send-dlq-" + suffix)).queueUrl();
    String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    String send = sqs.createQueue(r -> r.queueName("send-" + suffix).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, "1",
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}")))
        .queueUrl();
    env = env.with("FANOUT_QUEUE_URL", queueWithDlq(sqs, "fanout-" + suffix))
        .with("JOBS_QUEUE_URL", queueWithDlq(sqs, "jobs-" + suffix))
        .with("CUSTOMER_CHANGES_QUEUE_URL", queueWithDlq(sqs, "customer-changes-" + suffix))
        .with("SEGMENT_SCANS_QUEUE_URL", queueWithDlq(sqs, "segment-scans-" + suffix));
    return env.with("SEND_QUEUE_URL", send).with("SEND_DLQ_URL", dlq).with("HERALD_API_KEY", "test-key")
        .with("HERALD_SIGNING_KEY", "test-signing-key-0123456789abcdef")
        .with("HERALD_PUBLIC_URL", "http://127.0.0.1:3000")
        .with("HERALD_WEBHOOK_ALLOWLIST", "127.0.0.1,localhost")
        .with("HERALD_RETRY_BASE_SECONDS", "1");
  }

  public static DynamoDbClient dynamo(Env env) {
    return AwsModule.configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
  }

  public static SqsClient sqs(Env env) {
    return AwsModule.configure(SqsClient.builder(), env, "SQS").build();
  }

  /** A table keyed by {@code key} (and a sort key when the first of {@code rest} is a name), with the indexes. */
  private static String table(DynamoDbClient dynamo, String name, String key, Object... rest) {
    String sortKey = rest.length > 0 && rest[0] instanceof String s ? s : null;
    Set<String> attributes = new LinkedHashSet<>(List.of(key));
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(keyElement(key, KeyType.HASH));
    if (sortKey != null) {
      attributes.add(sortKey);
      keys.add(keyElement(sortKey, KeyType.RANGE));
    }
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (Object r : rest) {
      if (!(r instanceof Index index)) continue;
      attributes.add(index.hash());
      attributes.add(index.range());
      indexes.add(GlobalSecondaryIndex.builder().indexName(index.name())
          .keySchema(keyElement(index.hash(), KeyType.HASH), keyElement(index.range(), KeyType.RANGE))
          .projection(p -> {
            if (index.included() == null) p.projectionType(ProjectionType.ALL);
            else p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes(index.included());
          }).build());
    }
    CreateTableRequest.Builder request = CreateTableRequest.builder()
        .tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).keySchema(keys)
        .attributeDefinitions(attributes.stream().map(StandIns::attribute).toList());
    if (!indexes.isEmpty()) request.globalSecondaryIndexes(indexes);
    dynamo.createTable(request.build());
    return name;
  }

  private static KeySchemaElement keyElement(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  /** A global secondary index; {@code included} null projects every attribute, as template.yaml's ALL. */
  private record Index(String name, String hash, String range, List<String> included) {}

  private static Index index(String name, String hash, String range) {
    return new Index(name, hash, range, null);
  }

  /** A queue (visibility 1 s) that redrives to its own DLQ after 3 receives, as template.yaml's work queues. */
  private static String queueWithDlq(SqsClient sqs, String name) {
    String dlq = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
    String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    return sqs.createQueue(r -> r.queueName(name).attributes(Map.of(
        QueueAttributeName.VISIBILITY_TIMEOUT, "1",
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}")))
        .queueUrl();
  }


  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }
}
