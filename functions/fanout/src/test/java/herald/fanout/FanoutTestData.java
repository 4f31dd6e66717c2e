package herald.fanout;

import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.webhook.WebhookChannel;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.Trigger;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.testing.StandIns;
import herald.testing.TestChannels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The segment, members and distribution events/fanout-segment-shard.json refers to, in a fresh environment. */
final class FanoutTestData {
  static final String DISTRIBUTION_ID = "dist_sale";
  static final String SEGMENT_ID = "seg_vip";
  private final Env env;

  FanoutTestData(Env env) {
    this.env = env;
  }

  /** A one-shard segment with {@code count} members, cust_0000 onwards; returns their ids. */
  List<String> segmentWithMembers(int count) throws Exception {
    Instant now = Instant.now();
    Segment segment = new Segment(SEGMENT_ID, "VIP", SegmentType.STATIC, null, 1, 1, now, now, null);
    new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE")).create(segment);
    DynamoDbMemberships memberships = new DynamoDbMemberships(StandIns.dynamo(env), env.get("SEGMENT_MEMBERS_TABLE"));
    List<String> ids = new ArrayList<>();
    try (var executor = Executors.newFixedThreadPool(16)) {
      List<Future<Boolean>> writes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = String.format("cust_%04d", i);
        ids.add(id);
        writes.add(executor.submit(() -> memberships.change(segment, id, Membership.NEVER, true, now)));
      }
      for (Future<Boolean> write : writes) write.get();
    }
    return ids;
  }

  /** The distribution sending order-paid events to the segment, by email and webhook. */
  void distribution(DistributionStatus status) {
    Instant now = Instant.now();
    new DynamoDbDistributions(StandIns.dynamo(env), env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds()).create(new Distribution(
        DISTRIBUTION_ID, "Sale", null, status, new Trigger("customer.order.paid", Map.of()),
        Audience.segment(SEGMENT_ID), Action.of(ActionType.PLAIN_MESSAGE),
        List.of(new EmailChannel("Sale", "<p>Sale</p>", "Sale"),
            new WebhookChannel("http://127.0.0.1:9/hook", "whsec_YS13ZWJob29rLXNlY3JldC1vZi0zMi1jaGFyYWN0ZXJz", null, null)),
        1, now, now));
  }
}
