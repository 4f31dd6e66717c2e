package herald.domain.deadletters;

import herald.domain.common.Text;
import java.time.Instant;

/**
 * One message a dead-letter queue held, as recorded: which queue, what it was about when that is known (a
 * distribution, a segment and its shard, the event or schedule id), why it ended there when known, when it was
 * recorded, and the message's body as it was (to redrive it; never shown by the API, it may hold personal data).
 * {@code redrivenAt} is set once it was put back on its queue.
 */
public record DeadLetter(String id, DeadLetterQueue queue, String distributionId, String segmentId, Integer shard,
    String eventId, String reason, Instant at, String body, Instant redrivenAt) {

  public DeadLetter {
    Text.required(id, "id");
    if (queue == null) throw new IllegalArgumentException("queue is required");
    if (at == null) throw new IllegalArgumentException("at is required");
    if (body == null) throw new IllegalArgumentException("body is required");
  }

  public boolean redrivable() {
    return queue.redrivable() && redrivenAt == null;
  }

  public DeadLetter redriven(Instant when) {
    return new DeadLetter(id, queue, distributionId, segmentId, shard, eventId, reason, at, body, when);
  }
}
