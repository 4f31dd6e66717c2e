package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.DistributionJson;
import herald.adapters.json.Fields;
import herald.domain.common.Invalid;
import herald.domain.manual.SendManually;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/distributions/{id}/send}: without a body (or a token) a dry run, 200; with
 * {@code {"confirmation_token", "send_at"?}} the send is scheduled, 202 with the distribution, SCHEDULED, and its
 * {@code send_at}.
 */
final class ManualSendApi implements Routes {
  private final SendManually send;
  private final DistributionJson json;

  @Inject
  ManualSendApi(SendManually send, DistributionJson json) {
    this.send = send;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v1/distributions/{id}/send", this::send));
  }

  private HttpResponse send(HttpRequest request, List<String> params) {
    String body = request.body();
    Fields f = body == null || body.isBlank() ? null
        : Fields.of(Bodies.json(request), "", Set.of("confirmation_token", "send_at"));
    String token = f == null ? null : f.text("confirmation_token");
    Instant sendAt = f == null ? null : instant(f.text("send_at"));
    if (token == null) {
      if (sendAt != null) throw Invalid.required("confirmation_token");
      return HttpResponse.ok(dryRun(send.dryRun(params.get(0))));
    }
    return new HttpResponse(202, json.write(send.confirm(params.get(0), token, sendAt, request.actor())));
  }

  private static ObjectNode dryRun(SendManually.DryRun run) {
    ObjectNode node = Json.object();
    node.put("distribution_id", run.distribution().id());
    node.put("version", run.distribution().version());
    node.put("audience_size", run.audienceSize());
    ArrayNode channels = node.putArray("channels");
    run.channels().forEach(channels::add);
    node.put("messages", run.messages());
    if (run.codesNeeded() != null) {
      node.put("codes_needed", run.codesNeeded());
      node.put("codes_available", run.codesAvailable());
    }
    ObjectNode quota = node.putObject("quota").put("would_send", run.quota().send())
        .put("would_skip", run.quota().skip());
    if (run.quotaLeft() == null) quota.putNull("left");
    else quota.put("left", run.quotaLeft());
    ArrayNode warnings = node.putArray("warnings");
    run.warnings().forEach(w -> warnings.addObject().put("code", w.code()).put("message", w.message()));
    node.put("send_at", run.sendAt().toString());
    node.put("confirmation_token", run.token().value());
    node.put("expires_at", run.token().expiresAt().toString());
    return node;
  }

  private static Instant instant(String value) {
    if (value == null) return null;
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new Invalid("invalid_value", "send_at", "send_at must be an ISO-8601 date-time with its offset, such as "
          + "2027-01-31T09:00:00Z");
    }
  }
}
