package herald.api;

import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/** GET /v1/health (no key needed): {"status":"ok"}. */
final class HealthApi implements Routes {
  @Inject
  HealthApi() {}

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/health", (req, p) -> HttpResponse.ok(Json.object().put("status", "ok"))));
  }
}
