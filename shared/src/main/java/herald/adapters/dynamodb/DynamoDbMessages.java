package herald.adapters.dynamodb;

import herald.domain.common.Page;
import herald.domain.delivery.Claim;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.MessageFilter;
import herald.domain.delivery.Messages;
import herald.domain.delivery.SendJob;
import herald.adapters.json.SendJobJson;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Messages in DynamoDB; every status change is a conditional update on the message's own item. */
public final class DynamoDbMessages implements Messages {
  static final int SCHEMA = 1;
  static final String BY_DISTRIBUTION = "ByDistribution";
  /** Twice the sender's timeout: a claim older than this was left by a delivery that stopped. */
  static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);
  private static final String SET_FIELDS = "SET distribution_id = :d, event_id = :e, customer_id = :c, channel = :ch, "
      + "#s = :s, updated_at = :now, created_at = if_not_exists(created_at, :now), "
      + "created_key = if_not_exists(created_key, :key), attempt = if_not_exists(attempt, :zero) + :one, "
      + "lease_until = :lease, " + Items.SCHEMA + " = :schema";
  /** The reason of a message whose send may or may not have reached the provider (SendToRecipient's). */
  private static final String FEEDBACK_OUTCOME_UNKNOWN = "outcome_unknown";
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final java.time.Duration lease;

  public DynamoDbMessages(DynamoDbClient dynamo, String table, Clock clock) {
    this(dynamo, table, clock, LEASE);
  }

  /** {@code lease}: how long a claim holds a message; longer than any delivery of one message takes. */
  public DynamoDbMessages(DynamoDbClient dynamo, String table, Clock clock, java.time.Duration lease) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.lease = lease;
  }

  @Override
  public Claim claim(Message m) {
    return update(m.id(), setFields(m) + " REMOVE provider_called", "attribute_not_exists(id) OR #s = :queued",
        values(m, MessageStatus.SENDING, null));
  }

  /** The fields a claim (or a dead letter's FAILED) sets, and the send job when the message carries one. */
  private static String setFields(Message m) {
    return m.job() == null ? SET_FIELDS : SET_FIELDS + ", job = :job";
  }

  @Override
  public boolean engaged(String id, herald.domain.delivery.Engagement what, java.time.Instant at) {
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id)).updateExpression("SET #f = :at")
          .conditionExpression("attribute_exists(id) AND attribute_not_exists(#f)")
          .expressionAttributeNames(Map.of("#f", what.field()))
          .expressionAttributeValues(Map.of(":at", Items.s(at.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Claim retry(String id) {
    return update(id, "SET #s = :queued, updated_at = :now REMOVE reason, provider_called",
        "#s = :failed AND (attribute_not_exists(reason) OR reason <> :unknown)",
        Map.of(":queued", Items.s(MessageStatus.QUEUED.name()), ":failed", Items.s(MessageStatus.FAILED.name()),
            ":unknown", Items.s(FEEDBACK_OUTCOME_UNKNOWN), ":now", now()));
  }

  @Override
  public boolean resume(String id) {
    return update(id, "SET updated_at = :now, attempt = attempt + :one, lease_until = :lease",
        "#s = :sending AND lease_until < :nowMs",
        Map.of(":sending", Items.s(MessageStatus.SENDING.name()), ":now", now(), ":one", Items.n(1),
            ":lease", Items.n(clock.millis() + lease.toMillis()), ":nowMs", Items.n(clock.millis()))).claimed();
  }

  @Override
  public void calling(String id) {
    update(id, "SET provider_called = :yes", "#s = :sending",
        Map.of(":sending", Items.s(MessageStatus.SENDING.name()), ":yes", AttributeValue.fromBool(true)));
  }

  @Override
  public void release(String id, String error) {
    update(id, "SET #s = :queued, updated_at = :now, last_error = :e REMOVE provider_called", "#s = :sending",
        Map.of(":queued", Items.s(MessageStatus.QUEUED.name()), ":sending", Items.s(MessageStatus.SENDING.name()),
            ":now", now(), ":e", Items.s(error == null ? "unknown_error" : error)));
  }

  @Override
  public void finish(String id, MessageStatus status, String reason, String providerId) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", Items.s(status.name()), ":now", now()));
    StringBuilder set = new StringBuilder("SET #s = :s, updated_at = :now");
    StringBuilder remove = new StringBuilder();
    if (reason != null) {
      set.append(", reason = :r");
      values.put(":r", Items.s(reason));
    } else {
      remove.append(" REMOVE reason");
    }
    if (providerId != null) {
      set.append(", provider_id = :p");
      values.put(":p", Items.s(providerId));
    }
    update(id, set.append(remove).toString(), "attribute_exists(id)", values);
  }

  @Override
  public Claim failUnlessFinished(Message m, String reason) {
    Map<String, AttributeValue> values = values(m, MessageStatus.FAILED, reason);
    values.put(":sending", Items.s(MessageStatus.SENDING.name()));
    return update(m.id(), setFields(m) + ", reason = if_not_exists(last_error, :r)",
        "attribute_not_exists(id) OR #s = :queued OR #s = :sending", values);
  }

  @Override
  public boolean feedback(String id, MessageStatus to, String reason) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", Items.s(to.name()), ":now", now(),
        ":sent", Items.s(MessageStatus.SENT.name())));
    String condition = switch (to) {
      case DELIVERED -> {
        values.put(":failed", Items.s(MessageStatus.FAILED.name()));
        values.put(":unknown", Items.s(FEEDBACK_OUTCOME_UNKNOWN));
        yield "#s = :sent OR (#s = :failed AND reason = :unknown)";
      }
      case BOUNCED, COMPLAINED -> {
        values.put(":delivered", Items.s(MessageStatus.DELIVERED.name()));
        yield "#s = :sent OR #s = :delivered";
      }
      case FAILED -> "#s = :sent";
      default -> null;
    };
    if (condition == null) return false;
    String expression = "SET #s = :to, updated_at = :now";
    if (reason != null) values.put(":r", Items.s(reason));
    String update = expression + (reason != null ? ", reason = :r" : " REMOVE reason");
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression(update).conditionExpression(condition)
          .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Optional<Message> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
  }

  @Override
  public Page<Message> forDistribution(String distributionId, MessageFilter filter, String cursor, int limit) {
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":d", Items.s(distributionId)));
    List<String> conditions = new java.util.ArrayList<>();
    if (filter.status() != null) {
      conditions.add("#s = :s");
      values.put(":s", Items.s(filter.status().name()));
    }
    if (filter.channel() != null) {
      conditions.add("channel = :ch");
      values.put(":ch", Items.s(filter.channel()));
    }
    if (filter.customerId() != null) {
      conditions.add("customer_id = :c");
      values.put(":c", Items.s(filter.customerId()));
    }
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(BY_DISTRIBUTION)
        .keyConditionExpression("distribution_id = :d")
        .expressionAttributeValues(values)
        .limit(limit);
    if (filter.status() != null) query.expressionAttributeNames(Map.of("#s", "status"));
    if (!conditions.isEmpty()) query.filterExpression(String.join(" AND ", conditions));
    if (cursor != null) query.exclusiveStartKey(Cursors.decode(cursor, List.of("id", "distribution_id", "created_key"),
        "distribution_id", distributionId));
    QueryResponse page = dynamo.query(query.build());
    List<Message> items = page.items().stream().map(DynamoDbMessages::read).toList();
    return new Page<>(items, Cursors.next(page));
  }

  /** A conditional update; the outcome says whether it was made and what the status was before. */
  private Claim update(String id, String expression, String condition, Map<String, AttributeValue> values) {
    try {
      var old = dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression(expression).conditionExpression(condition)
          .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values)
          .returnValues(ReturnValue.ALL_OLD)).attributes();
      return new Claim(true, status(old), called(old), true);
    } catch (ConditionalCheckFailedException e) {
      var current = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
      return new Claim(false, status(current), called(current), lapsed(current));
    }
  }

  private boolean lapsed(Map<String, AttributeValue> item) {
    AttributeValue until = item == null ? null : item.get("lease_until");
    return until == null || until.n() == null || Long.parseLong(until.n()) < clock.millis();
  }

  private static boolean called(Map<String, AttributeValue> item) {
    return item != null && item.get("provider_called") != null && Boolean.TRUE.equals(item.get("provider_called").bool());
  }

  private static MessageStatus status(Map<String, AttributeValue> item) {
    String status = item == null ? null : Items.text(item, "status");
    return status == null ? null : MessageStatus.valueOf(status);
  }

  private Map<String, AttributeValue> values(Message m, MessageStatus status, String reason) {
    AttributeValue now = now();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":d", Items.s(m.distributionId()));
    values.put(":e", Items.s(m.eventId()));
    values.put(":c", Items.s(m.customerId()));
    values.put(":ch", Items.s(m.channel()));
    values.put(":schema", Items.n(SCHEMA));
    values.put(":s", Items.s(status.name()));
    values.put(":queued", Items.s(MessageStatus.QUEUED.name()));
    values.put(":now", now);
    values.put(":key", Items.s(now.s() + "#" + m.id()));
    values.put(":zero", Items.n(0));
    values.put(":lease", Items.n(clock.millis() + lease.toMillis()));
    values.put(":one", Items.n(1));
    if (reason != null) values.put(":r", Items.s(reason));
    if (m.job() != null) values.put(":job", Items.s(SendJobJson.write(m.job())));
    return values;
  }

  private AttributeValue now() {
    return Items.s(clock.instant().toString());
  }

  private static Message read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "message");
    return new Message(Items.text(item, "id"), Items.text(item, "distribution_id"), Items.text(item, "event_id"),
        Items.text(item, "customer_id"), Items.text(item, "channel"),
        MessageStatus.valueOf(Items.text(item, "status")), Items.text(item, "reason"),
        Items.text(item, "provider_id"), Items.instant(item, "created_at"), Items.instant(item, "updated_at"),
        item.containsKey("attempt") ? Integer.parseInt(item.get("attempt").n()) : 0,
        Items.instant(item, "opened_at"), Items.instant(item, "clicked_at"), job(Items.text(item, "job")));
  }

  /** The send job kept on the message; null when none was kept (or it no longer reads as one). */
  private static SendJob job(String json) {
    if (json == null) return null;
    try {
      return SendJobJson.read(json);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
