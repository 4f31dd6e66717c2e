package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.campaigns.GenerateCodes;
import herald.domain.campaigns.ImportCodes;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.intake.ImportCustomers;
import herald.domain.intake.StartImport;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.RejectedRow;
import herald.domain.segments.EvaluateSegmentPart;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET /v1/async-actions/{id}: an async action's status and progress, and the rows it rejected so far, up to
 * 1000 a page ({@code ?cursor=} for the next).
 */
final class AsyncActionApi implements Routes {
  static final String PATH = "/v1/async-actions";
  private static final Map<AsyncActionType, List<String>> COUNTERS = Map.of(
      AsyncActionType.CUSTOMERS_IMPORT, List.of(StartImport.ROWS_READ, ImportCustomers.IMPORTED, ImportCustomers.UNCHANGED,
          ImportCustomers.REJECTED),
      AsyncActionType.SEGMENT_EVALUATION, List.of(EvaluateSegmentPart.EVALUATED, EvaluateSegmentPart.ENTERED,
          EvaluateSegmentPart.LEFT),
      AsyncActionType.CODES_GENERATION, List.of(GenerateCodes.GENERATED, GenerateCodes.COLLISIONS),
      AsyncActionType.CODES_IMPORT, List.of(StartImport.ROWS_READ, ImportCodes.IMPORTED, ImportCodes.REJECTED));
  private final AsyncActions actions;

  @Inject
  AsyncActionApi(AsyncActions actions) {
    this.actions = actions;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", PATH + "/{id}", (req, p) -> get(req, p.get(0))));
  }

  private HttpResponse get(HttpRequest request, String id) {
    AsyncAction action = actions.get(id).orElseThrow(() -> new NotFound("async action", "id", id));
    Page<RejectedRow> rejected = actions.rejected(id, request.query().get("cursor"), Bodies.limit(request, 1000));
    ObjectNode body = Json.object().put("id", action.id()).put("type", action.type().wire())
        .put("status", action.status().name());
    Map<String, Long> progress = new TreeMap<>(action.progress());
    COUNTERS.get(action.type()).forEach(counter -> progress.putIfAbsent(counter, 0L));
    ObjectNode counters = body.putObject("progress");
    progress.forEach(counters::put);
    if (action.parts() != null) counters.put("parts_total", action.parts());
    counters.put("parts_done", action.partsDone());
    body.put("created_at", text(action.createdAt())).put("updated_at", text(action.updatedAt()))
        .put("finished_at", text(action.finishedAt()));
    ArrayNode rows = body.putArray("rejected_rows");
    for (RejectedRow row : rejected.items()) {
      rows.addObject().put("line", row.line()).put("code", row.code()).put("field", row.field())
          .put("message", row.message());
    }
    body.put("next_cursor", rejected.next());
    return HttpResponse.ok(body);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
