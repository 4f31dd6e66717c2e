package herald.domain.delivery;

import herald.domain.limits.Limits;
import herald.domain.limits.Reservation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One batch of send jobs ({@link SendToRecipient#batch}), worked on one thread: each message is sent as
 * {@link SendToRecipient#handle} sends it, and the batch's counts wait here until {@link #close}.
 */
public final class SendBatch implements AutoCloseable {
  private final List<StatusCounters.Move> moves = new ArrayList<>();
  private final List<Reservation> sent = new ArrayList<>();
  private final Set<String> manual = new LinkedHashSet<>();
  private final StatusCounters stats;
  private final Limits limits;
  private final SendCompletion completion;
  private SendToRecipient send;

  SendBatch(StatusCounters stats, Limits limits, SendCompletion completion) {
    this.stats = stats;
    this.limits = limits;
    this.completion = completion;
  }

  void sendWith(SendToRecipient send) {
    this.send = send;
  }

  /** As {@link SendToRecipient#handle}, its counts kept for {@link #close}. */
  public Optional<MessageStatus> handle(SendJob job) {
    return send.handle(job);
  }

  void moved(StatusCounters.Move move) {
    moves.add(move);
  }

  void sent(Reservation reservation) {
    sent.add(reservation);
  }

  /** A message of this manual send ended: it may be its last. */
  void ended(String distributionId) {
    manual.add(distributionId);
  }

  /**
   * Writes the batch's counts, then checks the manual sends whose messages ended; each write is tried even when
   * another failed, and the first failure is thrown at the end (the messages' statuses are written already: the
   * recount repairs the status counts).
   */
  @Override
  public void close() {
    RuntimeException failed = null;
    try {
      if (!moves.isEmpty()) stats.moved(List.copyOf(moves));
    } catch (RuntimeException e) {
      failed = e;
    }
    try {
      if (!sent.isEmpty()) limits.sent(List.copyOf(sent));
    } catch (RuntimeException e) {
      if (failed == null) failed = e;
      else failed.addSuppressed(e);
    }
    try {
      limits.endBatch();
    } catch (RuntimeException e) {   // the tokens are lost for their second: fewer sent, never more
      if (failed == null) failed = e;
      else failed.addSuppressed(e);
    }
    moves.clear();
    sent.clear();
    List<String> ended = List.copyOf(manual);
    manual.clear();
    if (failed != null) throw failed;
    ended.forEach(completion::check);
  }
}
