package herald.domain.limits;

import jakarta.inject.Inject;
import java.time.Duration;

/**
 * What the sender checks just before calling a provider: the message's unit of the plan's limits, reserved once per
 * message id, then a token of its channel's send rate. A message over a limit ends SKIPPED quota_exceeded; one that
 * must wait for its rate keeps its unit and goes back to the queue.
 */
public final class Limits {
  private final AccountSettings settings;
  private final Quota quota;
  private final SendRate rate;

  @Inject
  public Limits(AccountSettings settings, Quota quota, SendRate rate) {
    this.settings = settings;
    this.quota = quota;
    this.rate = rate;
  }

  /** The outcome: its reservation (not granted: over a limit), and how long it waits first (null: go now). */
  public record Admission(Reservation reservation, Duration delay) {
    public boolean exceeded() {
      return !reservation.granted();
    }
  }

  public Admission admit(String messageId, String channel) {
    return admit(messageId, channel, false);
  }

  /**
   * As {@link #admit(String, String)}; {@code firstAttempt}: the message did not exist before this delivery claimed
   * it, so no earlier attempt reserved anything for it ({@link Quota#reserve(String, Account, boolean)}).
   */
  public Admission admit(String messageId, String channel, boolean firstAttempt) {
    Account account = settings.account();
    Reservation reservation = quota.reserve(messageId, account, firstAttempt);
    if (!reservation.granted()) return new Admission(reservation, null);
    return new Admission(reservation, rate.admit(channel, account).orElse(null));
  }

  public void sent(Reservation reservation) {
    quota.sent(reservation);
  }

  /** Several messages were sent (a batch's, counted at its end). */
  public void sent(java.util.Collection<Reservation> reservations) {
    quota.sent(reservations);
  }

  /**
   * These limits for one batch of jobs, {@code jobsPerChannel} by channel type: the account's settings are read
   * once, by its first message that gets this far (a plan changed meanwhile applies from the next batch; the
   * reservations stay exact either way), and the send rate's tokens taken for several messages at once
   * ({@link SendRate#forBatch}); {@link #endBatch} hands back the ones left.
   */
  public Limits forBatch(java.util.Map<String, Integer> jobsPerChannel) {
    return new Limits(new AccountSettings() {
      private Account account;

      @Override
      public Account account() {
        if (account == null) account = settings.account();
        return account;
      }

      @Override
      public void save(Account changed) {
        settings.save(changed);
        account = null;
      }
    }, quota, rate.forBatch(jobsPerChannel));
  }

  /** At the end of a batch ({@link #forBatch}): hands back the send-rate tokens it took and did not use. */
  public void endBatch() {
    rate.handBack();
  }

  public void giveBack(String messageId) {
    quota.giveBack(messageId);
  }
}
