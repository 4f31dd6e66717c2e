package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelKinds;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channels' secrets of a distribution the API writes: put in the secret store before the document is written,
 * so the document keeps only references ({@link ChannelKinds#seal}); a document that still holds a secret (stored
 * before) has it moved at this write. Those of a channel the distribution no longer has, or of a deleted
 * distribution, are deleted after the document is written. Only the API writes secrets; the other functions that
 * write a distribution (a status change) write back what they read.
 */
public final class DistributionSecrets {
  /** Secrets kept in the document as they come (domain tests that do not look at them). */
  public static final DistributionSecrets IN_DOCUMENT = new DistributionSecrets(null);
  private final ChannelKinds kinds;

  @Inject
  public DistributionSecrets(ChannelKinds kinds) {
    this.kinds = kinds;
  }

  /** The distribution as its document may hold it; {@code stored} is the document's now, or null for a new one. */
  public Distribution seal(Distribution next, Distribution stored) {
    if (kinds == null) return next;
    List<Channel> channels = kinds.seal(next.id(), next.channels(), stored == null ? List.of() : stored.channels());
    return new Distribution(next.id(), next.name(), next.description(), next.status(), next.trigger(),
        next.audience(), next.action(), channels, next.version(), next.createdAt(), next.updatedAt(),
        next.schedule());
  }

  /** After {@code written} replaced {@code before}: deletes the secrets of each channel type it dropped. */
  public void written(Distribution written, Distribution before) {
    if (kinds == null) return;
    Set<String> kept = written.channels().stream().map(Channel::type).collect(Collectors.toSet());
    before.channels().stream().map(Channel::type).filter(type -> !kept.contains(type))
        .forEach(type -> kinds.get(type).deleteSecrets(written.id()));
  }

  /** After the distribution was deleted: deletes every secret of its channels. */
  public void deleted(Distribution deleted) {
    if (kinds == null) return;
    deleted.channels().forEach(channel -> kinds.get(channel.type()).deleteSecrets(deleted.id()));
  }
}
