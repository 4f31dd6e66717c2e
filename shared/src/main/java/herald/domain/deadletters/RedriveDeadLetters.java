package herald.domain.deadletters;

import herald.domain.common.Conflict;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts dead letters back on their work queue, once each: a dead letter is marked redriven (a conditional write)
 * before its body goes back, so two redrives at once put it back once; a put that fails takes the mark back. What
 * runs again is safe to run again: a fan-out shard queues the same send jobs, whose messages the sender claims once.
 */
public final class RedriveDeadLetters {
  private final DeadLetters deadLetters;
  private final Redrives redrives;
  private final Clock clock;

  @Inject
  public RedriveDeadLetters(DeadLetters deadLetters, Redrives redrives, Clock clock) {
    this.deadLetters = deadLetters;
    this.redrives = redrives;
    this.clock = clock;
  }

  /** The dead letter, redriven; 409 {@code not_redrivable} for a queue that is not, or one redriven before. */
  public DeadLetter one(String id) {
    DeadLetter deadLetter = deadLetters.get(id).orElseThrow(() -> new NotFound("dead letter", "id", id));
    if (!deadLetter.queue().redrivable()) {
      throw new Conflict("not_redrivable", "dead letters of the " + deadLetter.queue().code() + " queue are not redriven");
    }
    DeadLetter redriven = redrive(deadLetter);
    if (redriven == null) throw new Conflict("already_redriven", "this dead letter was redriven already");
    return redriven;
  }

  /** Every redrivable dead letter of the distribution not redriven yet (its fan-out shards): those redriven now. */
  public List<DeadLetter> ofDistribution(String distributionId) {
    List<DeadLetter> done = new ArrayList<>();
    String cursor = null;
    do {
      Page<DeadLetter> page = deadLetters.ofDistribution(distributionId, cursor, 100);
      for (DeadLetter deadLetter : page.items()) {
        if (!deadLetter.redrivable()) continue;
        DeadLetter redriven = redrive(deadLetter);
        if (redriven != null) done.add(redriven);
      }
      cursor = page.next();
    } while (cursor != null);
    return done;
  }

  /** Null when another redrive marked it first. */
  private DeadLetter redrive(DeadLetter deadLetter) {
    DeadLetter redriven = deadLetter.redriven(clock.instant());
    if (!deadLetters.markRedriven(deadLetter.id(), redriven.redrivenAt())) return null;
    try {
      redrives.put(deadLetter.queue(), deadLetter.body());
    } catch (RuntimeException e) {
      deadLetters.unmarkRedriven(deadLetter.id());
      throw e;
    }
    return redriven;
  }
}
