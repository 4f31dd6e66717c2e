package herald.api;

import herald.adapters.json.CustomerJson;
import herald.domain.common.NotFound;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.intake.EraseCustomer;
import herald.domain.intake.UpsertCustomer;
import jakarta.inject.Inject;
import java.util.List;

/** POST /v1/customers (upsert by source_id), GET /v1/customers/{id} and ?source_id=, DELETE /v1/customers/{id}. */
final class CustomerApi implements Routes {
  private final UpsertCustomer upsert;
  private final EraseCustomer erase;
  private final Customers customers;

  @Inject
  CustomerApi(UpsertCustomer upsert, EraseCustomer erase, Customers customers) {
    this.upsert = upsert;
    this.erase = erase;
    this.customers = customers;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/customers", (req, p) ->
            HttpResponse.ok(CustomerJson.write(upsert.upsert(CustomerJson.parse(Bodies.json(req), ""))))),
        Route.of("GET", "/v1/customers", (req, p) -> bySourceId(req)),
        Route.of("GET", "/v1/customers/{id}", (req, p) -> HttpResponse.ok(CustomerJson.write(
            customers.get(p.get(0)).orElseThrow(() -> new NotFound("customer", "id", p.get(0)))))),
        Route.of("DELETE", "/v1/customers/{id}", (req, p) -> erase(p.get(0))));
  }

  /** GET /v1/customers?source_id=: the customer the company knows by that id. */
  private HttpResponse bySourceId(HttpRequest request) {
    String sourceId = request.query().get("source_id");
    if (sourceId == null || sourceId.isBlank()) throw herald.domain.common.Invalid.required("source_id");
    String id = Customer.idFor(sourceId);
    return HttpResponse.ok(CustomerJson.write(
        customers.get(id).orElseThrow(() -> new NotFound("customer", "source_id", sourceId))));
  }

  /**
   * Erases a customer's personal data (the whole profile: name, email, phone, metadata, consents, behaviour),
   * after they left every segment. Messages keep only the customer's id, a hash of the source id, so counts stay
   * and nothing personal does.
   */
  private HttpResponse erase(String id) {
    if (!erase.erase(id)) throw new NotFound("customer", "id", id);
    return HttpResponse.noContent();
  }
}
