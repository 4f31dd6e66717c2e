package herald.domain.segments;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Conflict;
import herald.domain.distributions.SegmentUsage;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.RecordingJobs;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.Job;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A deleted segment's membership removed in the background, shard by shard, members and former members. */
class PurgeSegmentShardTest {
  private static final int PAGE = 10;
  private final TestClock clock = new TestClock();
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final RecordingJobs jobs = new RecordingJobs();
  private final ManageSegments manage = new ManageSegments(segments, memberships,
      new SettleMembership(memberships, new RecordingEventBus(), clock),
      new InMemoryCustomers(), new SegmentUsage(new InMemoryDistributions()), segment -> "act_1", new StartSegmentPurge(jobs),
      SegmentShards.DEFAULT, clock);
  private final PurgeSegmentShard purge = new PurgeSegmentShard(segments, memberships, jobs, PAGE, 2);
  private final Segment vip = segment("seg_vip", 4);
  private final Segment other = segment("seg_other", 4);

  private static Segment segment(String id, int shards) {
    return new Segment(id, "Segment " + id, SegmentType.STATIC, null, shards, 1, T0, T0, null);
  }

  /** {@code count} customers in the segment, every third of them a former member. */
  private void members(Segment segment, int count) {
    segments.create(segment);
    for (int i = 0; i < count; i++) {
      String customer = "cust_" + i;
      memberships.change(segment, customer, Membership.NEVER, true, T0);
      if (i % 3 == 0) memberships.change(segment, customer, new Membership(true, 1, true, T0), false, T0);
    }
  }

  private int stored(Segment segment) {
    return IntStream.range(0, segment.shards()).map(shard -> memberships.stored(segment.id(), shard)).sum();
  }

  /** Runs the queued jobs, and the jobs they put, until none is left; gives how many runs it took. */
  private int drain() {
    int runs = 0;
    for (List<Job> queued = jobs.take(); !queued.isEmpty(); queued = jobs.take()) {
      for (Job job : queued) {
        purge.handle((PurgeJob) job, () -> true);
        runs++;
      }
    }
    return runs;
  }

  @Test
  void deletingASegmentQueuesOnePurgeJobPerShardAndRunningThemRemovesMembersAndFormerMembers() {
    members(vip, 120);
    members(other, 30);
    assertThat(stored(vip)).isEqualTo(120);

    manage.delete(vip.id(), null);

    assertThat(jobs.queued()).containsExactly(PurgeJob.of("seg_vip", 0), PurgeJob.of("seg_vip", 1),
        PurgeJob.of("seg_vip", 2), PurgeJob.of("seg_vip", 3));
    assertThat(jobs.delays()).containsExactly(Duration.ZERO);
    drain();
    assertThat(stored(vip)).isZero();
    assertThat(stored(other)).as("another segment's membership is untouched").isEqualTo(30);
    assertThat(memberships.count(other)).isEqualTo(20);
  }

  @Test
  void aRunThatReachesItsPageLimitPutsTheRestOfItsShardInAFollowUpThenASweep() {
    members(vip, 200);
    segments.delete(vip.id());
    int shard0 = memberships.stored(vip.id(), 0);
    assertThat(shard0).as("enough in shard 0 for two runs").isGreaterThan(2 * PAGE);
    PurgeJob job = PurgeJob.of(vip.id(), 0);

    PurgeSegmentShard.Purge first = purge.handle(job, () -> true);

    assertThat(first.deleted()).isEqualTo(2 * PAGE);
    assertThat(first.pages()).isEqualTo(2);
    assertThat(first.next()).isEqualTo(job);
    assertThat(jobs.take()).containsExactly(job);
    assertThat(memberships.stored(vip.id(), 0)).isEqualTo(shard0 - 2 * PAGE);

    int runs = 1;
    PurgeSegmentShard.Purge last = first;
    while (job.equals(last.next())) {
      jobs.take();
      last = purge.handle(job, () -> true);
      runs++;
    }
    assertThat(runs).isEqualTo(shard0 / (2 * PAGE) + 1);
    assertThat(memberships.stored(vip.id(), 0)).isZero();
    assertThat(last.next()).isEqualTo(job.asSweep());
    assertThat(jobs.queued()).containsExactly(job.asSweep());
    assertThat(jobs.delays().getLast()).isEqualTo(PurgeSegmentShard.SWEEP_DELAY);
    assertThat(stored(vip)).as("the other shards wait for their own jobs").isEqualTo(200 - shard0);
  }

  @Test
  void aRunOutOfTimeStopsAfterOnePageAndFollowsOn() {
    members(vip, 100);
    segments.delete(vip.id());
    PurgeJob job = PurgeJob.of(vip.id(), 1);

    PurgeSegmentShard.Purge run = purge.handle(job, () -> false);

    assertThat(run.pages()).isEqualTo(1);
    assertThat(run.deleted()).isEqualTo(PAGE);
    assertThat(jobs.take()).containsExactly(job);
  }

  @Test
  void theSweepRemovesWhatALateWriterPutAfterTheFirstPassAndQueuesNothingMore() {
    members(vip, 40);
    manage.delete(vip.id(), null);
    List<Job> firstPass = jobs.take();
    firstPass.forEach(job -> purge.handle((PurgeJob) job, () -> true));
    assertThat(stored(vip)).isZero();
    memberships.change(vip, "cust_late", Membership.NEVER, true, T0);
    assertThat(stored(vip)).isEqualTo(1);

    List<Job> sweeps = jobs.take();
    assertThat(sweeps).hasSize(4).allSatisfy(job -> assertThat(((PurgeJob) job).sweep()).isTrue());
    sweeps.forEach(job -> purge.handle((PurgeJob) job, () -> true));

    assertThat(stored(vip)).isZero();
    assertThat(jobs.queued()).isEmpty();
  }

  @Test
  void aJobDeliveredTwiceDeletesNothingElse() {
    members(vip, 60);
    members(other, 60);
    segments.delete(vip.id());
    PurgeJob job = PurgeJob.of(vip.id(), 2);
    purge.handle(job, () -> true);
    drain();

    PurgeSegmentShard.Purge again = purge.handle(job, () -> true);

    assertThat(again.deleted()).isZero();
    assertThat(memberships.stored(vip.id(), 2)).isZero();
    assertThat(stored(other)).isEqualTo(60);
  }

  @Test
  void aSegmentThatStillExistsIsNotPurgedAndTheRunSaysWhy() {
    members(vip, 30);

    PurgeSegmentShard.Purge run = purge.handle(PurgeJob.of(vip.id(), 0), () -> true);

    assertThat(run.skipped()).isEqualTo("segment_exists");
    assertThat(run.deleted()).isZero();
    assertThat(run.summary()).containsEntry("skipped", "segment_exists").containsEntry("segment_id", "seg_vip");
    assertThat(stored(vip)).isEqualTo(30);
    assertThat(jobs.queued()).isEmpty();
  }

  @Test
  void aDeleteRefusedForAStaleVersionQueuesNoPurge() {
    members(vip, 10);
    assertThatThrownBy(() -> manage.delete(vip.id(), 7L)).isInstanceOf(Conflict.class);
    assertThat(segments.get(vip.id())).isPresent();
    assertThat(jobs.queued()).isEmpty();
    assertThat(stored(vip)).isEqualTo(10);
  }
}
