package herald.api;

import herald.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every route the api function serves. */
final class ApiRoutes {
  static final Set<String> PUBLIC = Set.of("/v1/health", "/v1/openapi.json", "/v1/unsubscribe");

  private ApiRoutes() {}

  static List<Route> all(BrandApi brand, CustomerApi customers, DistributionApi distributions, MessageApi messages,
      EventApi events, ApiKeyApi apiKeys, CatalogueApi catalogue, OpenApiDoc openApi, SuppressionApi suppressions,
      UnsubscribeApi unsubscribe) {
    List<Route> routes = new ArrayList<>();
    routes.add(Route.of("GET", "/v1/health", (req, p) -> HttpResponse.ok(Json.object().put("status", "ok"))));
    routes.addAll(brand.routes());
    routes.addAll(customers.routes());
    routes.addAll(distributions.routes());
    routes.addAll(messages.routes());
    routes.addAll(events.routes());
    routes.addAll(apiKeys.routes());
    routes.addAll(catalogue.routes());
    routes.addAll(openApi.routes());
    routes.addAll(suppressions.routes());
    routes.addAll(unsubscribe.routes());
    return routes;
  }
}
