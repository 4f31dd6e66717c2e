package herald.api;

import herald.domain.campaigns.QrLinks;
import herald.domain.common.Invalid;
import herald.platform.Log;
import jakarta.inject.Inject;
import java.util.List;

/**
 * GET /v1/qr?code=&lt;code&gt;&amp;s=&lt;signature&gt;&amp;size=&lt;pixels&gt; (no key: it sits in emails, and the
 * signature is the proof): the code as a PNG QR image, {@code size} 64 to 1024 pixels a side (default 256). The
 * image is drawn from the link alone; a link Herald did not sign is 404, whether or not its code exists.
 */
final class QrApi implements Routes {
  private final QrLinks links;

  @Inject
  QrApi(QrLinks links) {
    this.links = links;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("GET", QrLinks.PATH, (req, p) -> {
      String code = req.query().get("code");
      if (!links.verify(code, req.query().get("s"))) {
        Log.info("qr_refused");
        return HttpResponse.error(404, "not_found", "no QR code at this link", "s");
      }
      return HttpResponse.png(QrImage.png(code, size(req.query().get("size"))));
    }));
  }

  private static int size(String given) {
    if (given == null) return QrImage.DEFAULT_SIZE;
    try {
      int size = Integer.parseInt(given.strip());
      if (size >= QrImage.MIN_SIZE && size <= QrImage.MAX_SIZE) return size;
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new Invalid("invalid_value", "size", "size is a whole number of pixels from " + QrImage.MIN_SIZE + " to "
        + QrImage.MAX_SIZE);
  }
}
