package herald.domain.fanout;

import static herald.domain.fakes.Samples.T0;

import herald.domain.channels.Channel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingFanoutQueue;
import herald.domain.fakes.RecordingSendQueue;
import herald.domain.fakes.Samples;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The fan-out's ports as fakes, a segment to fill and distributions that send to it. */
final class FanoutFixture {
  static final LongSupplier PLENTY_OF_TIME = () -> 120_000;
  final InMemoryDistributions distributions = new InMemoryDistributions();
  final InMemorySegments segments = new InMemorySegments();
  final InMemoryMemberships memberships = new InMemoryMemberships();
  final RecordingSendQueue sendQueue = new RecordingSendQueue();
  final RecordingFanoutQueue fanoutQueue = new RecordingFanoutQueue();

  FanOut fanOut(FanOut.Limits limits) {
    return new FanOut(distributions, segments, memberships, sendQueue, fanoutQueue, limits);
  }

  Segment segment(String id, int shards) {
    Segment segment = new Segment(id, "Segment " + id, SegmentType.STATIC, null, shards, 1, T0, T0, null);
    segments.create(segment);
    return segment;
  }

  /** Adds customers cust_000.. to the segment; returns their ids. */
  List<String> members(Segment segment, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("cust_%03d", i);
      memberships.change(segment, id, Membership.NEVER, true, T0.plusSeconds(i));
      ids.add(id);
    }
    return ids;
  }

  /** Moves a member out and in again: their standing gets a new seq (3). */
  void leaveAndEnter(Segment segment, String customerId) {
    Membership in = memberships.standing(segment, customerId);
    memberships.change(segment, customerId, in, false, T0.plusSeconds(3600));
    memberships.change(segment, customerId, memberships.standing(segment, customerId), true, T0.plusSeconds(7200));
  }

  static Distribution toSegment(String id, String segmentId, DistributionStatus status) {
    return new Distribution(id, "Sale", null, status, Samples.orderPaid(), Audience.segment(segmentId),
        Action.of(ActionType.PLAIN_MESSAGE), channels(), 1, T0, T0);
  }

  static Distribution onEntry(String id, String segmentId, boolean includeExisting, DistributionStatus status) {
    return new Distribution(id, "Welcome to the club", null, status, new Trigger("customer.segment.entered",
        Map.of("segment_id", segmentId, "include_existing_members", includeExisting)), Audience.eventCustomer(),
        Action.of(ActionType.PLAIN_MESSAGE), channels(), 1, T0, T0);
  }

  static List<Channel> channels() {
    return List.of(Samples.email(),
        new WebhookChannel("https://hooks.example.com/in", "whsec_YS13ZWJob29rLXNlY3JldC1vZi0zMi1jaGFyYWN0ZXJz", null, null));
  }

  /** Runs the fan-out jobs put, and the follow-ups they put, until none is left; returns how many ran. */
  int drain(FanOut fanOut, LongSupplier remaining) {
    int runs = 0;
    for (List<FanoutJob> next = fanoutQueue.take(); !next.isEmpty(); next = fanoutQueue.take()) {
      for (FanoutJob job : next) {
        fanOut.run(job, remaining);
        runs++;
      }
    }
    return runs;
  }

  List<String> messageIds() {
    return sendQueue.jobs().stream().map(SendJob::messageId).toList();
  }
}
