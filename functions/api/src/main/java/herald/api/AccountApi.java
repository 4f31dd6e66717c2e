package herald.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.Fields;
import herald.domain.common.Invalid;
import herald.domain.limits.ManageAccount;
import herald.domain.limits.Plan;
import herald.domain.limits.Usage;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET/PUT /v1/settings/account: the plan, the channels' send rates and the usage; POST /v1/settings/account/verify
 * turns a trial into a verified trial (for the local runtime and tests: Herald has no verification of its own).
 */
final class AccountApi implements Routes {
  private final ManageAccount manage;

  @Inject
  AccountApi(ManageAccount manage) {
    this.manage = manage;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/settings/account", (req, p) -> HttpResponse.ok(write(manage.get()))),
        Route.of("PUT", "/v1/settings/account", (req, p) -> put(req)),
        Route.of("POST", "/v1/settings/account/verify", (req, p) -> HttpResponse.ok(write(manage.verify()))));
  }

  private HttpResponse put(HttpRequest request) {
    Fields f = Fields.of(Bodies.json(request), "", Set.of("plan", "send_rates"));
    String plan = f.text("plan");
    JsonNode rates = f.node("send_rates");
    if (plan == null && rates == null) throw Invalid.required("plan");
    return HttpResponse.ok(write(manage.update(plan == null ? null : Plan.parse(plan, "plan"), rates(rates))));
  }

  private static Map<String, Integer> rates(JsonNode node) {
    if (node == null) return null;
    if (!node.isObject()) throw new Invalid("invalid_type", "send_rates", "send_rates must be a JSON object");
    Map<String, Integer> rates = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      String field = "send_rates." + e.getKey();
      if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToInt()) {
        throw new Invalid("invalid_type", field, field + " must be a whole number of messages per second");
      }
      rates.put(e.getKey(), e.getValue().intValue());
    });
    return rates;
  }

  private static ObjectNode write(ManageAccount.View view) {
    ObjectNode body = Json.object().put("plan", view.account().plan().key());
    ObjectNode rates = body.putObject("send_rates");
    view.account().sendRates().forEach(rates::put);
    ObjectNode usage = body.putObject("usage");
    view.usage().tallies().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Usage.Tally tally = e.getValue();
      ObjectNode counter = usage.putObject(e.getKey().label()).put("sent", tally.sent());
      if (tally.limit() == null) {
        counter.putNull("limit").putNull("left");
      } else {
        counter.put("limit", tally.limit()).put("left", tally.left());
      }
    });
    return body;
  }
}
