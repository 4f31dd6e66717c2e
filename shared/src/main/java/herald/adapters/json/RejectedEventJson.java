package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.events.RejectedEvent;
import herald.platform.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A rejected bus event: read from what EventBridge delivered (its envelope and the ids in its detail, never the
 * customer's other fields or the data), and written as the API shows it.
 */
public final class RejectedEventJson {
  private static final Pattern CUSTOMER_ID = Pattern.compile("cust_[0-9a-f]{32}");

  private RejectedEventJson() {}

  /**
   * The rejection of {@code event} (as EventBridge delivers it) for {@code why}. Its id derives from EventBridge's
   * own event id, so a delivery repeated is the same rejection. The customer is kept only as Herald's anonymous
   * id: derived from a source_id (which may be an email address), or as given when it has the derived form.
   */
  public static RejectedEvent of(JsonNode event, Invalid why, Instant now) {
    JsonNode detail = event.path("detail");
    String busId = text(event, "id");
    return new RejectedEvent(busId == null ? Ids.random("rej_") : Ids.derived("rej_", busId),
        text(detail, "id"), text(event, "detail-type"), text(event, "source"), instant(text(event, "time")),
        customerId(detail.path("customer")), why.code(), field(why.field()), why.getMessage(), now);
  }

  public static ObjectNode write(RejectedEvent rejected) {
    ObjectNode node = Json.object();
    node.put("id", rejected.id());
    ObjectNode reason = node.putObject("reason");
    reason.put("code", rejected.code());
    reason.put("field", rejected.field());
    reason.put("message", rejected.message());
    ObjectNode event = node.putObject("event");
    event.put("id", rejected.eventId());
    event.put("type", rejected.type());
    event.put("source", rejected.source());
    event.put("time", rejected.time() == null ? null : rejected.time().toString());
    event.put("customer_id", rejected.customerId());
    node.put("rejected_at", rejected.rejectedAt().toString());
    return node;
  }

  /** The field as it is in what EventBridge delivered: {@code detail-type}, or a path in {@code detail}. */
  static String field(String field) {
    if (field == null || field.isBlank()) return null;
    if (field.equals("type")) return "detail-type";
    return field.equals("detail") || field.startsWith("detail.") || field.equals("detail-type") ? field
        : "detail." + field;
  }

  private static String customerId(JsonNode customer) {
    String sourceId = text(customer, "source_id");
    if (sourceId != null && !sourceId.isBlank()) return Customer.idFor(sourceId);
    String id = text(customer, "id");
    return id != null && CUSTOMER_ID.matcher(id).matches() ? id : null;
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
