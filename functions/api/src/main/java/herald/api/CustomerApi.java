package herald.api;

import herald.adapters.json.CustomerJson;
import herald.domain.NotFound;
import herald.domain.customers.Customers;
import herald.domain.customers.UpsertCustomer;
import java.util.List;

/** POST /v1/customers (upsert by source_id), GET /v1/customers/{id}. */
final class CustomerApi {
  private final UpsertCustomer upsert;
  private final Customers customers;

  CustomerApi(UpsertCustomer upsert, Customers customers) {
    this.upsert = upsert;
    this.customers = customers;
  }

  List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/customers", (req, p) ->
            HttpResponse.ok(CustomerJson.write(upsert.upsert(CustomerJson.parse(Bodies.json(req), ""))))),
        Route.of("GET", "/v1/customers/{id}", (req, p) -> HttpResponse.ok(CustomerJson.write(
            customers.get(p.get(0)).orElseThrow(() -> new NotFound("customer", "id", p.get(0)))))));
  }
}
