package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import herald.domain.common.Invalid;
import herald.platform.Json;

/** The announcement of a changed customer on the customer changes queue: {@code {"customer_id": "cust_..."}}. */
public final class CustomerChangeJson {
  private CustomerChangeJson() {}

  public static String write(String customerId) {
    return Json.object().put("customer_id", customerId).toString();
  }

  /** Whether a message body is an announcement (and not another kind of message). */
  public static boolean is(JsonNode body) {
    return body.isObject() && body.has("customer_id") && !body.has("kind");
  }

  /** The customer id; {@link Invalid} for a body that is not an announcement (no retry can mend it). */
  public static String parse(JsonNode body) {
    JsonNode id = body.path("customer_id");
    if (!id.isTextual() || id.asText().isBlank() || body.size() != 1) {
      throw new Invalid("invalid_customer_change", "body", "not a customer change (one customer_id, text)");
    }
    return id.asText();
  }
}
