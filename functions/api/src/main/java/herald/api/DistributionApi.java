package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.DistributionJson;
import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.common.Invalid;
import herald.domain.common.Page;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.DistributionWarnings;
import herald.domain.distributions.ManageDistributions;
import herald.domain.events.EventCatalogue;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/** The distributions: create, list, read, edit, delete, and their lifecycle and activity. */
final class DistributionApi implements Routes {
  private final ManageDistributions manage;
  private final Activity activity;
  private final DistributionJson json;
  private final DistributionWarnings warnings;

  @Inject
  DistributionApi(ManageDistributions manage, Activity activity, DistributionJson json, DistributionWarnings warnings) {
    this.manage = manage;
    this.activity = activity;
    this.json = json;
    this.warnings = warnings;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/distributions/catalogue", (req, p) -> HttpResponse.ok(json.writeCatalogue())),
        Route.of("POST", "/v1/distributions", (req, p) -> HttpResponse.created(json.write(
            manage.create(json.parseDraft(Bodies.json(req)), req.actor())))),
        Route.of("GET", "/v1/distributions", (req, p) -> list(req)),
        Route.of("GET", "/v1/distributions/{id}", (req, p) -> HttpResponse.ok(json.write(manage.get(p.get(0))))),
        Route.of("PUT", "/v1/distributions/{id}", this::put),
        Route.of("DELETE", "/v1/distributions/{id}", this::delete),
        Route.of("POST", "/v1/distributions/{id}/activate", this::activate),
        Route.of("POST", "/v1/distributions/{id}/pause", (req, p) -> move(req, p, DistributionStatus.PAUSED)),
        Route.of("POST", "/v1/distributions/{id}/archive", (req, p) -> move(req, p, DistributionStatus.ARCHIVED)),
        Route.of("POST", "/v1/distributions/{id}/stop", (req, p) -> move(req, p, DistributionStatus.STOPPED)),
        Route.of("GET", "/v1/distributions/{id}/activity", this::activity));
  }

  private HttpResponse list(HttpRequest request) {
    String status = request.query().get("status");
    String trigger = request.query().get("trigger");
    if (trigger != null && !EventCatalogue.isTriggerType(trigger)) {
      throw new Invalid("unknown_trigger_type", "trigger", "unknown trigger type " + trigger);
    }
    Page<Distribution> page = manage.list(status == null ? null : status(status), trigger,
        request.query().get("cursor"), Bodies.limit(request, 100, 20));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    page.items().forEach(d -> data.add(json.write(d)));
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  private HttpResponse put(HttpRequest request, List<String> params) {
    JsonNode body = Bodies.json(request);
    long version = Versions.required(request, DistributionJson.version(body));
    Distribution edited = manage.edit(params.get(0), json.parseDraft(body), version, request.actor());
    return HttpResponse.ok(json.write(edited));
  }

  private HttpResponse delete(HttpRequest request, List<String> params) {
    Long version = Versions.optional(request);
    String id = params.get(0);
    manage.delete(id, version != null ? version : manage.get(id).version(), request.actor());
    return HttpResponse.noContent();
  }

  private HttpResponse move(HttpRequest request, List<String> params, DistributionStatus next) {
    return HttpResponse.ok(json.write(manage.moveTo(params.get(0), next, request.actor())));
  }

  /** Activates, and answers the distribution with its {@code warnings} (an empty array when none). */
  private HttpResponse activate(HttpRequest request, List<String> params) {
    Distribution active = manage.moveTo(params.get(0), DistributionStatus.ACTIVE, request.actor());
    ObjectNode body = json.write(active);
    ArrayNode list = body.putArray("warnings");
    warnings.of(active).forEach(w -> list.addObject().put("code", w.code()).put("channel", w.channel())
        .put("message", w.message()));
    return HttpResponse.ok(body);
  }

  private HttpResponse activity(HttpRequest request, List<String> params) {
    String id = manage.get(params.get(0)).id();
    Page<ActivityEntry> page = activity.of(ManageDistributions.subject(id), request.query().get("cursor"),
        Bodies.limit(request, 100, 50));
    ObjectNode body = Json.object();
    ArrayNode data = body.putArray("data");
    for (ActivityEntry e : page.items()) {
      ObjectNode entry = data.addObject().put("at", e.at().toString()).put("actor", e.actor())
          .put("action", e.action()).put("version", e.version());
      if (!e.details().isEmpty()) entry.set("details", Json.MAPPER.valueToTree(e.details()));
    }
    body.put("next_cursor", page.next());
    return HttpResponse.ok(body);
  }

  private static DistributionStatus status(String value) {
    try {
      return DistributionStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Invalid("invalid_value", "status", "status has no value " + value);
    }
  }
}
