package herald.domain.fakes;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.common.Page;
import herald.domain.segments.Member;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segment fakes behave as the ports say (and as DynamoDbMembershipsTest shows the adapter does). */
class SegmentFakesTest {
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final Segment segment = new Segment("seg_a", "A", SegmentType.STATIC, null, 3, 1, T0, T0, null);

  @Test
  void aChangeWritesOnlyFromTheStandingExpectedAndAnnouncedClearsOnlyItsSeq() {
    assertThat(memberships.change(segment, "c1", Membership.NEVER, true, T0)).isTrue();
    assertThat(memberships.change(segment, "c1", Membership.NEVER, false, T0)).isFalse();
    Membership in = memberships.of("c1", List.of(segment)).get("seg_a");
    assertThat(in).isEqualTo(new Membership(true, 1, true, T0));
    memberships.change(segment, "c1", in, false, T0);
    memberships.announced(segment, "c1", 1);
    assertThat(memberships.standing(segment, "c1")).isEqualTo(new Membership(false, 2, true, T0));
    memberships.announced(segment, "c1", 2);
    assertThat(memberships.standing(segment, "c1").pending()).isFalse();
  }

  @Test
  void membersPagesEachShardsCurrentMembersOnly() {
    for (int i = 0; i < 20; i++) memberships.change(segment, "c" + i, Membership.NEVER, true, T0);
    memberships.change(segment, "c3", memberships.standing(segment, "c3"), false, T0);

    List<Member> all = new ArrayList<>();
    for (int shard = 0; shard < 3; shard++) {
      String cursor = null;
      do {
        Page<Member> page = memberships.members("seg_a", shard, cursor, 2);
        assertThat(page.items().size()).isLessThanOrEqualTo(2);
        all.addAll(page.items());
        cursor = page.next();
      } while (cursor != null);
    }
    assertThat(all).hasSize(19).extracting(Member::customerId).doesNotContain("c3").doesNotHaveDuplicates();
    assertThat(memberships.count(segment)).isEqualTo(19);
  }

  @Test
  void segmentsReplaceOnlyOverTheExpectedVersion() {
    InMemorySegments segments = new InMemorySegments();
    assertThat(segments.create(segment)).isTrue();
    assertThat(segments.create(segment)).isFalse();
    Segment renamed = segment.edit("B", null, T0);
    assertThat(segments.replace(renamed, 2)).isFalse();
    assertThat(segments.replace(renamed, 1)).isTrue();
    assertThat(segments.get("seg_a")).contains(renamed);
  }
}
