package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.domain.common.Page;
import herald.domain.segments.Member;
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

class DynamoDbMembershipsTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456Z");
  private final Segment segment = segment("seg_a", 4);
  private DynamoDbMemberships memberships;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    memberships = new DynamoDbMemberships(StandIns.dynamo(env), env.get("SEGMENT_MEMBERS_TABLE"));
  }

  static Segment segment(String id, int shards) {
    return new Segment(id, "Segment " + id, SegmentType.STATIC, null, shards, 1, T0, T0, null);
  }

  @Test
  void aCustomerNeverInTheSegmentHasNoStanding() {
    assertThat(memberships.of("cust_1", List.of(segment))).containsExactly(Map.entry("seg_a", Membership.NEVER));
  }

  @Test
  void enteringWritesAPendingStandingWithTheNextSeqUntilAnnounced() {
    assertThat(memberships.change(segment, "cust_1", Membership.NEVER, true, T0)).isTrue();
    assertThat(memberships.of("cust_1", List.of(segment)).get("seg_a")).isEqualTo(new Membership(true, 1, true, T0));

    memberships.announced(segment, "cust_1", 1);
    assertThat(memberships.of("cust_1", List.of(segment)).get("seg_a")).isEqualTo(new Membership(true, 1, false, T0));
  }

  @Test
  void aChangeFromAStaleStandingWritesNothing() {
    memberships.change(segment, "cust_1", Membership.NEVER, true, T0);
    assertThat(memberships.change(segment, "cust_1", Membership.NEVER, true, T0.plusSeconds(1))).isFalse();
    Membership in = memberships.of("cust_1", List.of(segment)).get("seg_a");
    Instant later = T0.plusSeconds(5);
    assertThat(memberships.change(segment, "cust_1", in, false, later)).isTrue();
    assertThat(memberships.change(segment, "cust_1", in, false, later)).isFalse();
    assertThat(memberships.of("cust_1", List.of(segment)).get("seg_a")).isEqualTo(new Membership(false, 2, true, later));
  }

  @Test
  void announcingAnEarlierSeqLeavesTheLaterTransitionPending() {
    memberships.change(segment, "cust_1", Membership.NEVER, true, T0);
    memberships.change(segment, "cust_1", new Membership(true, 1, true, T0), false, T0);
    memberships.announced(segment, "cust_1", 1);
    assertThat(memberships.of("cust_1", List.of(segment)).get("seg_a").pending()).isTrue();
  }

  @Test
  void readsTheStandingInManySegmentsAtOnce() {
    List<Segment> segments = IntStream.range(0, 230).mapToObj(i -> segment("seg_" + i, 3)).toList();
    for (int i = 0; i < segments.size(); i += 2) memberships.change(segments.get(i), "cust_1", Membership.NEVER, true, T0);

    Map<String, Membership> standing = memberships.of("cust_1", segments);
    assertThat(standing).hasSize(230);
    assertThat(standing.values().stream().filter(Membership::member)).hasSize(115);
    assertThat(standing.get("seg_2").member()).isTrue();
    assertThat(standing.get("seg_3")).isEqualTo(Membership.NEVER);
  }

  @Test
  void listsAndCountsOnlyCurrentMembersOfEachShardInCustomerOrder() {
    for (int i = 0; i < 40; i++) memberships.change(segment, "cust_" + i, Membership.NEVER, true, T0);
    memberships.change(segment, "cust_7", new Membership(true, 1, true, T0), false, T0);

    List<Member> all = new ArrayList<>();
    for (int shard = 0; shard < segment.shards(); shard++) {
      List<Member> ofShard = new ArrayList<>();
      String cursor = null;
      do {
        Page<Member> page = memberships.members("seg_a", shard, cursor, 3);
        assertThat(page.items().size()).isLessThanOrEqualTo(3);
        ofShard.addAll(page.items());
        cursor = page.next();
      } while (cursor != null);
      int current = shard;
      assertThat(ofShard).allSatisfy(m -> assertThat(segment.shardOf(m.customerId())).isEqualTo(current));
      assertThat(ofShard).extracting(Member::customerId).isSorted();
      all.addAll(ofShard);
    }
    assertThat(all).hasSize(39).extracting(Member::customerId).doesNotContain("cust_7");
    assertThat(all).allSatisfy(m -> {
      assertThat(m.seq()).isEqualTo(1);
      assertThat(m.enteredAt()).isEqualTo(T0);
    });
    assertThat(memberships.count(segment)).isEqualTo(39);
  }

  @Test
  void aFormerMemberWhoEntersAgainIsListedAgainWithTheNewSeq() {
    memberships.change(segment, "cust_1", Membership.NEVER, true, T0);
    memberships.change(segment, "cust_1", new Membership(true, 1, false, T0), false, T0.plusSeconds(1));
    memberships.change(segment, "cust_1", new Membership(false, 2, false, T0), true, T0.plusSeconds(2));

    Page<Member> page = memberships.members("seg_a", segment.shardOf("cust_1"), null, 10);
    assertThat(page.items()).containsExactly(new Member("cust_1", 3, T0.plusSeconds(2)));
    assertThat(page.next()).isNull();
  }
}
