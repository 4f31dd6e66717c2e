package herald.domain.segments;

import herald.domain.jobs.Jobs;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;

/** Queues one purge job per shard of a deleted segment ({@link PurgeSegmentShard} runs them). */
public final class StartSegmentPurge implements SegmentPurges {
  private final Jobs jobs;

  @Inject
  public StartSegmentPurge(Jobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void start(Segment deleted) {
    List<PurgeJob> shards = IntStream.range(0, deleted.shards()).mapToObj(s -> PurgeJob.of(deleted.id(), s)).toList();
    jobs.put(shards);
  }
}
