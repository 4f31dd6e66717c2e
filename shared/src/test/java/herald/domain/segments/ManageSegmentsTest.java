package herald.domain.segments;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.common.NotFound;
import herald.domain.common.Page;
import herald.domain.distributions.Action;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Audience;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.SegmentUsage;
import herald.domain.distributions.Trigger;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMemberships;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.fakes.Samples;
import herald.domain.fakes.TestClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManageSegmentsTest {
  private final InMemorySegments segments = new InMemorySegments();
  private final InMemoryMemberships memberships = new InMemoryMemberships();
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final RecordingEventBus bus = new RecordingEventBus();
  private final TestClock clock = new TestClock();
  private final List<Segment> started = new ArrayList<>();
  private final SegmentEvaluations evaluations = segment -> {
    started.add(segment);
    return "act_" + started.size();
  };
  private final List<Segment> purged = new ArrayList<>();
  private final ManageSegments manage = new ManageSegments(segments, memberships,
      new SettleMembership(memberships, bus, clock), customers, new SegmentUsage(distributions),
      evaluations, purged::add, SegmentShards.DEFAULT, clock);

  private String customer(String sourceId) {
    return customers.save(Samples.customer(sourceId)).id();
  }

  private Segment vip(String... customerIds) {
    return manage.create(new SegmentDraft("VIP", SegmentType.STATIC, null, List.of(customerIds))).segment();
  }

  @Test
  void aMemberErasedWhileBeingAddedLeavesAgain() {
    String ada = customer("ada");
    Segment vip = vip();
    memberships.beforeNextChange(() -> customers.erase(ada));

    manage.addMembers(vip.id(), List.of(ada));

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThat(memberships.standing(vip, ada).member()).isFalse();
  }

  @Test
  void createsNewSegmentsInTheConfiguredShardsAndKeepsThemThere() {
    ManageSegments in64 = new ManageSegments(segments, memberships, new SettleMembership(memberships, bus, clock),
        customers, new SegmentUsage(distributions), evaluations, purged::add, new SegmentShards(64), clock);
    String ada = customer("ada");

    Segment created = in64.create(new SegmentDraft("VIP", SegmentType.STATIC, null, List.of(ada))).segment();

    assertThat(created.shards()).isEqualTo(64);
    assertThat(segments.get(created.id()).orElseThrow().shards()).isEqualTo(64);
    assertThat(memberships.standing(created, ada).member()).isTrue();
    assertThat(vip().shards()).isEqualTo(Segment.DEFAULT_SHARDS);
  }

  @Test
  void createsAStaticSegmentWithItsFirstMembers() {
    String ada = customer("ada");
    String bob = customer("bob");
    CountedSegment created = manage.create(new SegmentDraft("VIP", SegmentType.STATIC, null, List.of(ada, bob, ada)));

    assertThat(created.memberCount()).isEqualTo(2);
    assertThat(created.segment().version()).isEqualTo(1);
    assertThat(segments.get(created.segment().id())).contains(created.segment());
    assertThat(bus.events()).extracting(TriggerEvent::type).containsOnly(SegmentEvents.ENTERED).hasSize(2);
    assertThat(started).isEmpty();
  }

  @Test
  void refusesAnUnknownFirstMemberByItsPositionAndCreatesNothing() {
    String ada = customer("ada");
    assertThatThrownBy(() -> vip(ada, "cust_nobody"))
        .isInstanceOfSatisfying(Invalid.class, e -> {
          assertThat(e.code()).isEqualTo("unknown_customer");
          assertThat(e.field()).isEqualTo("customer_ids[1]");
        });
    assertThat(segments.all()).isEmpty();
    assertThat(bus.events()).isEmpty();
  }

  @Test
  void createsAnAutoUpdateSegmentAndStartsItsBackgroundEvaluation() {
    CountedSegment created = manage.create(new SegmentDraft("Gold", SegmentType.AUTO_UPDATE,
        EvaluateSegmentsTest.GOLD, null));

    assertThat(started).extracting(Segment::id).containsExactly(created.segment().id());
    assertThat(created.segment().evaluationId()).isEqualTo("act_1");
    assertThat(manage.get(created.segment().id()).evaluationId()).isEqualTo("act_1");
    assertThat(created.memberCount()).isZero();
  }

  @Test
  void aDraftRefusesWhatItsTypeDoesNotTake() {
    assertThatThrownBy(() -> new SegmentDraft("Gold", SegmentType.AUTO_UPDATE, EvaluateSegmentsTest.GOLD,
        List.of("cust_1"))).isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("customer_ids"));
    assertThatThrownBy(() -> new SegmentDraft("VIP", SegmentType.STATIC, EvaluateSegmentsTest.GOLD, null))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("rules"));
    assertThatThrownBy(() -> new SegmentDraft("Gold", SegmentType.AUTO_UPDATE, null, null))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("missing_field"));
    List<String> tooMany = java.util.Collections.nCopies(1001, "cust_1");
    assertThatThrownBy(() -> new SegmentDraft("VIP", SegmentType.STATIC, null, tooMany))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("too_many"));
  }

  @Test
  void renamingKeepsTheRulesAndStartsNoEvaluation() {
    Segment gold = manage.create(new SegmentDraft("Gold", SegmentType.AUTO_UPDATE, EvaluateSegmentsTest.GOLD, null))
        .segment();
    clock.advance(java.time.Duration.ofMinutes(1));
    Segment renamed = manage.update(gold.id(), new SegmentEdit("Golden", null, null), 1).segment();

    assertThat(renamed.name()).isEqualTo("Golden");
    assertThat(renamed.version()).isEqualTo(2);
    assertThat(renamed.updatedAt()).isEqualTo(clock.instant());
    assertThat(renamed.evaluationId()).isEqualTo("act_1");
    assertThat(started).hasSize(1);
  }

  @Test
  void newRulesStartANewEvaluation() {
    Segment gold = manage.create(new SegmentDraft("Gold", SegmentType.AUTO_UPDATE, EvaluateSegmentsTest.GOLD, null))
        .segment();
    SegmentRule silver = (c, now) -> "silver".equals(c.metadata().get("plan"));
    Segment edited = manage.update(gold.id(), new SegmentEdit(null, SegmentType.AUTO_UPDATE, silver), 1).segment();

    assertThat(edited.rule()).isSameAs(silver);
    assertThat(edited.evaluationId()).isEqualTo("act_2");
    assertThat(started).extracting(Segment::rule).containsExactly(EvaluateSegmentsTest.GOLD, silver);
    assertThat(manage.get(gold.id())).isEqualTo(edited);
  }

  @Test
  void anEditOfAnOldVersionIsAConflictAndChangesNothing() {
    Segment segment = vip();
    manage.update(segment.id(), new SegmentEdit("VIP 2", null, null), 1);
    assertThatThrownBy(() -> manage.update(segment.id(), new SegmentEdit("VIP 3", null, null), 1))
        .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("version_conflict"));
    assertThat(manage.get(segment.id()).name()).isEqualTo("VIP 2");
  }

  @Test
  void theTypeCannotChangeNorAStaticSegmentGetRules() {
    Segment segment = vip();
    assertThatThrownBy(() -> manage.update(segment.id(), new SegmentEdit(null, SegmentType.AUTO_UPDATE, null), 1))
        .isInstanceOfSatisfying(Invalid.class, e -> {
          assertThat(e.code()).isEqualTo("immutable_field");
          assertThat(e.field()).isEqualTo("type");
        });
    assertThatThrownBy(() -> manage.update(segment.id(), new SegmentEdit(null, null, EvaluateSegmentsTest.GOLD), 1))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.field()).isEqualTo("rules"));
    assertThat(manage.get(segment.id())).isEqualTo(segment);
  }

  @Test
  void aSegmentADistributionUsesCannotBeDeleted() {
    Segment audience = vip();
    Segment trigger = vip();
    Segment unused = vip();
    distributions.create(new Distribution("dist_a", "To VIPs", null, DistributionStatus.DRAFT, Samples.manual(),
        Audience.segment(audience.id()), Action.of(ActionType.PLAIN_MESSAGE), List.of(Samples.email()), 1, T0, T0));
    distributions.create(Samples.distribution("dist_t", DistributionStatus.ARCHIVED,
        new Trigger(SegmentEvents.ENTERED, Map.of("segment_id", trigger.id()))));

    for (Segment used : List.of(audience, trigger)) {
      assertThatThrownBy(() -> manage.delete(used.id(), null))
          .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.code()).isEqualTo("segment_in_use"));
      assertThat(segments.get(used.id())).isPresent();
    }
    assertThat(purged).as("a segment still in use keeps its membership").isEmpty();
    manage.delete(unused.id(), 1L);
    assertThat(segments.get(unused.id())).isEmpty();
    assertThat(purged).as("the deleted segment's membership is purged").containsExactly(unused);
    assertThatThrownBy(() -> manage.delete(unused.id(), null)).isInstanceOf(NotFound.class);
    assertThat(purged).hasSize(1);
  }

  @Test
  void addingMembersSaysWhoWasInAlready() {
    String ada = customer("ada");
    String bob = customer("bob");
    Segment segment = vip(ada);

    assertThat(manage.addMembers(segment.id(), List.of(ada, bob, bob))).isEqualTo(new MembersAdded(1, 1));
    assertThat(manage.counted(segment.id()).memberCount()).isEqualTo(2);
    assertThat(bus.events()).hasSize(2);
  }

  @Test
  void addingAnUnknownCustomerAddsNoOne() {
    String ada = customer("ada");
    Segment segment = vip();
    assertThatThrownBy(() -> manage.addMembers(segment.id(), List.of(ada, "cust_nobody")))
        .isInstanceOfSatisfying(Invalid.class, e -> {
          assertThat(e.code()).isEqualTo("unknown_customer");
          assertThat(e.field()).isEqualTo("customer_ids[1]");
        });
    assertThat(manage.counted(segment.id()).memberCount()).isZero();
  }

  @Test
  void theMembersOfAnAutoUpdateSegmentFollowOnlyItsRules() {
    String ada = customer("ada");
    Segment gold = manage.create(new SegmentDraft("Gold", SegmentType.AUTO_UPDATE, EvaluateSegmentsTest.GOLD, null))
        .segment();
    assertThatThrownBy(() -> manage.addMembers(gold.id(), List.of(ada)))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("static_only"));
    assertThatThrownBy(() -> manage.removeMember(gold.id(), ada))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("static_only"));
  }

  @Test
  void removingAMemberPutsALeftEventAndRemovingAgainIsNotFound() {
    String ada = customer("ada");
    Segment segment = vip(ada);
    manage.removeMember(segment.id(), ada);

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED, SegmentEvents.LEFT);
    assertThatThrownBy(() -> manage.removeMember(segment.id(), ada)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> manage.removeMember(segment.id(), "cust_nobody")).isInstanceOf(NotFound.class);
  }

  @Test
  void membersArePagedThroughEveryShard() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 37; i++) ids.add(customer("c" + i));
    Segment segment = vip(ids.toArray(String[]::new));

    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<Member> page = manage.members(segment.id(), cursor, 5);
      assertThat(page.items().size()).isLessThanOrEqualTo(5);
      page.items().forEach(m -> assertThat(seen.add(m.customerId())).isTrue());
      cursor = page.next();
      pages++;
    } while (cursor != null);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(pages).isBetween(8, 9);
  }

  @Test
  void aCursorThisApiDidNotMakeIsRefused() {
    Segment segment = vip();
    for (String bad : List.of("x", "99.", "-1.", "abc.def")) {
      assertThatThrownBy(() -> manage.members(segment.id(), bad, 5))
          .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
    }
  }

  @Test
  void anUnknownSegmentIsNotFound() {
    assertThatThrownBy(() -> manage.counted("seg_nope")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> manage.members("seg_nope", null, 5)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> manage.addMembers("seg_nope", List.of("c"))).isInstanceOf(NotFound.class);
  }
}
