package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Purging a deleted segment's shards removes every item stored for them, former members too, and nothing else. */
class DynamoDbMembershipPurgeTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private final Segment big = segment("seg_big", 3);
  private final Segment kept = segment("seg_kept", 3);
  private DynamoDbClient dynamo;
  private String table;
  private DynamoDbMemberships memberships;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    dynamo = StandIns.dynamo(env);
    table = env.get("SEGMENT_MEMBERS_TABLE");
    memberships = new DynamoDbMemberships(dynamo, table);
  }

  private static Segment segment(String id, int shards) {
    return new Segment(id, "Segment " + id, SegmentType.STATIC, null, shards, 1, T0, T0, null);
  }

  /** {@code count} customers entered, every fourth of them left again (a former member, off the index). */
  private void members(Segment segment, int count) {
    IntStream.range(0, count).parallel().forEach(i -> {
      String customer = "cust_" + i;
      memberships.change(segment, customer, Membership.NEVER, true, T0);
      if (i % 4 == 0) memberships.change(segment, customer, new Membership(true, 1, true, T0), false, T0);
    });
  }

  /** The items stored in the shard, read from the table itself (the Members index lists members only). */
  private int stored(Segment segment, int shard) {
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = dynamo.query(r -> r.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(segment.id() + "#" + shard)))
          .exclusiveStartKey(from));
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  @Test
  void purgingEveryShardPageByPageLeavesNoItemOfTheSegmentAndKeepsAnotherSegments() {
    members(big, 1_200);
    members(kept, 90);
    List<Integer> before = IntStream.range(0, big.shards()).mapToObj(shard -> stored(big, shard)).toList();
    assertThat(before.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_200);
    assertThat(memberships.count(big)).isEqualTo(900);

    int deleted = 0;
    for (int shard = 0; shard < big.shards(); shard++) {
      List<Integer> pages = new ArrayList<>();
      int page;
      do {
        page = memberships.purge(big.id(), shard, 150);
        pages.add(page);
      } while (page == 150);
      assertThat(pages.stream().mapToInt(Integer::intValue).sum()).as("shard " + shard).isEqualTo(before.get(shard));
      assertThat(pages.getFirst()).as("a full page while more are left").isEqualTo(150);
      deleted += pages.stream().mapToInt(Integer::intValue).sum();
    }

    assertThat(deleted).isEqualTo(1_200);
    for (int shard = 0; shard < big.shards(); shard++) assertThat(stored(big, shard)).isZero();
    assertThat(memberships.count(big)).isZero();
    assertThat(memberships.of("cust_4", List.of(big)).get(big.id())).isEqualTo(Membership.NEVER);
    assertThat(IntStream.range(0, kept.shards()).map(shard -> stored(kept, shard)).sum()).isEqualTo(90);
    assertThat(memberships.count(kept)).isEqualTo(67);
  }

  @Test
  void purgingAShardAgainDeletesNothingMoreAndLeavesTheOtherShards() {
    members(big, 30);
    int inShard1 = stored(big, 1);
    int others = stored(big, 0) + stored(big, 2);
    assertThat(inShard1).isPositive();

    assertThat(memberships.purge(big.id(), 1, 500)).isEqualTo(inShard1);
    assertThat(memberships.purge(big.id(), 1, 500)).isZero();
    assertThat(memberships.purge("seg_never", 0, 500)).isZero();

    assertThat(stored(big, 1)).isZero();
    assertThat(stored(big, 0) + stored(big, 2)).isEqualTo(others);
  }
}
