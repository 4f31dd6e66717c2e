package herald.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.PublicationJson;
import herald.domain.campaigns.Publication;
import herald.domain.campaigns.PublicationFilter;
import herald.domain.campaigns.Publications;
import herald.domain.campaigns.PublishCode;
import herald.domain.campaigns.QrLinks;
import herald.domain.common.Page;
import herald.platform.Json;
import jakarta.inject.Inject;
import java.util.List;

/** Publications: a code of a campaign given to a customer (201, or 200 for one an earlier call made), and the list. */
final class PublicationApi implements Routes {
  private final PublishCode publish;
  private final Publications publications;
  private final QrLinks qr;

  @Inject
  PublicationApi(PublishCode publish, Publications publications, QrLinks qr) {
    this.publish = publish;
    this.publications = publications;
    this.qr = qr;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/publications", (req, p) -> {
          PublishCode.Published done = publish.publish(PublicationJson.parse(Bodies.json(req)));
          ObjectNode body = write(req, done.publication());
          return done.isNew() ? HttpResponse.created(body) : HttpResponse.ok(body);
        }),
        Route.of("GET", "/v1/publications", (req, p) -> {
          var query = req.query();
          Page<Publication> page = publications.list(new PublicationFilter(query.get("campaign_id"),
              query.get("customer_id"), query.get("source_id")), query.get("cursor"), Bodies.limit(req, 100, 20));
          ObjectNode body = Json.object();
          ArrayNode data = body.putArray("data");
          page.items().forEach(pub -> data.add(write(req, pub)));
          body.put("next_cursor", page.next());
          return HttpResponse.ok(body);
        }));
  }

  /** The publication, its voucher's QR link at the configured public URL, else at the URL this call came in on. */
  private ObjectNode write(HttpRequest request, Publication publication) {
    return PublicationJson.write(publication, qr.urlFor(qr.baseOr(request.serverUrl()), publication.code()));
  }
}
