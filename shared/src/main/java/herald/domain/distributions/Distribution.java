package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.time.Instant;
import java.util.List;

/**
 * A distribution: trigger, audience, action and channels, with its status and version; a manual one, once sent,
 * with its {@link SendSchedule} (null before).
 */
public record Distribution(String id, String name, String description, DistributionStatus status, Trigger trigger,
    Audience audience, Action action, List<Channel> channels, long version, Instant createdAt, Instant updatedAt,
    SendSchedule schedule) {

  /** Without a schedule (every automatic distribution, and a manual one not sent yet). */
  public Distribution(String id, String name, String description, DistributionStatus status, Trigger trigger,
      Audience audience, Action action, List<Channel> channels, long version, Instant createdAt, Instant updatedAt) {
    this(id, name, description, status, trigger, audience, action, channels, version, createdAt, updatedAt, null);
  }

  public Distribution {
    id = Text.required(id, "id");
    name = Text.maxLength(Text.required(name, "name"), 200, "name");
    description = Text.maxLength(Text.optional(description), 2000, "description");
    if (status == null) throw Invalid.required("status");
    if (trigger == null) throw Invalid.required("trigger");
    if (audience == null) throw Invalid.required("audience");
    if (action == null) throw Invalid.required("action");
    channels = List.copyOf(channels);
    if (channels.isEmpty()) throw Invalid.required("channels");
  }

  /** A new DRAFT at version 1 from a draft that passed {@link DistributionRules#check}. */
  public static Distribution create(String id, DistributionDraft draft, Instant now) {
    return new Distribution(id, draft.name(), draft.description(), DistributionStatus.DRAFT, draft.trigger(),
        draft.audience(), draft.action(), draft.channels(), 1, now, now);
  }

  /** This distribution with the draft's content (secrets already merged), the next version, same status. */
  public Distribution edit(DistributionDraft draft, Instant now) {
    return new Distribution(id, draft.name(), draft.description(), status, draft.trigger(), draft.audience(),
        draft.action(), draft.channels(), version + 1, createdAt, now, schedule);
  }

  /** Whether it is sent once by hand (trigger manual) rather than on events. */
  public boolean manual() {
    return trigger.manual();
  }

  public Distribution moveTo(DistributionStatus next, Instant now) {
    if (status == next) return this;
    if (!status.canBecome(next, manual())) {
      throw new Conflict("invalid_transition", "a " + status + " distribution cannot become " + next);
    }
    return new Distribution(id, name, description, next, trigger, audience, action, channels, version + 1, createdAt,
        now, schedule);
  }

  /**
   * This manual distribution SCHEDULED under a new schedule, the next version: from DRAFT, or SCHEDULED again (the
   * new schedule supersedes the earlier one).
   */
  public Distribution scheduled(SendSchedule next, Instant now) {
    if (status != DistributionStatus.SCHEDULED && !status.canBecome(DistributionStatus.SCHEDULED, manual())) {
      throw new Conflict("invalid_transition", "a " + status + " distribution cannot become SCHEDULED");
    }
    return new Distribution(id, name, description, DistributionStatus.SCHEDULED, trigger, audience, action, channels,
        version + 1, createdAt, now, next);
  }

  /** This distribution with a schedule as stored (the store keeps it beside the document). */
  public Distribution withSchedule(SendSchedule stored) {
    return new Distribution(id, name, description, status, trigger, audience, action, channels, version, createdAt,
        updatedAt, stored);
  }
}
