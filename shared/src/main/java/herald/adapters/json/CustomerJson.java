package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.Invalid;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.platform.Json;
import java.util.Set;

/** Customers as JSON in the API. */
public final class CustomerJson {
  private static final Set<String> FIELDS = Set.of("source_id", "name", "email", "phone", "metadata");

  private CustomerJson() {}

  public static CustomerProfile parse(JsonNode node, String path) {
    Fields f = Fields.of(node, path, FIELDS);
    String sourceId = f.requiredText("source_id");
    CustomerProfile profile = new CustomerProfile(sourceId, f.text("name"), f.text("email"), f.text("phone"),
        f.object("metadata"));
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
    node.set("metadata", Json.MAPPER.valueToTree(c.metadata()));
    node.put("created_at", c.createdAt() == null ? null : c.createdAt().toString());
    node.put("updated_at", c.updatedAt() == null ? null : c.updatedAt().toString());
    return node;
  }
}
