package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SqsSegmentScans;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.domain.distributions.SegmentUsage;
import herald.domain.segments.Memberships;
import herald.domain.segments.SegmentScans;
import herald.domain.segments.SegmentShards;
import herald.domain.segments.SegmentUsers;
import herald.domain.segments.Segments;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The segments and their sharded membership (SEGMENTS_TABLE, SEGMENT_MEMBERS_TABLE; a new segment's shards
 * HERALD_SEGMENT_SHARDS, the template's SegmentShards, 16 when unset), and the queue of the parts of segment scans,
 * which the segments function runs (SEGMENT_SCANS_QUEUE_URL).
 */
@Module
public abstract class SegmentsModule {
  private SegmentsModule() {}

  @Provides @Singleton static Segments segments(DynamoDbClient dynamo, Env env) {
    return new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE"));
  }

  @Provides @Singleton static Memberships memberships(DynamoDbClient dynamo, Env env) {
    return new DynamoDbMemberships(dynamo, env.get("SEGMENT_MEMBERS_TABLE"));
  }

  @Provides static SegmentShards segmentShards(Env env) {
    return env.optional("HERALD_SEGMENT_SHARDS").map(n -> new SegmentShards(Integer.parseInt(n.trim())))
        .orElse(SegmentShards.DEFAULT);
  }

  @Provides @Singleton static SegmentScans segmentScans(SqsClient sqs, Env env) {
    return new SqsSegmentScans(sqs, env.get("SEGMENT_SCANS_QUEUE_URL"));
  }

  @Binds abstract SegmentUsers segmentUsers(SegmentUsage usage);
}
