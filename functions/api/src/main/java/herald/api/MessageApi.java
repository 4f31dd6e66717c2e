package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.Fields;
import herald.domain.brand.BrandSettings;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Messages;
import herald.domain.delivery.MessageFilter;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.ManageDistributions;
import herald.domain.distributions.RenderPreview;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a distribution sends: its messages (by status, channel and customer, each with its reason, attempts and
 * times), and a preview of every channel for one customer.
 */
final class MessageApi implements Routes {
  private final ManageDistributions manage;
  private final Messages messages;
  private final Customers customers;
  private final BrandSettings brand;
  private final RenderPreview preview;
  private final Clock clock;

  @Inject
  MessageApi(ManageDistributions manage, Messages messages, Customers customers, BrandSettings brand,
      RenderPreview preview, Clock clock) {
    this.manage = manage;
    this.messages = messages;
    this.customers = customers;
    this.brand = brand;
    this.preview = preview;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/distributions/{id}/messages", this::messages),
        Route.of("POST", "/v1/distributions/{id}/preview", this::preview));
  }

  private HttpResponse messages(HttpRequest request, List<String> params) {
    String id = manage.get(params.get(0)).id();
    Page<Message> page = messages.forDistribution(id, filter(request), request.query().get("cursor"),
        Bodies.limit(request, 100));
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("data");
    for (Message m : page.items()) items.add(json(m));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  /** The filter of a message list: {@code status} (one of the statuses), {@code channel}, {@code customer_id}. */
  private static MessageFilter filter(HttpRequest request) {
    String status = request.query().get("status");
    MessageStatus parsed = null;
    if (status != null && !status.isBlank()) {
      try {
        parsed = MessageStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new herald.domain.common.Invalid("invalid_value", "status", "status is one of "
            + java.util.Arrays.toString(MessageStatus.values()));
      }
    }
    return new MessageFilter(parsed, request.query().get("channel"), request.query().get("customer_id"));
  }

  static ObjectNode json(Message m) {
    ObjectNode item = Json.object();
    item.put("id", m.id());
    item.put("distribution_id", m.distributionId());
    item.put("event_id", m.eventId());
    item.put("customer_id", m.customerId());
    item.put("channel", m.channel());
    item.put("status", m.status().name());
    item.put("reason", m.reason());
    item.put("attempts", m.attempts());
    item.put("created_at", text(m.createdAt()));
    item.put("updated_at", text(m.updatedAt()));
    item.put("opened_at", text(m.openedAt()));
    item.put("clicked_at", text(m.clickedAt()));
    return item;
  }

  private static String text(java.time.Instant at) {
    return at == null ? null : at.toString();
  }

  /** Renders every channel for one customer, with sample values for what the action would produce; sends nothing. */
  private HttpResponse preview(HttpRequest request, List<String> params) {
    Distribution distribution = manage.get(params.get(0));
    Fields f = Fields.of(Bodies.json(request), "", Set.of("customer_id", "event"));
    String customerId = f.requiredText("customer_id");
    Customer customer = customers.get(customerId).orElseThrow(() -> new NotFound("customer", "customer_id", customerId));
    TriggerEvent event = event(distribution, customer, f.node("event"));
    Map<String, Object> rendered = preview.render(distribution, customer, brand.brand().orElse(null), event);
    ObjectNode body = Json.object();
    body.put("distribution_id", distribution.id());
    body.put("customer_id", customer.id());
    body.set("channels", Json.MAPPER.valueToTree(rendered));
    return HttpResponse.ok(body);
  }

  private TriggerEvent event(Distribution distribution, Customer customer, JsonNode given) {
    String type = distribution.trigger().type();
    if (EventCatalogue.MANUAL.equals(type)) return null;
    Map<String, Object> data = Map.of();
    if (given != null) {
      Fields e = Fields.of(given, "event", Set.of("type", "data"));
      String givenType = e.text("type");
      if (givenType != null && !givenType.equals(type)) {
        throw new herald.domain.common.Invalid("invalid_value", "event.type", "this distribution's trigger is " + type);
      }
      Map<String, Object> givenData = e.object("data");
      if (givenData != null) data = givenData;
    }
    if (EventCatalogue.CUSTOM_EVENT.equals(type) && !data.containsKey("event")) {
      data = new java.util.HashMap<>(data);
      data.put("event", distribution.trigger().filter("event"));
    }
    return new TriggerEvent("evt_preview", type, clock.instant(),
        new TriggerEvent.CustomerRef(customer.id(), customer.sourceId()), data);
  }
}
