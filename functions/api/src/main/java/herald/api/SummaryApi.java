package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.delivery.Engagement;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Recount;
import herald.domain.delivery.SendProgress;
import herald.domain.delivery.StatusCounters;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.ManageDistributions;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A distribution's summary: its messages by status and channel (fast counters, made exact by each recount), opens
 * and clicks, the rates, codes published, the top failure and skip reasons and its messages per hour or day (from
 * the last recount, {@code reconciled_at}), and a manual send's progress.
 */
final class SummaryApi implements Routes {
  static final int TOP_REASONS = 5;
  private static final List<MessageStatus> WENT_OUT = List.of(MessageStatus.SENT, MessageStatus.DELIVERED,
      MessageStatus.BOUNCED, MessageStatus.COMPLAINED);
  private final ManageDistributions manage;
  private final StatusCounters stats;
  private final SendProgress progress;
  private final Clock clock;

  @Inject
  SummaryApi(ManageDistributions manage, StatusCounters stats, SendProgress progress, Clock clock) {
    this.manage = manage;
    this.stats = stats;
    this.progress = progress;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/distributions/{id}/summary", this::summary));
  }

  private HttpResponse summary(HttpRequest request, List<String> params) {
    Distribution distribution = manage.get(params.get(0));
    TimeRange range = TimeRange.of(request, "day", 744, clock.instant());
    String id = distribution.id();
    ObjectNode body = Json.object();
    body.put("distribution_id", id);
    ObjectNode totals = body.putObject("totals");
    ObjectNode byChannel = body.putObject("channels");
    Map<MessageStatus, Long> all = new EnumMap<>(MessageStatus.class);
    stats.of(id).forEach((channel, counts) -> {
      ObjectNode node = byChannel.putObject(channel);
      counts.forEach((status, count) -> {
        node.put(status.name(), count);
        all.merge(status, count, Long::sum);
      });
    });
    all.forEach((status, count) -> totals.put(status.name(), count));
    Map<String, Map<Engagement, Long>> engagement = stats.engagement(id);
    body.set("engagement", engagement(engagement));
    body.set("rates", rates(all, stats.of(id).getOrDefault("email", Map.of()), engagement.getOrDefault("email",
        Map.of())));
    Optional<Recount> recount = stats.lastRecount(id);
    body.put("reconciled_at", recount.map(r -> r.at().toString()).orElse(null));
    if (distribution.action().type() == ActionType.PUBLISH_CODE) {
      body.put("codes_published", recount.map(Recount::codesPublished).orElse(null));
    } else {
      body.putNull("codes_published");
    }
    body.set("top_reasons", reasons(recount.map(Recount::reasons).orElse(Map.of())));
    body.set("series", series(id, range));
    progress.of(id).ifPresent(p -> body.set("progress", progress(p, totals)));
    return HttpResponse.ok(body);
  }

  private static ObjectNode engagement(Map<String, Map<Engagement, Long>> engagement) {
    ObjectNode node = Json.object();
    long opened = 0;
    long clicked = 0;
    ObjectNode channels = Json.object();
    for (var e : engagement.entrySet()) {
      long o = e.getValue().getOrDefault(Engagement.OPENED, 0L);
      long c = e.getValue().getOrDefault(Engagement.CLICKED, 0L);
      channels.putObject(e.getKey()).put("opened", o).put("clicked", c);
      opened += o;
      clicked += c;
    }
    node.put("opened", opened).put("clicked", clicked).set("channels", channels);
    return node;
  }

  /**
   * delivery: of the messages Herald tried to send (went out, or FAILED), those that went out and did not bounce;
   * bounce and complaint: of those that went out; open and click: of the emails that went out. Null without a base.
   */
  private static ObjectNode rates(Map<MessageStatus, Long> all, Map<MessageStatus, Long> email,
      Map<Engagement, Long> engaged) {
    long out = WENT_OUT.stream().mapToLong(s -> all.getOrDefault(s, 0L)).sum();
    long tried = out + all.getOrDefault(MessageStatus.FAILED, 0L);
    long emails = WENT_OUT.stream().mapToLong(s -> email.getOrDefault(s, 0L)).sum();
    ObjectNode rates = Json.object();
    rate(rates, "delivery", out - all.getOrDefault(MessageStatus.BOUNCED, 0L), tried);
    rate(rates, "open", engaged.getOrDefault(Engagement.OPENED, 0L), emails);
    rate(rates, "click", engaged.getOrDefault(Engagement.CLICKED, 0L), emails);
    rate(rates, "bounce", all.getOrDefault(MessageStatus.BOUNCED, 0L), out);
    rate(rates, "complaint", all.getOrDefault(MessageStatus.COMPLAINED, 0L), out);
    return rates;
  }

  private static void rate(ObjectNode rates, String name, long count, long base) {
    if (base <= 0) {
      rates.putNull(name);
    } else {
      rates.put(name, Math.round(Math.min(1.0, Math.max(0.0, (double) count / base)) * 10_000) / 10_000.0);
    }
  }

  private static ObjectNode reasons(Map<MessageStatus, Map<String, Long>> reasons) {
    ObjectNode node = Json.object();
    for (MessageStatus status : List.of(MessageStatus.FAILED, MessageStatus.SKIPPED)) {
      ArrayNode top = node.putArray(status.name());
      reasons.getOrDefault(status, Map.of()).entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(TOP_REASONS).forEach(e -> top.addObject().put("reason", e.getKey()).put("count", e.getValue()));
    }
    return node;
  }

  /** Every hour or day of the range, oldest first, with the messages created in it by status (last recount's). */
  private ObjectNode series(String id, TimeRange range) {
    Map<Instant, Map<MessageStatus, Long>> hours = stats.hours(id, range.from(), range.end());
    Map<Instant, Map<MessageStatus, Long>> points = new java.util.TreeMap<>();
    for (Instant at = range.from(); !at.isAfter(range.to()); at = at.plus(1, range.unit())) {
      points.put(at, new EnumMap<>(MessageStatus.class));
    }
    hours.forEach((hour, counts) -> {
      Map<MessageStatus, Long> point = points.get(hour.truncatedTo(range.unit()));
      if (point != null) counts.forEach((status, n) -> point.merge(status, n, Long::sum));
    });
    ObjectNode node = Json.object();
    node.put("granularity", range.unit() == ChronoUnit.HOURS ? "hour" : "day");
    node.put("from", range.from().toString());
    node.put("to", range.to().toString());
    ArrayNode data = node.putArray("points");
    points.forEach((at, counts) -> {
      ObjectNode point = data.addObject().put("at", at.toString());
      ObjectNode c = point.putObject("counts");
      counts.forEach((status, n) -> c.put(status.name(), n));
    });
    return node;
  }

  private static ObjectNode progress(SendProgress.Progress p, ObjectNode totals) {
    long counted = 0;
    for (MessageStatus status : MessageStatus.values()) counted += totals.path(status.name()).asLong(0);
    long sent = 0;
    for (MessageStatus status : WENT_OUT) sent += totals.path(status.name()).asLong(0);
    ObjectNode node = Json.object();
    node.put("audience_read", p.fannedOut());
    node.put("total", p.queued());
    node.put("queued", Math.max(0, p.queued() - counted) + totals.path(MessageStatus.QUEUED.name()).asLong(0));
    node.put("sending", totals.path(MessageStatus.SENDING.name()).asLong(0));
    node.put("sent", sent);
    node.put("failed", totals.path(MessageStatus.FAILED.name()).asLong(0));
    node.put("skipped", totals.path(MessageStatus.SKIPPED.name()).asLong(0));
    return node;
  }
}
