package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.EventSchemas;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/** GET /v1/events/catalogue: every event type Herald reacts to, with the JSON schema of its data. */
final class CatalogueApi implements Routes {
  private final ObjectNode catalogue;

  @Inject
  CatalogueApi(EventSchemas schemas) {
    catalogue = Json.object();
    ArrayNode data = catalogue.putArray("data");
    schemas.documents().forEach((type, schema) -> data.addObject().put("type", type).set("schema", schema));
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/events/catalogue", (req, p) -> HttpResponse.ok(catalogue)));
  }
}
