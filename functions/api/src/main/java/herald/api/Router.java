package herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import herald.domain.campaigns.QrLinks;
import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the route for a request, checks its key, and turns every failure into the one error shape; the dashboard's
 * static files ({@code /} and {@code /dashboard/...}) are served without a key.
 */
final class Router {
  static final int MAX_BODY_BYTES = 256 * 1024;
  static final Set<String> PUBLIC = Set.of("/v1/health", "/v1/openapi.json", "/v1/unsubscribe", QrLinks.PATH);
  /** Routes whose body may be larger than MAX_BODY_BYTES (up to what Lambda takes: 6 MB). */
  static final Set<String> LARGE_BODIES = Set.of(ImportApi.PATH, CampaignApi.CODES);
  /** Literal paths before ones with parameters ({@code /v1/customers/import} before {@code /v1/customers/{id}}). */
  private static final Comparator<Route> PRECEDENCE = Comparator
      .comparingLong((Route r) -> r.template().chars().filter(c -> c == '{').count())
      .thenComparing(Route::template).thenComparing(Route::method);
  private final List<Route> routes;
  private final ApiKeyCheck keys;
  private final DashboardFiles dashboard;

  @Inject
  Router(Set<Routes> groups, ApiKeyCheck keys, DashboardFiles dashboard) {
    this.routes = groups.stream().flatMap(g -> g.routes().stream()).sorted(PRECEDENCE).toList();
    this.keys = keys;
    this.dashboard = dashboard;
  }

  Router(Set<Routes> groups, ApiKeyCheck keys) {
    this(groups, keys, new DashboardFiles());
  }

  /** Every route of the API, in matching order (the OpenAPI test reads them); the dashboard's files are not in it. */
  List<Route> routes() {
    return List.copyOf(routes);
  }

  HttpResponse handle(HttpRequest request) {
    try {
      return route(request);
    } catch (Invalid e) {
      return refused(e);
    } catch (NotFound e) {
      return HttpResponse.error(404, "not_found", e.getMessage(), e.field());
    } catch (Conflict e) {
      return HttpResponse.error(409, e.code(), e.getMessage(), null);
    } catch (MalformedJson e) {
      return HttpResponse.error(400, "malformed_json", "the body is not valid JSON: " + e.getMessage(), "body");
    } catch (RuntimeException e) {
      Log.error("api_failed", e, "method", request.method(), "route", template(request), "caller_key_id",
          request.keyId());
      return HttpResponse.error(500, "internal_error", "something went wrong; it was logged", null);
    }
  }

  /** The answer to input the domain or the request's reading refused: 415, 422 or 400, with the code and field. */
  static HttpResponse refused(Invalid e) {
    int status = e.code().equals(Bodies.UNSUPPORTED_MEDIA_TYPE) ? 415
        : e.code().startsWith("unsupported_") || e.code().startsWith("incompatible_") ? 422 : 400;
    return HttpResponse.error(status, e.code(), e.getMessage(), e.field());
  }

  /** The template of the route the path matches (never the path itself, which can carry an address), or null. */
  private String template(HttpRequest request) {
    return routes.stream().filter(r -> r.match(request.path()) != null).map(Route::template).findFirst().orElse(null);
  }

  private HttpResponse route(HttpRequest request) {
    if (DashboardFiles.covers(request.path())) return dashboard.serve(request);
    boolean pathKnown = false;
    for (Route route : routes) {
      List<String> params = route.match(request.path());
      if (params == null) continue;
      pathKnown = true;
      if (!route.method().equals(request.method())) continue;
      if (!PUBLIC.contains(route.template())) {
        ApiKeyCheck.Outcome caller = keys.check(request.header("authorization"));
        if (caller.denied() != null) return caller.denied();
        request = request.withActor(caller.actor(), caller.keyId());
      }
      List<String> names = route.parameterNames();
      for (int i = 0; i < params.size(); i++) {
        if (!Ids.plausible(params.get(i))) {
          return HttpResponse.error(404, "not_found", "no " + names.get(i) + " is that long or holds such characters",
              names.get(i));
        }
      }
      if (request.body() != null && !LARGE_BODIES.contains(route.template())
          && request.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
        return HttpResponse.error(413, "body_too_large", "the body is larger than 256 KiB", "body");
      }
      return route.action().serve(request, params);
    }
    return pathKnown
        ? HttpResponse.error(405, "method_not_allowed", request.method() + " is not allowed on " + request.path(), null)
        : HttpResponse.error(404, "route_not_found", "no route " + request.method() + " " + request.path(), null);
  }

  /** A body that does not parse as JSON. */
  static final class MalformedJson extends RuntimeException {
    MalformedJson(JsonProcessingException cause) {
      super(cause.getOriginalMessage(), null, false, false);
    }
  }
}
