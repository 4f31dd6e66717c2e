package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.SegmentRuleJson;
import herald.domain.common.Invalid;
import herald.domain.common.Page;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentRule;
import herald.domain.segments.SegmentType;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbSegmentsTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final SegmentRule RULE = SegmentRuleJson.parse(Json.parse("""
      {"and": [{"field": "metadata.plan", "operator": "equals", "value": "gold"},
               {"or": [{"field": "orders.total_amount", "operator": "greater_than", "value": 10000},
                       {"field": "events.signed_up.last_at", "operator": "after", "value": {"days_ago": 30}}]}]}
      """), "rules");
  private DynamoDbSegments segments;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    segments = new DynamoDbSegments(StandIns.dynamo(env), env.get("SEGMENTS_TABLE"));
  }

  static Segment auto(String id, Instant created) {
    return new Segment(id, "Gold", SegmentType.AUTO_UPDATE, RULE, 16, 1, created, created, "act_1");
  }

  static Segment staticSegment(String id, Instant created) {
    return new Segment(id, "VIP", SegmentType.STATIC, null, 8, 1, created, created, null);
  }

  @Test
  void storesAndReadsBackEveryPartIncludingTheRules() {
    Segment gold = auto("seg_gold", T0.plusNanos(123_456_789));
    Segment vip = staticSegment("seg_vip", T0);
    assertThat(segments.create(gold)).isTrue();
    assertThat(segments.create(vip)).isTrue();

    assertThat(segments.get("seg_gold")).contains(gold);
    assertThat(segments.get("seg_vip")).contains(vip);
    assertThat(segments.get("seg_missing")).isEmpty();
  }

  @Test
  void createRefusesAnIdThatExists() {
    segments.create(staticSegment("seg_a", T0));
    assertThat(segments.create(auto("seg_a", T0))).isFalse();
    assertThat(segments.get("seg_a").orElseThrow().type()).isEqualTo(SegmentType.STATIC);
  }

  @Test
  void replaceWritesOnlyOverTheExpectedVersion() {
    Segment gold = auto("seg_gold", T0);
    segments.create(gold);
    Segment renamed = gold.edit("Platinum", RULE, T0.plusSeconds(1));
    assertThat(segments.replace(renamed, 1)).isTrue();
    assertThat(segments.replace(gold.edit("Silver", RULE, T0.plusSeconds(2)), 1)).isFalse();
    assertThat(segments.get("seg_gold")).contains(renamed);
  }

  @Test
  void deleteSaysWhetherThereWasASegment() {
    segments.create(staticSegment("seg_a", T0));
    assertThat(segments.delete("seg_a")).isTrue();
    assertThat(segments.delete("seg_a")).isFalse();
    assertThat(segments.get("seg_a")).isEmpty();
  }

  @Test
  void allReadsEverySegment() {
    for (int i = 0; i < 30; i++) segments.create(i % 2 == 0 ? auto("seg_" + i, T0) : staticSegment("seg_" + i, T0));
    assertThat(segments.all()).hasSize(30).filteredOn(Segment::autoUpdate).hasSize(15);
  }

  @Test
  void listPagesInCreationOrder() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      segments.create(staticSegment("seg_" + (char) ('g' - i), T0.plusMillis(i * 300L)));
      created.add("seg_" + (char) ('g' - i));
    }
    List<String> listed = new ArrayList<>();
    String cursor = null;
    do {
      Page<Segment> page = segments.list(cursor, 3);
      assertThat(page.items().size()).isLessThanOrEqualTo(3);
      page.items().forEach(s -> listed.add(s.id()));
      cursor = page.next();
    } while (cursor != null);
    assertThat(listed).isEqualTo(created);
  }

  @Test
  void listRefusesACursorItDidNotMake() {
    assertThatThrownBy(() -> segments.list("bm90LWEtY3Vyc29y", 10)).isInstanceOf(Invalid.class)
        .extracting(e -> ((Invalid) e).code()).isEqualTo("invalid_cursor");
  }
}
