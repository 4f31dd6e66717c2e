package herald.domain.distributions;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a distribution is in its life. Automatic ones: DRAFT, ACTIVE (reacts to events) and PAUSED,
 * until ARCHIVED. Manual ones: DRAFT, SCHEDULED (the grace period), SENDING, DONE, or STOPPED.
 */
public enum DistributionStatus {
  DRAFT, ACTIVE, PAUSED, ARCHIVED, SCHEDULED, SENDING, DONE, STOPPED;

  private static final Set<DistributionStatus> AUTOMATIC = EnumSet.of(DRAFT, ACTIVE, PAUSED, ARCHIVED);
  private static final Set<DistributionStatus> MANUAL = EnumSet.of(DRAFT, SCHEDULED, SENDING, DONE, STOPPED);

  /** Whether a distribution of this kind (manual or automatic) may move from this status to {@code next}. */
  public boolean canBecome(DistributionStatus next, boolean manual) {
    if (!(manual ? MANUAL : AUTOMATIC).contains(next)) return false;
    return switch (this) {
      case DRAFT -> manual ? next == SCHEDULED || next == STOPPED : next == ACTIVE || next == ARCHIVED;
      case ACTIVE -> next == PAUSED || next == ARCHIVED;
      case PAUSED -> next == ACTIVE || next == ARCHIVED;
      case SCHEDULED -> next == SENDING || next == STOPPED;
      case SENDING -> next == DONE || next == STOPPED;
      case ARCHIVED, DONE, STOPPED -> false;
    };
  }

  /** Whether the distribution's content may still be edited. */
  public boolean editable() {
    return this == DRAFT || this == ACTIVE || this == PAUSED || this == SCHEDULED;
  }

  /** Whether the distribution may be deleted: never sent, or finished. */
  public boolean deletable() {
    return this == DRAFT || this == ARCHIVED || this == DONE || this == STOPPED;
  }
}
