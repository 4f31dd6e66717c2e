package herald.domain.delivery;

import java.util.Optional;

/**
 * Port: how far a manual send has gone. Its audience is read in parts (a segment's shards; one part for one
 * customer); each run of a part records how many send jobs it queued under its own key (part and first page), so a
 * run repeated (SQS delivers twice, a run failed half-way) overwrites its count rather than adding to it.
 */
public interface SendProgress {
  /** The send starts, its audience in {@code parts} parts. Starting again changes nothing. */
  void started(String distributionId, String scheduleId, int parts);

  /**
   * A run of {@code part}, from {@code page} on, queued {@code count} send jobs; {@code lastOfPart}: the part is read
   * to its end. Recorded before the jobs are put on the queue, so a finished message is always counted as queued.
   */
  void queued(String distributionId, int part, int page, long count, boolean lastOfPart);

  Optional<Progress> of(String distributionId);

  /** The parts, those read to their end, and the send jobs queued so far. */
  record Progress(String scheduleId, int parts, int partsDone, long queued) {
    /** Every part of the audience was read: {@link #queued} is the whole send. */
    public boolean fannedOut() {
      return partsDone >= parts;
    }
  }
}
