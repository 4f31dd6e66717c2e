package herald.bench;

import herald.domain.customers.Customer;
import herald.domain.suppressions.Suppression;
import herald.platform.AwsModule;
import herald.platform.Env;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The stand-in calls the sender makes for one message, with the same expressions, keys and payloads as
 * DynamoDbMessages, DynamoDbStats, the stores' GetItems and, through {@link ProviderReplay}, SesEmailSender and
 * HttpWebhookSender. Messages and counters are written under a distribution id of their own, so the real
 * distribution's figures stay clean.
 */
final class RawCalls {
  private static final String SET_FIELDS = "SET distribution_id = :d, event_id = :e, customer_id = :c, "
      + "channel = :ch, #s = :s, updated_at = :now, created_at = if_not_exists(created_at, :now), "
      + "created_key = if_not_exists(created_key, :key), attempt = if_not_exists(attempt, :zero) + :one, "
      + "lease_until = :lease";
  private final String channel;
  private final Env env;
  private final String distribution;
  private final List<Customer> customers;
  private final ProviderReplay provider;
  // per thread
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;

  private RawCalls(String channel, Env env, String distribution, List<Customer> customers,
      ProviderReplay provider, DynamoDbClient dynamo, SqsClient sqs) {
    this.channel = channel;
    this.env = env;
    this.distribution = distribution;
    this.customers = customers;
    this.provider = provider;
    this.dynamo = dynamo;
    this.sqs = sqs;
  }

  static RawCalls email(Env env, String distribution, List<Customer> customers, SesSample sample) {
    return new RawCalls("email", env, distribution, customers, ProviderReplay.email(env, sample), null,
        null);
  }

  static RawCalls webhook(Env env, String distribution, List<Customer> customers, String url,
      WebhookReceiver.Sample sample) {
    return new RawCalls("webhook", env, distribution, customers, ProviderReplay.webhook(url, sample), null,
        null);
  }

  String channel() {
    return channel;
  }

  SqsClient sqs() {
    return sqs;
  }

  /** A copy with its own SDK clients, as each sender instance has its own. */
  RawCalls forThread() {
    DynamoDbClient dynamo = AwsModule.configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
    SqsClient sqs = AwsModule.configure(SqsClient.builder(), env, "SQS").build();
    return new RawCalls(channel, env, distribution, customers, provider.forThread(), dynamo, sqs);
  }

  void one(RawWorker w, String tag, String sqsMessageId) {
    int i = Math.floorMod(sqsMessageId.hashCode(), customers.size());
    Customer customer = customers.get(i);
    String fakeDistribution = "dist_raw_" + channel + "_" + tag;
    String id = "msg_raw_" + channel + "_" + tag + "_" + sqsMessageId;
    String messages = env.get("MESSAGES_TABLE");
    String stats = env.get("STATS_TABLE");

    long t = System.nanoTime();
    Instant now = Instant.now();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":d", s(fakeDistribution));
    values.put(":e", s("evt_raw_" + sqsMessageId));
    values.put(":c", s(customer.id()));
    values.put(":ch", s(channel));
    values.put(":s", s("SENDING"));
    values.put(":queued", s("QUEUED"));
    values.put(":now", s(now.toString()));
    values.put(":key", s(now + "#" + id));
    values.put(":zero", n(0));
    values.put(":lease", n(System.currentTimeMillis() + 120_000));
    values.put(":one", n(1));
    dynamo.updateItem(r -> r.tableName(messages).key(Map.of("id", s(id)))
        .updateExpression(SET_FIELDS + " REMOVE provider_called")
        .conditionExpression("attribute_not_exists(id) OR #s = :queued")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values)
        .returnValues(ReturnValue.UPDATED_OLD));
    w.add("DynamoDb.UpdateItem messages", t);

    t = System.nanoTime();
    dynamo.updateItem(r -> r.tableName(stats)
        .key(Map.of("distribution_id", s(fakeDistribution), "channel", s(channel)))
        .updateExpression("ADD #to :one").expressionAttributeNames(Map.of("#to", "SENDING"))
        .expressionAttributeValues(Map.of(":one", n(1))));
    w.add("DynamoDb.UpdateItem stats", t);

    t = System.nanoTime();
    dynamo.getItem(r -> r.tableName(env.get("DISTRIBUTIONS_TABLE")).key(Map.of("id", s(distribution)))
        .consistentRead(true));
    w.add("DynamoDb.GetItem distributions", t);

    t = System.nanoTime();
    dynamo.getItem(r -> r.tableName(env.get("CUSTOMERS_TABLE")).key(Map.of("id", s(customer.id())))
        .consistentRead(true));
    w.add("DynamoDb.GetItem customers", t);

    if (channel.equals("email")) {
      t = System.nanoTime();
      dynamo.getItem(r -> r.tableName(env.get("SUPPRESSIONS_TABLE"))
          .key(Map.of("address", s(Suppression.normalize(customer.email())))).consistentRead(true)
          .projectionExpression("address"));
      w.add("DynamoDb.GetItem suppressions", t);
    }

    t = System.nanoTime();
    dynamo.getItem(r -> r.tableName(env.get("SETTINGS_TABLE")).key(Map.of("name", s("brand"))).consistentRead(true));
    w.add("DynamoDb.GetItem settings", t);

    t = System.nanoTime();
    dynamo.updateItem(r -> r.tableName(messages).key(Map.of("id", s(id)))
        .updateExpression("SET provider_called = :yes").conditionExpression("#s = :sending")
        .expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":sending", s("SENDING"), ":yes", AttributeValue.fromBool(true)))
        .returnValues(ReturnValue.UPDATED_OLD));
    w.add("DynamoDb.UpdateItem messages", t);

    t = System.nanoTime();
    String providerId = provider.send(customer, id);
    w.add(provider.operation(), t);

    t = System.nanoTime();
    dynamo.updateItem(r -> r.tableName(messages).key(Map.of("id", s(id)))
        .updateExpression("SET #s = :s, updated_at = :now, provider_id = :p REMOVE reason")
        .conditionExpression("attribute_exists(id)").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", s("SENT"), ":now", s(Instant.now().toString()), ":p", s(providerId)))
        .returnValues(ReturnValue.UPDATED_OLD));
    w.add("DynamoDb.UpdateItem messages", t);

    t = System.nanoTime();
    dynamo.updateItem(r -> r.tableName(stats)
        .key(Map.of("distribution_id", s(fakeDistribution), "channel", s(channel)))
        .updateExpression("ADD #to :one, #from :minus")
        .expressionAttributeNames(Map.of("#to", "SENT", "#from", "SENDING"))
        .expressionAttributeValues(Map.of(":one", n(1), ":minus", n(-1))));
    w.add("DynamoDb.UpdateItem stats", t);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
