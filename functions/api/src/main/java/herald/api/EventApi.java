package herald.api;

import herald.adapters.json.CustomerJson;
import herald.adapters.json.Fields;
import herald.domain.intake.AcceptEvent;
import herald.domain.intake.IncomingEvent;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** POST /v1/events: validates an event and puts it on the bus; a repeated id is accepted once. */
final class EventApi implements Routes {
  private final AcceptEvent accept;

  @Inject
  EventApi(AcceptEvent accept) {
    this.accept = accept;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v1/events", (req, p) -> post(req)));
  }

  private HttpResponse post(HttpRequest request) {
    Fields f = Fields.of(Bodies.json(request), "", Set.of("event", "customer", "data", "id"));
    IncomingEvent event = new IncomingEvent(f.requiredText("event"), CustomerJson.parse(f.required("customer"), "customer"),
        f.object("data"), f.text("id"));
    AcceptEvent.Accepted accepted = accept.accept(event);
    return new HttpResponse(202, Json.object().put("id", accepted.id()).put("duplicate", !accepted.isNew()));
  }
}
