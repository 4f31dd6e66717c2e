package herald.domain.distributions;

import herald.domain.Conflict;
import herald.domain.Text;
import java.time.Instant;
import java.util.List;

/** A distribution: trigger, audience, action and channels, with its status and version. */
public record Distribution(String id, String name, DistributionStatus status, Trigger trigger,
    AudienceType audience, ActionType action, List<Channel> channels, long version,
    Instant createdAt, Instant updatedAt) {

  public Distribution {
    id = Text.required(id, "id");
    name = Text.maxLength(Text.required(name, "name"), 200, "name");
    channels = List.copyOf(channels);
    if (channels.isEmpty()) throw herald.domain.Invalid.required("channels");
  }

  public Distribution moveTo(DistributionStatus next, Instant now) {
    if (status == next) return this;
    if (!status.canBecome(next)) {
      throw new Conflict("invalid_transition", "a " + status + " distribution cannot become " + next);
    }
    return new Distribution(id, name, next, trigger, audience, action, channels, version + 1, createdAt, now);
  }
}
