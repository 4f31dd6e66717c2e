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
import herald.domain.delivery.SendProgress;
import herald.domain.delivery.StatusCounters;
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

/** What a distribution sends: its messages, and a preview of every channel for one customer. */
final class MessageApi implements Routes {
  private final ManageDistributions manage;
  private final Messages messages;
  private final Customers customers;
  private final BrandSettings brand;
  private final RenderPreview preview;
  private final StatusCounters stats;
  private final Clock clock;
  private final SendProgress progress;

  @Inject
  MessageApi(ManageDistributions manage, Messages messages, Customers customers, BrandSettings brand,
      RenderPreview preview, StatusCounters stats, Clock clock, SendProgress progress) {
    this.progress = progress;
    this.manage = manage;
    this.messages = messages;
    this.customers = customers;
    this.brand = brand;
    this.preview = preview;
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/distributions/{id}/messages", this::messages),
        Route.of("POST", "/v1/distributions/{id}/preview", this::preview),
        Route.of("GET", "/v1/distributions/{id}/summary", this::summary));
  }

  /**
   * How many messages are in each status, per channel and in all; for a manual send once started, its progress:
   * send jobs queued in all ({@code total}, final once {@code audience_read}), and how many of them are still queued,
   * being sent, sent (SENT or later), failed and skipped.
   */
  private HttpResponse summary(HttpRequest request, List<String> params) {
    String id = manage.get(params.get(0)).id();
    ObjectNode body = Json.object();
    body.put("distribution_id", id);
    ObjectNode totals = body.putObject("totals");
    ObjectNode byChannel = body.putObject("channels");
    stats.of(id).forEach((channel, counts) -> {
      ObjectNode node = byChannel.putObject(channel);
      counts.forEach((status, count) -> {
        node.put(status.name(), count);
        totals.put(status.name(), totals.path(status.name()).asLong(0) + count);
      });
    });
    progress.of(id).ifPresent(p -> body.set("progress", progress(p, totals)));
    return HttpResponse.ok(body);
  }

  private static ObjectNode progress(SendProgress.Progress p, ObjectNode totals) {
    long counted = 0;
    for (MessageStatus status : MessageStatus.values()) counted += totals.path(status.name()).asLong(0);
    long sent = 0;
    for (MessageStatus status : List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.BOUNCED,
        MessageStatus.COMPLAINED)) {
      sent += totals.path(status.name()).asLong(0);
    }
    ObjectNode node = Json.object();
    node.put("audience_read", p.fannedOut());
    node.put("total", p.queued());
    node.put("queued", Math.max(0, p.queued() - counted) + totals.path(MessageStatus.QUEUED.name()).asLong(0));
    node.put("sending", totals.path(MessageStatus.SENDING.name()).asLong(0));
    node.put("sent", sent);
    node.put("failed", totals.path(MessageStatus.FAILED.name()).asLong(0));
    node.put("skipped", totals.path(MessageStatus.SKIPPED.name()).asLong(0));
    return node;
  }

  private HttpResponse messages(HttpRequest request, List<String> params) {
    String id = manage.get(params.get(0)).id();
    Page<Message> page = messages.forDistribution(id, request.query().get("cursor"), Bodies.limit(request, 100));
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray("data");
    for (Message m : page.items()) {
      ObjectNode item = items.addObject();
      item.put("id", m.id());
      item.put("distribution_id", m.distributionId());
      item.put("event_id", m.eventId());
      item.put("customer_id", m.customerId());
      item.put("channel", m.channel());
      item.put("status", m.status().name());
      item.put("reason", m.reason());
      item.put("created_at", m.createdAt() == null ? null : m.createdAt().toString());
      item.put("updated_at", m.updatedAt() == null ? null : m.updatedAt().toString());
    }
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
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
