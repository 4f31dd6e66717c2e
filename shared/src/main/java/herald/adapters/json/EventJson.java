package herald.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerProfile;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.platform.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The event envelope in EventBridge's detail: {id, created_at, customer: {id, source_id}, data}. The customer may
 * be given by {@code source_id} alone: Herald's id is derived from it, as the API derives it.
 */
public final class EventJson {
  private EventJson() {}

  public static ObjectNode detail(TriggerEvent event) {
    ObjectNode node = Json.object();
    node.put("id", event.id());
    node.put("created_at", event.createdAt().toString());
    if (event.customer() != null) {
      ObjectNode customer = node.putObject("customer");
      customer.put("id", event.customer().id());
      if (event.customer().sourceId() != null) customer.put("source_id", event.customer().sourceId());
    }
    node.set("data", Json.MAPPER.valueToTree(event.data()));
    return node;
  }

  /** An event as EventBridge delivers it to a function: detail-type and detail. */
  public static TriggerEvent fromEventBridge(JsonNode event) {
    JsonNode type = event.get("detail-type");
    if (type == null || !type.isTextual()) throw Invalid.required("detail-type");
    if (!EventCatalogue.isBusType(type.asText())) {   // manual is a trigger, never a bus event
      throw new Invalid("unknown_event_type", "type", "unknown event type " + type.asText());
    }
    return fromDetail(type.asText(), event.get("detail"));
  }

  public static TriggerEvent fromDetail(String type, JsonNode detail) {
    if (detail == null || !detail.isObject()) throw Invalid.required("detail");
    JsonNode customer = detail.get("customer");
    boolean addressed = customer != null && customer.isObject();
    if (!addressed && !EventCatalogue.MANUAL.equals(type)) throw Invalid.required("detail.customer");
    JsonNode data = detail.get("data");
    Map<String, Object> dataMap = data != null && data.isObject() ? Json.toMap(data) : Map.of();
    return new TriggerEvent(text(detail, "id"), type, instant(detail), addressed ? customer(customer) : null, dataMap);
  }

  /** The customer's id as given, or else derived from their source_id (as {@code POST /v1/customers} does). */
  private static TriggerEvent.CustomerRef customer(JsonNode customer) {
    String id = text(customer, "id");
    String sourceId = text(customer, "source_id");
    if (id == null || id.isBlank()) {
      if (sourceId == null || sourceId.isBlank()) {
        throw new Invalid("missing_field", "detail.customer.source_id",
            "detail.customer needs source_id (Herald derives the customer's id from it) or id");
      }
      id = Customer.idFor(CustomerProfile.of(sourceId).sourceId());
    }
    return new TriggerEvent.CustomerRef(id, sourceId);
  }

  private static Instant instant(JsonNode detail) {
    String created = text(detail, "created_at");
    if (created == null) throw Invalid.required("detail.created_at");
    try {
      return Instant.parse(created);
    } catch (DateTimeParseException e) {
      throw new Invalid("invalid_value", "detail.created_at", "created_at must be an ISO-8601 instant");
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
