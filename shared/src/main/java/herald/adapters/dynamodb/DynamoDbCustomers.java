package herald.adapters.dynamodb;

import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.platform.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Customers in DynamoDB, keyed by the id derived from their source id. Consents are a map attribute:
 * {@code consents: {email: {granted: BOOL, at: S}}}.
 */
public final class DynamoDbCustomers implements Customers {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbCustomers(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<Customer> get(String id) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Items.key("id", id)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) return Optional.empty();
    return Optional.of(new Customer(Items.text(item, "id"), Items.text(item, "source_id"), Items.text(item, "name"),
        Items.text(item, "email"), Items.text(item, "phone"),
        item.containsKey("metadata") ? Json.toMap(Json.parse(item.get("metadata").s())) : Map.of(),
        Items.instant(item, "created_at"), Items.instant(item, "updated_at"), consents(item.get("consents"))));
  }

  @Override
  public boolean erase(String id) {
    return dynamo.deleteItem(r -> r.tableName(table).key(Items.key("id", id))
        .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).hasAttributes();
  }

  @Override
  public void save(Customer c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", Items.s(c.id()));
    item.put("source_id", Items.s(c.sourceId()));
    Items.putIfPresent(item, "name", c.name());
    Items.putIfPresent(item, "email", c.email());
    Items.putIfPresent(item, "phone", c.phone());
    item.put("metadata", Items.s(Json.write(c.metadata())));
    if (!c.consents().isEmpty()) item.put("consents", consents(c.consents()));
    item.put("created_at", Items.s(c.createdAt().toString()));
    item.put("updated_at", Items.s(c.updatedAt().toString()));
    dynamo.putItem(r -> r.tableName(table).item(item));
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
