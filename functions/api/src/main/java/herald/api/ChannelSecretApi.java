package herald.api;

import herald.adapters.json.DistributionJson;
import herald.domain.common.Invalid;
import herald.domain.distributions.RotateChannelSecret;
import jakarta.inject.Inject;
import java.util.List;

/** A channel's secret rotation: answers the distribution with the new secret shown once. */
final class ChannelSecretApi implements Routes {
  private final RotateChannelSecret rotate;
  private final DistributionJson json;

  @Inject
  ChannelSecretApi(RotateChannelSecret rotate, DistributionJson json) {
    this.rotate = rotate;
    this.json = json;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/v1/distributions/{id}/channels/{index}/rotate-secret",
        (req, p) -> HttpResponse.ok(json.write(rotate.rotate(p.get(0), index(p.get(1)), req.actor())))));
  }

  private static int index(String text) {
    if (!text.matches("[0-9]{1,3}")) {
      throw new Invalid("invalid_value", "index", "index must be the channel's position, a whole number from 0");
    }
    return Integer.parseInt(text);
  }
}
