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
 * proof; POST is the one-click unsubscribe of RFC 8058, the body is ignored): a valid link revokes the
 * customer's email consent and answers a plain HTML page; any other gets a 400 page.
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
        Route.of("GET", UnsubscribeLinks.PATH, (req, p) -> unsubscribe(req)),
        Route.of("POST", UnsubscribeLinks.PATH, (req, p) -> unsubscribe(req)));
  }

  private HttpResponse unsubscribe(HttpRequest request) {
    String customerId = request.query().get("c");
    String name = brand.brand().map(Brand::senderName).orElse(null);
    if (!links.verify(customerId, request.query().get("s"))) {
      Log.info("unsubscribe_refused", "method", request.method());
      return HttpResponse.html(400, page("This link is not valid",
          "This unsubscribe link is incomplete or was changed. Please use the link in the latest email you received"
              + (name == null ? "." : ", or contact " + escape(name) + ".")));
    }
    boolean known = customers.consent(customerId, Consent.EMAIL, false).isPresent();
    Log.info("unsubscribed", "customer_id", customerId, "known", Boolean.toString(known), "method", request.method());
    return HttpResponse.html(200, page("You are unsubscribed",
        "You will no longer receive emails from " + (name == null ? "us" : escape(name)) + "."));
  }

  static String page(String title, String message) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
        + "<body style=\"font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\">"
        + "<h1>" + title + "</h1><p>" + message + "</p></body></html>\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
