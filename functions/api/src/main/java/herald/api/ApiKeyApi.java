package herald.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.Fields;
import herald.domain.keys.ApiKey;
import herald.domain.keys.IssuedKey;
import herald.domain.keys.ManageApiKeys;
import herald.domain.keys.NewKey;
import herald.platform.Json;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** POST/GET /v1/api-keys, DELETE /v1/api-keys/{id}: a key's secret is shown once, at creation, and never again. */
final class ApiKeyApi implements Routes {
  private final ManageApiKeys keys;

  @Inject
  ApiKeyApi(ManageApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/api-keys", (req, p) -> create(req)),
        Route.of("GET", "/v1/api-keys", (req, p) -> list()),
        Route.of("DELETE", "/v1/api-keys/{id}", (req, p) -> revoke(req, p.get(0))));
  }

  private HttpResponse create(HttpRequest request) {
    Fields f = Fields.of(Bodies.json(request), "", Set.of("name"));
    IssuedKey issued = keys.create(new NewKey(f.text("name")));
    Log.info("api_key_created", "key_id", issued.key().id(), "caller_key_id", request.keyId());
    ObjectNode body = Json.object();
    body.put("id", issued.key().id());
    body.put("name", issued.key().name());
    body.put("key", issued.secret());
    body.put("created_at", issued.key().createdAt().toString());
    return HttpResponse.created(body);
  }

  private HttpResponse list() {
    ObjectNode body = Json.object();
    var data = body.putArray("data");
    for (ApiKey key : keys.list()) {
      ObjectNode item = data.addObject();
      item.put("id", key.id());
      item.put("name", key.name());
      item.put("created_at", text(key.createdAt()));
      item.put("last_used_at", text(key.lastUsedAt()));
      item.put("revoked_at", text(key.revokedAt()));
    }
    return HttpResponse.ok(body);
  }

  private HttpResponse revoke(HttpRequest request, String id) {
    keys.revoke(id);
    Log.info("api_key_revoked", "key_id", id, "caller_key_id", request.keyId());
    return HttpResponse.noContent();
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }
}
