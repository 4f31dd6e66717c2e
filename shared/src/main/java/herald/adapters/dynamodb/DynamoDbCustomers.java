package herald.adapters.dynamodb;

import herald.domain.common.Conflict;
import herald.domain.common.Page;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.platform.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Customers in DynamoDB, keyed by the id derived from their source id. Consents are a map attribute:
 * {@code consents: {email: {granted: BOOL, at: S}}}; the behaviour another ({@link BehaviourItems}). Each save
 * writes {@code version} one up, on the condition that the stored one is still the one read, and the change's
 * mark in the same PutItem ({@link DynamoDbChangedCustomers}); a behaviour change is one UpdateItem of the
 * behaviour and the version, marked only when asked ({@link #saveBehaviour}). An erase leaves a tombstone: the id,
 * the source id, {@code erased_at} and the mark, which {@link #get} and {@link #scan} do not see, and which no save
 * replaces until the segments function has deleted it.
 */
public final class DynamoDbCustomers implements Customers {
  /** Layout 2: the change's mark (pending_shard, pending_at) and the tombstone of an erased customer. */
  static final int SCHEMA = 2;
  private static final int MAX_PARTS = 1_000_000;   // DynamoDB's limit of TotalSegments
  /** What an erase removes: every attribute but the id, the source id, the version and the mark. */
  private static final List<String> PERSONAL = List.of("name", "email", "phone", "timezone", "metadata",
      "consents", "behaviour", "created_at", "updated_at");
  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoDbCustomers(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public DynamoDbCustomers(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  @Override
  public Optional<Customer> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    Items.schema(item, SCHEMA, "customer " + id);
    if (erased(item)) return Optional.empty();
    return Optional.of(read(item));
  }

  /** One consistent BatchGetItem per 100 ids (and again for what DynamoDB left unprocessed). */
  @Override
  public Map<String, Customer> getAll(java.util.Collection<String> ids) {
    Map<String, Customer> found = new HashMap<>();
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += 100) {
      Map<String, KeysAndAttributes> wanted = Map.of(table, KeysAndAttributes.builder().consistentRead(true)
          .keys(distinct.subList(from, Math.min(from + 100, distinct.size())).stream()
              .map(id -> Items.key("id", id)).toList()).build());
      while (!wanted.isEmpty()) {
        var answer = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(wanted).build());
        for (var item : answer.responses().getOrDefault(table, List.of())) {
          Items.schema(item, SCHEMA, "customer " + Items.text(item, "id"));
          if (!erased(item)) found.put(Items.text(item, "id"), read(item));
        }
        wanted = answer.unprocessedKeys();
      }
    }
    return found;
  }

  @Override
  public boolean erase(String id) {
    Map<String, AttributeValue> values = new HashMap<>(DynamoDbChangedCustomers.eraseMark(id, clock.instant()));
    values.put(":one", Items.n(1));
    values.put(":erased", Items.s(clock.instant().toString()));
    values.put(":schema", Items.n(SCHEMA));
    Map<String, String> names = new HashMap<>(Map.of("#v", "version"));
    PERSONAL.forEach(name -> names.put("#" + name, name));
    String removed = String.join(", ", PERSONAL.stream().map(name -> "#" + name).toList());
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", id))
          .updateExpression("SET " + DynamoDbChangedCustomers.SET_ERASE_MARK + ", " + DynamoDbChangedCustomers.ERASED
              + " = :erased, " + Items.SCHEMA + " = :schema ADD #v :one REMOVE " + removed + ", "
              + DynamoDbChangedCustomers.MARKED_VERSION)
          .conditionExpression("attribute_exists(id) AND attribute_not_exists(" + DynamoDbChangedCustomers.ERASED
              + ")")
          .expressionAttributeNames(names).expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public Customer save(Customer c) {
    Customer saved = c.withVersion(c.version() + 1);
    Map<String, AttributeValue> item = item(saved);
    item.putAll(DynamoDbChangedCustomers.markItem(c.id(), clock.instant(), saved.version()));
    PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item)
        .expressionAttributeNames(Map.of("#v", "version"));
    if (c.version() == 0) {
      put.conditionExpression("attribute_not_exists(#v)");
    } else {
      put.conditionExpression("#v = :v").expressionAttributeValues(Map.of(":v", Items.n(c.version())));
    }
    try {
      dynamo.putItem(put.build());
      return saved;
    } catch (ConditionalCheckFailedException e) {
      throw new Conflict("version_conflict", c.version() == 0
          ? "customer " + c.id() + " was created meanwhile, or erased a moment ago and still leaving its segments"
          : "customer " + c.id() + " changed since it was read");
    }
  }

  /** One UpdateItem of the behaviour and the version (and the mark when marked), on the version read. */
  @Override
  public Customer saveBehaviour(Customer c, boolean marked) {
    if (c.version() == 0) return save(c);
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":b", BehaviourItems.write(c.behaviour()));
    values.put(":v", Items.n(c.version()));
    values.put(":one", Items.n(1));
    String set = "SET #b = :b";
    if (marked) {
      values.putAll(DynamoDbChangedCustomers.mark(c.id(), clock.instant(), c.version() + 1));
      set += ", " + DynamoDbChangedCustomers.SET_MARK;
    }
    String update = set + " ADD #v :one";
    try {
      dynamo.updateItem(r -> r.tableName(table).key(Items.key("id", c.id())).updateExpression(update)
          .conditionExpression("#v = :v AND attribute_not_exists(" + DynamoDbChangedCustomers.ERASED + ")")
          .expressionAttributeNames(Map.of("#v", "version", "#b", "behaviour")).expressionAttributeValues(values));
      return c.withVersion(c.version() + 1);
    } catch (ConditionalCheckFailedException e) {
      throw new Conflict("version_conflict", "customer " + c.id() + " changed since it was read");
    }
  }

  @Override
  public Page<Customer> scan(int part, int parts, String cursor, int limit) {
    if (parts < 1 || parts > MAX_PARTS || part < 0 || part >= parts || limit < 1) {
      throw new IllegalArgumentException("scan part " + part + " of " + parts + ", limit " + limit);
    }
    String partName = part + "/" + parts;
    Map<String, AttributeValue> start = null;
    if (cursor != null) {
      start = new HashMap<>(Cursors.decode(cursor, Set.of("id", "part"), "part", partName));
      start.remove("part");
    }
    Map<String, AttributeValue> from = start;
    ScanResponse page = dynamo.scan(r -> r.tableName(table).segment(part).totalSegments(parts).limit(limit)
        .consistentRead(true).exclusiveStartKey(from));
    List<Customer> customers = page.items().stream().filter(item -> !erased(item)).map(DynamoDbCustomers::read)
        .toList();
    if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) return new Page<>(customers, null);
    Map<String, AttributeValue> next = new HashMap<>(page.lastEvaluatedKey());
    next.put("part", Items.s(partName));
    return new Page<>(customers, Cursors.encode(next));
  }

  private static Map<String, AttributeValue> item(Customer c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(c.id()));
    item.put("source_id", Items.s(c.sourceId()));
    Items.putIfPresent(item, "name", c.name());
    Items.putIfPresent(item, "email", c.email());
    Items.putIfPresent(item, "phone", c.phone());
    Items.putIfPresent(item, "timezone", c.timezone());
    item.put("metadata", Items.s(Json.write(c.metadata())));
    if (!c.consents().isEmpty()) item.put("consents", consents(c.consents()));
    item.put("behaviour", BehaviourItems.write(c.behaviour()));
    item.put("created_at", Items.s(c.createdAt().toString()));
    item.put("updated_at", Items.s(c.updatedAt().toString()));
    item.put("version", Items.n(c.version()));
    return Items.withSchema(item, SCHEMA);
  }

  static boolean erased(Map<String, AttributeValue> item) {
    return item.containsKey(DynamoDbChangedCustomers.ERASED);
  }

  static Customer read(Map<String, AttributeValue> item) {
    Items.schema(item, SCHEMA, "customer");
    AttributeValue version = item.get("version");
    return new Customer(Items.text(item, "id"), Items.text(item, "source_id"), Items.text(item, "name"),
        Items.text(item, "email"), Items.text(item, "phone"), Items.text(item, "timezone"),
        item.containsKey("metadata") ? Json.toMap(Json.parse(item.get("metadata").s())) : Map.of(),
        consents(item.get("consents")), BehaviourItems.read(item.get("behaviour")),
        Items.instant(item, "created_at"), Items.instant(item, "updated_at"),
        version == null ? 0 : Long.parseLong(version.n()));
  }

  private static AttributeValue consents(Map<String, Consent> consents) {
    Map<String, AttributeValue> map = new HashMap<>();
    consents.forEach((channel, consent) -> {
      Map<String, AttributeValue> one = new HashMap<>();
      one.put("granted", AttributeValue.fromBool(consent.granted()));
      if (consent.at() != null) one.put("at", Items.s(consent.at().toString()));
      map.put(channel, AttributeValue.fromM(one));
    });
    return AttributeValue.fromM(map);
  }

  private static Map<String, Consent> consents(AttributeValue value) {
    if (value == null || !value.hasM()) return Map.of();
    Map<String, Consent> consents = new TreeMap<>();
    value.m().forEach((channel, one) -> {
      String at = Items.text(one.m(), "at");
      consents.put(channel, new Consent(Boolean.TRUE.equals(one.m().get("granted").bool()),
          at == null ? null : Instant.parse(at)));
    });
    return consents;
  }
}
