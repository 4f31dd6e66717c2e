package herald.api;

import herald.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Every route the api function serves. */
final class ApiRoutes {
  static final Set<String> PUBLIC = Set.of("/v1/health", "/v1/openapi.json", "/v1/unsubscribe");
  /** Routes whose body may be larger than Router.MAX_BODY_BYTES (up to what Lambda takes: 6 MB). */
  static final Set<String> LARGE_BODIES = Set.of(ImportApi.PATH);

  private ApiRoutes() {}

  static List<Route> all(BrandApi brand, CustomerApi customers, DistributionApi distributions, MessageApi messages,
      EventApi events, ApiKeyApi apiKeys, CatalogueApi catalogue, OpenApiDoc openApi, SuppressionApi suppressions,
      UnsubscribeApi unsubscribe, ImportApi imports, AsyncActionApi asyncActions, SegmentApi segments) {
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
    routes.addAll(imports.routes());
    routes.addAll(asyncActions.routes());
    routes.addAll(segments.routes());
    return routes;
  }
}
