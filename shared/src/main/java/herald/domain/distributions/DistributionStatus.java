package herald.domain.distributions;

/** Where a distribution is in its life. Only ACTIVE ones react to events. */
public enum DistributionStatus {
  DRAFT, ACTIVE, PAUSED, ARCHIVED;

  public boolean canBecome(DistributionStatus next) {
    return switch (this) {
      case DRAFT -> next == ACTIVE || next == ARCHIVED;
      case ACTIVE -> next == PAUSED || next == ARCHIVED;
      case PAUSED -> next == ACTIVE || next == ARCHIVED;
      case ARCHIVED -> false;
    };
  }
}
