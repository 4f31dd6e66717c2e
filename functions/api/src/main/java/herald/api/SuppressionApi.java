package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.suppressions.Suppression;
import herald.domain.suppressions.Suppressions;
import herald.platform.Json;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GET /v1/suppressions (the addresses Herald no longer emails: hard bounces and complaints), DELETE
 * /v1/suppressions/{address} (takes one off, e.g. after the customer fixed their mailbox).
 */
final class SuppressionApi implements Routes {
  private final Suppressions suppressions;

  @Inject
  SuppressionApi(Suppressions suppressions) {
    this.suppressions = suppressions;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/suppressions", (req, p) -> list(req)),
        Route.of("DELETE", "/v1/suppressions/{address}", (req, p) -> remove(req, p.get(0))));
  }

  private HttpResponse list(HttpRequest request) {
    Page<Suppression> page = suppressions.list(request.query().get("cursor"), Bodies.limit(request, 100));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    for (Suppression s : page.items()) {
      data.addObject().put("address", s.address()).put("reason", s.reason())
          .put("created_at", s.createdAt() == null ? null : s.createdAt().toString());
    }
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  private HttpResponse remove(HttpRequest request, String rawAddress) {
    String address;
    try {
      address = URLDecoder.decode(rawAddress.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new NotFound("suppression", "address", rawAddress);
    }
    if (!suppressions.remove(address)) throw new NotFound("suppression", "address", address);
    Log.info("suppression_removed", "caller_key_id", request.keyId());
    return HttpResponse.noContent();
  }
}
