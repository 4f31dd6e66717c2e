package herald.domain.distributions;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import herald.domain.common.Conflict;
import herald.domain.common.NotFound;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives one channel of a distribution a new secret (a webhook's: the old one keeps signing beside it for 24 hours,
 * so receivers switch without losing a delivery), in any status, as a new version written to the activity log.
 * The answer shows the new secret, once; the secrets go to the secret store ({@link DistributionSecrets}).
 */
public final class RotateChannelSecret {
  private final Distributions distributions;
  private final ChannelKinds kinds;
  private final Activity activity;
  private final Clock clock;
  private final DistributionSecrets secrets;

  @Inject
  public RotateChannelSecret(Distributions distributions, ChannelKinds kinds, Activity activity, Clock clock,
      DistributionSecrets secrets) {
    this.distributions = distributions;
    this.kinds = kinds;
    this.activity = activity;
    this.clock = clock;
    this.secrets = secrets;
  }

  /** The distribution with the channel at {@code index} rotated; 404 for an index it does not have. */
  public Distribution rotate(String id, int index, String actor) {
    Distribution current = distributions.get(id).orElseThrow(() -> new NotFound("distribution", "id", id));
    if (index < 0 || index >= current.channels().size()) {
      throw new NotFound("channel", "index", Integer.toString(index));
    }
    Instant now = clock.instant();
    List<Channel> channels = new ArrayList<>(current.channels());
    channels.set(index, kinds.rotateSecret(channels.get(index), now));
    Distribution rotated = new Distribution(current.id(), current.name(), current.description(), current.status(),
        current.trigger(), current.audience(), current.action(), channels, current.version() + 1,
        current.createdAt(), now, current.schedule());
    Distribution sealed = secrets.seal(rotated);
    if (!distributions.replace(sealed, current.version())) {
      throw new Conflict("version_conflict", "distribution " + id + " was changed by another call; read it again");
    }
    secrets.written(current, sealed);
    activity.record(new ActivityEntry(ManageDistributions.subject(id), now, actor, "secret_rotated",
        rotated.version()));
    return rotated;
  }
}
