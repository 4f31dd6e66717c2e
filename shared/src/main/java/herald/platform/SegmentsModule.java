package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.domain.customers.CustomerChanges;
import herald.domain.distributions.SegmentUsage;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.Memberships;
import herald.domain.segments.SegmentUsers;
import herald.domain.segments.Segments;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The segments and their sharded membership (SEGMENTS_TABLE, SEGMENT_MEMBERS_TABLE), and the evaluation that
 * every change to a customer goes through ({@link CustomerChanges}).
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

  @Binds abstract CustomerChanges customerChanges(EvaluateSegments evaluate);

  @Binds abstract SegmentUsers segmentUsers(SegmentUsage usage);
}
