package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.CampaignJson;
import herald.adapters.json.DistributionJson;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CountedCampaign;
import herald.domain.campaigns.ManageCampaigns;
import herald.domain.common.Page;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/** The campaigns: create, list, read (with their code counts), replace and delete. */
final class CampaignApi implements Routes {
  private final ManageCampaigns manage;

  @Inject
  CampaignApi(ManageCampaigns manage) {
    this.manage = manage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/campaigns", (req, p) -> HttpResponse.created(write(
            manage.create(CampaignJson.parse(Bodies.json(req)))))),
        Route.of("GET", "/v1/campaigns", (req, p) -> list(req)),
        Route.of("GET", "/v1/campaigns/{id}", (req, p) -> HttpResponse.ok(write(manage.counted(p.get(0))))),
        Route.of("PUT", "/v1/campaigns/{id}", this::put),
        Route.of("DELETE", "/v1/campaigns/{id}", (req, p) -> {
          manage.delete(p.get(0), Versions.optional(req));
          return HttpResponse.noContent();
        }));
  }

  private HttpResponse list(HttpRequest request) {
    Page<Campaign> page = manage.list(request.query().get("cursor"), Bodies.limit(request, 100, 20));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(c -> data.add(write(manage.counted(c.id()))));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  private HttpResponse put(HttpRequest request, List<String> params) {
    JsonNode body = Bodies.json(request);
    long version = Versions.required(request, DistributionJson.version(body));
    return HttpResponse.ok(write(manage.update(params.get(0), CampaignJson.parse(body), version)));
  }

  private static ObjectNode write(CountedCampaign counted) {
    return CampaignJson.write(counted.campaign(), counted.codes());
  }
}
