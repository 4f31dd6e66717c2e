package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.DistributionJson;
import herald.domain.delivery.Message;
import herald.domain.delivery.Messages;
import herald.domain.delivery.Page;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.ManageDistributions;
import herald.platform.Json;
import java.util.List;

/** The distributions: create, read, lifecycle, and their messages. */
final class DistributionApi {
  private final ManageDistributions manage;
  private final Messages messages;

  DistributionApi(ManageDistributions manage, Messages messages) {
    this.manage = manage;
    this.messages = messages;
  }

  List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/distributions", (req, p) ->
            HttpResponse.created(DistributionJson.write(manage.create(DistributionJson.parseNew(Bodies.json(req)))))),
        Route.of("GET", "/v1/distributions/{id}", (req, p) ->
            HttpResponse.ok(DistributionJson.write(manage.get(p.get(0))))),
        Route.of("POST", "/v1/distributions/{id}/activate", (req, p) -> move(p.get(0), DistributionStatus.ACTIVE)),
        Route.of("POST", "/v1/distributions/{id}/pause", (req, p) -> move(p.get(0), DistributionStatus.PAUSED)),
        Route.of("POST", "/v1/distributions/{id}/archive", (req, p) -> move(p.get(0), DistributionStatus.ARCHIVED)),
        Route.of("GET", "/v1/distributions/{id}/messages", this::messages));
  }

  private HttpResponse move(String id, DistributionStatus next) {
    return HttpResponse.ok(DistributionJson.write(manage.moveTo(id, next)));
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
}
