package herald.api;

import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import herald.domain.customers.Consent;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.intake.UpsertCustomer;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.util.List;

/**
 * GET and POST /v1/unsubscribe?c=&lt;customer id&gt;&amp;s=&lt;signature&gt; (no key: the signature is the
 * proof). A GET changes nothing: it answers a confirmation page whose one button POSTs back, because mail scanners
 * follow the links in emails. A POST revokes the customer's email consent: the page's button, and the one-click
 * unsubscribe of RFC 8058 (body {@code List-Unsubscribe=One-Click}; the body is not needed). A link that is not
 * valid gets a 400 page, on either method.
 */
final class UnsubscribeApi implements Routes {
  private final UnsubscribeLinks links;
  private final UpsertCustomer customers;
  private final BrandSettings brand;

  @Inject
  UnsubscribeApi(UnsubscribeLinks links, UpsertCustomer customers, BrandSettings brand) {
    this.links = links;
    this.customers = customers;
    this.brand = brand;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", UnsubscribeLinks.PATH, (req, p) -> handle(req, false)),
        Route.of("POST", UnsubscribeLinks.PATH, (req, p) -> handle(req, true)));
  }

  private HttpResponse handle(HttpRequest request, boolean revoke) {
    String customerId = request.query().get("c");
    String name = brand.brand().map(Brand::senderName).orElse(null);
    if (!links.verify(customerId, request.query().get("s"))) {
      Log.info("unsubscribe_refused", "method", request.method());
      return HttpResponse.html(400, UnsubscribePage.invalid(name));
    }
    if (!revoke) return HttpResponse.html(200, UnsubscribePage.confirm(name));
    boolean known = customers.consent(customerId, Consent.EMAIL, false).isPresent();
    Log.info("unsubscribed", "customer_id", customerId, "known", Boolean.toString(known), "method", request.method());
    return HttpResponse.html(200, UnsubscribePage.done(name));
  }
}
