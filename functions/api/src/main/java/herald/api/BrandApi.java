package herald.api;

import herald.adapters.json.Fields;
import herald.domain.brand.Brand;
import herald.domain.brand.BrandSettings;
import herald.domain.common.NotFound;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** PUT/GET /v1/settings/brand. */
final class BrandApi implements Routes {
  private final BrandSettings settings;

  @Inject
  BrandApi(BrandSettings settings) {
    this.settings = settings;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("PUT", "/v1/settings/brand", (req, p) -> put(req)),
        Route.of("GET", "/v1/settings/brand", (req, p) -> get()));
  }

  private HttpResponse put(HttpRequest request) {
    Fields f = Fields.of(Bodies.json(request), "", Set.of("sender_name", "sender_email", "postal_address"));
    Brand brand = new Brand(f.text("sender_name"), f.text("sender_email"), f.text("postal_address"));
    settings.save(brand);
    return HttpResponse.ok(write(brand));
  }

  private HttpResponse get() {
    return HttpResponse.ok(write(settings.brand().orElseThrow(() -> new NotFound("brand", null, "settings"))));
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode write(Brand brand) {
    return Json.object().put("sender_name", brand.senderName()).put("sender_email", brand.senderEmail())
        .put("postal_address", brand.postalAddress());
  }
}
