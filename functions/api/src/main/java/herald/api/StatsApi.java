package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.delivery.StatusCounters;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The whole account's messages per day (UTC), per channel and status: how many moved to each status that day, from
 * daily counters written with the distributions' own (no scan). At most 366 days; by default the last 30.
 */
final class StatsApi implements Routes {
  static final int MAX_DAYS = 366;
  private final StatusCounters stats;
  private final Clock clock;

  @Inject
  StatsApi(StatusCounters stats, Clock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/stats", this::stats));
  }

  private HttpResponse stats(HttpRequest request, List<String> params) {
    if (request.query().containsKey("granularity") && !"day".equals(request.query().get("granularity"))) {
      throw new herald.domain.common.Invalid("invalid_value", "granularity", "the account's stats are per day");
    }
    TimeRange range = TimeRange.of(request, "day", MAX_DAYS, clock.instant());
    LocalDate from = LocalDate.ofInstant(range.from(), ZoneOffset.UTC);
    LocalDate to = LocalDate.ofInstant(range.to(), ZoneOffset.UTC);
    var days = stats.daily(from, to);
    ObjectNode body = Json.object();
    body.put("from", from.toString());
    body.put("to", to.toString());
    ObjectNode totals = body.putObject("totals");
    ArrayNode data = body.putArray("days");
    for (LocalDate day = from; !day.isAfter(to); day = day.plus(1, ChronoUnit.DAYS)) {
      ObjectNode node = data.addObject().put("date", day.toString());
      ObjectNode channels = node.putObject("channels");
      ObjectNode dayTotals = node.putObject("totals");
      days.getOrDefault(day, java.util.Map.of()).forEach((channel, counts) -> {
        ObjectNode c = channels.putObject(channel);
        counts.forEach((status, n) -> {
          c.put(status.name(), n);
          dayTotals.put(status.name(), dayTotals.path(status.name()).asLong(0) + n);
          totals.put(status.name(), totals.path(status.name()).asLong(0) + n);
        });
      });
    }
    return HttpResponse.ok(body);
  }
}
