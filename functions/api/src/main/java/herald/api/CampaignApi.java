package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.CampaignJson;
import herald.adapters.json.DistributionJson;
import herald.adapters.json.Fields;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CountedCampaign;
import herald.domain.campaigns.ManageCampaigns;
import herald.domain.common.Page;
import herald.domain.jobs.AsyncActionStatus;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** The campaigns: create, list, read (with their code counts), replace and delete; and generating their codes. */
final class CampaignApi implements Routes {
  private final ManageCampaigns manage;

  @Inject
  CampaignApi(ManageCampaigns manage) {
    this.manage = manage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/campaigns", (req, p) -> create(req)),
        Route.of("POST", "/v1/campaigns/{id}/codes", this::generate),
        Route.of("GET", "/v1/campaigns", (req, p) -> list(req)),
        Route.of("GET", "/v1/campaigns/{id}", (req, p) -> HttpResponse.ok(write(manage.counted(p.get(0))))),
        Route.of("PUT", "/v1/campaigns/{id}", this::put),
        Route.of("DELETE", "/v1/campaigns/{id}", (req, p) -> {
          manage.delete(p.get(0), Versions.optional(req));
          return HttpResponse.noContent();
        }));
  }

  private HttpResponse create(HttpRequest request) {
    JsonNode body = Bodies.json(request);
    return HttpResponse.created(write(manage.create(CampaignJson.parse(body, "codes_count"),
        CampaignJson.count(body, "codes_count", false))));
  }

  /** {@code {"count"}}: 202 and the async action generating them. */
  private HttpResponse generate(HttpRequest request, List<String> params) {
    JsonNode body = Bodies.json(request);
    Fields.of(body, "", Set.of("count"));
    String id = manage.generate(params.get(0), CampaignJson.count(body, "count", true));
    return new HttpResponse(202, Json.object().put("async_action_id", id)
        .put("status", AsyncActionStatus.IN_PROGRESS.name())).withHeader("location", AsyncActionApi.PATH + "/" + id);
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
