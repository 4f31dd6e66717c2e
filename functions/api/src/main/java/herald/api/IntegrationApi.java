package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.IntegrationJson;
import herald.domain.common.Page;
import herald.domain.integrations.CheckIntegration;
import herald.domain.integrations.Integration;
import herald.domain.integrations.IntegrationCheck;
import herald.domain.integrations.ManageIntegrations;
import herald.domain.integrations.ToolCredentials;
import herald.platform.Json;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integrations with marketing tools: create, list, read, edit, delete (not while a distribution's channel names
 * one), and test. Credentials go in and never come out: answers say {@code <field>_set}.
 */
final class IntegrationApi implements Routes {
  private final ManageIntegrations manage;
  private final CheckIntegration check;
  private final Map<String, ToolCredentials> tools;

  @Inject
  IntegrationApi(ManageIntegrations manage, CheckIntegration check, Map<String, ToolCredentials> tools) {
    this.manage = manage;
    this.check = check;
    this.tools = tools;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/integrations", (req, p) -> {
          Integration created = manage.create(IntegrationJson.parse(Bodies.json(req)));
          Log.info("integration_created", "integration_id", created.id(), "tool", created.tool(),
              "caller_key_id", req.keyId());
          return HttpResponse.created(write(created));
        }),
        Route.of("GET", "/v1/integrations", (req, p) -> list(req)),
        Route.of("GET", "/v1/integrations/{id}", (req, p) -> HttpResponse.ok(write(manage.get(p.get(0))))),
        Route.of("PUT", "/v1/integrations/{id}", (req, p) -> {
          JsonNode body = Bodies.json(req);
          Long version = Optional.ofNullable(Versions.optional(req)).orElse(IntegrationJson.version(body));
          Integration edited = manage.update(p.get(0), IntegrationJson.parse(body), version);
          Log.info("integration_updated", "integration_id", edited.id(), "caller_key_id", req.keyId());
          return HttpResponse.ok(write(edited));
        }),
        Route.of("DELETE", "/v1/integrations/{id}", (req, p) -> {
          manage.delete(p.get(0));
          Log.info("integration_deleted", "integration_id", p.get(0), "caller_key_id", req.keyId());
          return HttpResponse.noContent();
        }),
        Route.of("POST", "/v1/integrations/{id}/test", (req, p) -> test(p.get(0))));
  }

  private HttpResponse list(HttpRequest request) {
    Page<Integration> page = manage.list(request.query().get("cursor"), Bodies.limit(request, 100, 20));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(i -> data.add(write(i)));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  /** 200 with what the tool answered (status 0: it could not be reached). */
  private HttpResponse test(String id) {
    IntegrationCheck.CheckResult result = check.check(id);
    ObjectNode body = Json.object();
    body.put("ok", result.ok());
    body.put("status", result.status());
    body.put("message", result.message());
    return HttpResponse.ok(body);
  }

  private ObjectNode write(Integration integration) {
    return IntegrationJson.write(integration, tools);
  }
}
