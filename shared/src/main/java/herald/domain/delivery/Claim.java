package herald.domain.delivery;

/**
 * The outcome of claiming a message: {@code claimed}, the status it had before ({@code null} when it did not
 * exist), whether a provider was called for it already, and whether the claim of whoever holds it has
 * lapsed. A claim is a lease, longer than any delivery takes: not claimed, SENDING and lapsed means an earlier
 * delivery stopped half-way; not lapsed means another delivery of the same job is at work on it right now.
 */
public record Claim(boolean claimed, MessageStatus previous, boolean called, boolean lapsed) {
  public Claim(boolean claimed, MessageStatus previous) {
    this(claimed, previous, false, false);
  }

  /** An earlier delivery stopped half-way: this one may take the message over. */
  public boolean interrupted() {
    return !claimed && previous == MessageStatus.SENDING && lapsed;
  }

  /** Another delivery is sending the message now. */
  public boolean busy() {
    return !claimed && previous == MessageStatus.SENDING && !lapsed;
  }
}
