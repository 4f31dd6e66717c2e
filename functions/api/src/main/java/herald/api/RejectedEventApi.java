package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.RejectedEventJson;
import herald.domain.common.Page;
import herald.domain.events.RejectedEvent;
import herald.domain.events.RejectedEvents;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/**
 * GET /v1/events/rejected: the events put on the bus that the trigger function rejected in the last 14 days,
 * newest first, each with its reason and the event's id, type, source and time (never its customer's data).
 */
final class RejectedEventApi implements Routes {
  private final RejectedEvents rejected;

  @Inject
  RejectedEventApi(RejectedEvents rejected) {
    this.rejected = rejected;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/events/rejected", (req, p) -> list(req)));
  }

  private HttpResponse list(HttpRequest request) {
    Page<RejectedEvent> page = rejected.newestFirst(request.query().get("cursor"), Bodies.limit(request, 100, 20));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(r -> data.add(RejectedEventJson.write(r)));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }
}
