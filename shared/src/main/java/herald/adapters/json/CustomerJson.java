package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.platform.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Customers as JSON in the API. Consents come in as {@code "consents": {"email": {"granted": false}}} (Herald
 * sets the time) and go out with it: {@code {"email": {"granted": false, "at": "..."}}}. The behaviour goes out
 * only (it is counted from events): {@code "events": {"<name>": {"count": 2, "last_at": "..."}}} and
 * {@code "orders": {"count": 1, "total_amount": 1000, "last_order_at": "..."}}; given as input, it is an
 * unknown field.
 */
public final class CustomerJson {
  private static final Set<String> FIELDS = Set.of("source_id", "name", "email", "phone", "timezone", "metadata",
      "consents");

  private CustomerJson() {}

  public static CustomerProfile parse(JsonNode node, String path) {
    Fields f = Fields.of(node, path, FIELDS);
    String sourceId = f.requiredText("source_id");
    String timezone = Text.timezone(f.text("timezone"), f.at("timezone"));
    CustomerProfile profile = new CustomerProfile(sourceId, f.text("name"), f.text("email"), f.text("phone"),
        timezone, f.object("metadata"), consents(f.node("consents"), f.at("consents")));
    // Validates the fields given as a customer would, so bad input fails before anything is stored.
    try {
      new Customer(Customer.idFor(sourceId), sourceId, profile.name(), profile.email(), profile.phone(),
          profile.metadata(), null, null);
    } catch (Invalid e) {
      String field = path.isEmpty() ? e.field() : path + "." + e.field();
      throw new Invalid(e.code(), field, e.getMessage().replace(e.field(), field));
    }
    return profile;
  }

  public static ObjectNode write(Customer c) {
    ObjectNode node = Json.object();
    node.put("id", c.id());
    node.put("source_id", c.sourceId());
    node.put("name", c.name());
    node.put("email", c.email());
    node.put("phone", c.phone());
    node.put("timezone", c.timezone());
    node.set("metadata", Json.MAPPER.valueToTree(c.metadata()));
    ObjectNode consents = node.putObject("consents");
    c.consents().forEach((channel, consent) -> consents.putObject(channel)
        .put("granted", consent.granted())
        .put("at", consent.at() == null ? null : consent.at().toString()));
    node.put("created_at", c.createdAt() == null ? null : c.createdAt().toString());
    node.put("updated_at", c.updatedAt() == null ? null : c.updatedAt().toString());
    writeBehaviour(node, c.behaviour());
    return node;
  }

  private static void writeBehaviour(ObjectNode node, Behaviour b) {
    ObjectNode events = node.putObject("events");
    b.events().forEach((name, stats) -> events.putObject(name)
        .put("count", stats.count())
        .put("last_at", stats.lastAt() == null ? null : stats.lastAt().toString()));
    node.putObject("orders")
        .put("count", b.orderCount())
        .put("total_amount", b.orderTotalAmount())
        .put("last_order_at", b.lastOrderAt() == null ? null : b.lastOrderAt().toString());
  }

  private static Map<String, Boolean> consents(JsonNode node, String path) {
    if (node == null) return null;
    if (!node.isObject()) throw new Invalid("invalid_type", path, path + " must be a JSON object");
    Map<String, Boolean> consents = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String at = path + "." + entry.getKey();
      Consent.channel(entry.getKey(), at);
      JsonNode granted = Fields.of(entry.getValue(), at, Set.of("granted")).required("granted");
      if (!granted.isBoolean()) throw new Invalid("invalid_type", at + ".granted", at + ".granted must be a boolean");
      consents.put(entry.getKey(), granted.booleanValue());
    }
    return consents;
  }
}
