package herald.adapters.json;

import herald.domain.common.Invalid;
import herald.domain.customers.CustomerProfile;
import herald.platform.Json;

/** Reads an imported row's customer, as {@link CustomerJson} reads the body of POST /v1/customers. */
public final class ImportRowsJson {
  private ImportRowsJson() {}

  /** The profile a row gives; {@link Invalid} with the field at fault when it is wrong. */
  public static CustomerProfile profile(String customer) {
    com.fasterxml.jackson.databind.JsonNode node;
    try {
      node = Json.parse(customer);
    } catch (IllegalArgumentException e) {
      throw new Invalid("malformed_json", null, "the row is not valid JSON");
    }
    return CustomerJson.parse(node, "");
  }
}
