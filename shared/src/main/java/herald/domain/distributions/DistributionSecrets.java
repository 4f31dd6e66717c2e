package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The channels' secrets of a distribution the API writes ({@link ChannelKinds}: a webhook's go to the secret
 * store): stored before the document is written, so the document keeps only references, and a document that still
 * holds a secret (saved before) has it moved at this write; those no document names any more are deleted after it.
 * Only the API writes secrets: the other functions that write a distribution (a status change) write back the
 * references they read and never touch the secret store.
 */
public final class DistributionSecrets {
  /** Secrets kept in the document as they come (domain tests that do not look at them). */
  public static final DistributionSecrets IN_DOCUMENT = new DistributionSecrets(null);
  private final ChannelKinds kinds;

  @Inject
  public DistributionSecrets(ChannelKinds kinds) {
    this.kinds = kinds;
  }

  /** The distribution as its document may hold it, each channel's secrets stored first. */
  public Distribution seal(Distribution next) {
    if (kinds == null) return next;
    List<Channel> channels = next.channels().stream()
        .map(channel -> kinds.get(channel.type()).seal(next.id(), channel)).toList();
    return channels.equals(next.channels()) ? next : new Distribution(next.id(), next.name(), next.description(),
        next.status(), next.trigger(), next.audience(), next.action(), channels, next.version(), next.createdAt(),
        next.updatedAt(), next.schedule());
  }

  /**
   * After a document holding {@code written} replaced one holding {@code before} (null: the distribution is
   * gone): deletes the secrets {@code before}'s channels named that {@code written}'s of the same type do not.
   */
  public void written(Distribution before, Distribution written) {
    if (kinds == null) return;
    for (Channel old : before.channels()) {
      Channel now = written == null ? null : sameType(written, old.type()).orElse(null);
      kinds.get(old.type()).secretsReplaced(before.id(), old, now);
    }
  }

  private static Optional<Channel> sameType(Distribution distribution, String type) {
    return distribution.channels().stream().filter(c -> c.type().equals(type)).findFirst();
  }
}
