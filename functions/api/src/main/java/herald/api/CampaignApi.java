package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.CampaignJson;
import herald.adapters.json.CodeCsv;
import herald.adapters.json.CsvRows;
import herald.adapters.json.DistributionJson;
import herald.adapters.json.Fields;
import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.CountedCampaign;
import herald.domain.campaigns.ManageCampaigns;
import herald.domain.common.Invalid;
import herald.domain.common.Page;
import herald.domain.jobs.AsyncActionStatus;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** The campaigns: create, list, read (with their code counts), replace and delete; and generating their codes. */
final class CampaignApi implements Routes {
  static final String CODES = "/v1/campaigns/{id}/codes";
  private final ManageCampaigns manage;

  @Inject
  CampaignApi(ManageCampaigns manage) {
    this.manage = manage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/campaigns", (req, p) -> create(req)),
        Route.of("POST", CODES, this::codes),
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

  /**
   * A CSV file of codes ({@code text/csv}, imported) or {@code {"count"}} (generated): 202 and the async action
   * doing it. The campaign is looked up first: an unknown one is 404, and nothing is read.
   */
  private HttpResponse codes(HttpRequest request, List<String> params) {
    String id;
    if (ImportApi.mediaType(request.header("content-type")).equals("text/csv")) {
      manage.get(params.get(0));
      String body = request.body() == null ? "" : request.body();
      try {
        id = manage.importCodes(params.get(0), new CsvRows(() -> new StringReader(body), CodeCsv.COLUMNS));
      } catch (Invalid e) {
        if (!e.code().equals("too_many_rows")) throw e;
        return HttpResponse.error(413, e.code(), e.getMessage(), e.field());
      }
    } else {
      if (request.body() != null && request.body().getBytes(StandardCharsets.UTF_8).length > Router.MAX_BODY_BYTES) {
        return HttpResponse.error(413, "body_too_large", "the body is larger than 256 KiB", "body");
      }
      JsonNode body = Bodies.json(request);
      Fields.of(body, "", Set.of("count"));
      id = manage.generate(params.get(0), CampaignJson.count(body, "count", true));
    }
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
