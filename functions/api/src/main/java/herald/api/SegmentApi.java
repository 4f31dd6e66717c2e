package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.DistributionJson;
import herald.adapters.json.SegmentJson;
import herald.domain.common.Page;
import herald.domain.segments.CountedSegment;
import herald.domain.segments.ManageSegments;
import herald.domain.segments.Member;
import herald.domain.segments.MembersAdded;
import herald.domain.segments.Segment;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/** The segments: create, list, read (with the member count), edit, delete, and the members of static ones. */
final class SegmentApi implements Routes {
  private final ManageSegments manage;

  @Inject
  SegmentApi(ManageSegments manage) {
    this.manage = manage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/segments", (req, p) -> HttpResponse.created(write(
            manage.create(SegmentJson.parseDraft(Bodies.json(req)))))),
        Route.of("GET", "/v1/segments", (req, p) -> list(req)),
        Route.of("GET", "/v1/segments/{id}", (req, p) -> HttpResponse.ok(write(manage.counted(p.get(0))))),
        Route.of("PUT", "/v1/segments/{id}", this::put),
        Route.of("DELETE", "/v1/segments/{id}", (req, p) -> {
          manage.delete(p.get(0), Versions.optional(req));
          return HttpResponse.noContent();
        }),
        Route.of("POST", "/v1/segments/{id}/members", this::addMembers),
        Route.of("DELETE", "/v1/segments/{id}/members/{customer_id}", (req, p) -> {
          manage.removeMember(p.get(0), p.get(1));
          return HttpResponse.noContent();
        }),
        Route.of("GET", "/v1/segments/{id}/members", this::members));
  }

  private HttpResponse list(HttpRequest request) {
    Page<Segment> page = manage.list(request.query().get("cursor"), Bodies.limit(request, 100, 20));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(s -> data.add(SegmentJson.write(s, null)));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  private HttpResponse put(HttpRequest request, List<String> params) {
    JsonNode body = Bodies.json(request);
    long version = Versions.required(request, DistributionJson.version(body));
    return HttpResponse.ok(write(manage.update(params.get(0), SegmentJson.parseEdit(body), version)));
  }

  private HttpResponse addMembers(HttpRequest request, List<String> params) {
    MembersAdded added = manage.addMembers(params.get(0), SegmentJson.parseCustomerIds(Bodies.json(request)));
    return HttpResponse.ok(Json.object().put("added", added.added()).put("already_members", added.alreadyMembers()));
  }

  private HttpResponse members(HttpRequest request, List<String> params) {
    Page<Member> page = manage.members(params.get(0), request.query().get("cursor"), Bodies.limit(request, 1000, 100));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(m -> data.add(SegmentJson.write(m)));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  private static ObjectNode write(CountedSegment counted) {
    return SegmentJson.write(counted.segment(), counted.memberCount());
  }
}
