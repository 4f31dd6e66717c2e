package herald.domain.distributions;

import herald.domain.brand.BrandSettings;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.Refusal;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * What will keep a distribution's messages from going, as far as its settings tell: a channel that needs the brand
 * details while none are saved ({@code missing_brand_details}: its messages end SKIPPED with that reason).
 */
public final class DistributionWarnings {
  private final BrandSettings brand;
  private final ChannelKinds kinds;

  @Inject
  public DistributionWarnings(BrandSettings brand, ChannelKinds kinds) {
    this.brand = brand;
    this.kinds = kinds;
  }

  /** The warnings of the distribution, one per channel concerned, in the order of its channels. */
  public List<Warning> of(Distribution distribution) {
    List<Warning> warnings = new ArrayList<>();
    boolean brandMissing = brand.brand().isEmpty();
    for (Channel channel : distribution.channels()) {
      boolean needsBrand = kinds.find(channel.type()).map(k -> k.needsBrandDetails()).orElse(false);
      if (needsBrand && brandMissing) {
        warnings.add(new Warning(Refusal.MISSING_BRAND_DETAILS.code(), channel.type(), "the " + channel.type()
            + " channel needs the brand details (PUT /v1/settings/brand); until then its messages are SKIPPED "
            + Refusal.MISSING_BRAND_DETAILS.code()));
      }
    }
    return warnings;
  }
}
