package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.aws.SqsCustomerChanges;
import herald.adapters.dynamodb.DynamoDbChangedCustomers;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.json.CustomerChangeJson;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemorySegments;
import herald.domain.fakes.RecordingEventBus;
import herald.domain.intake.EraseCustomer;
import herald.domain.intake.UpsertCustomer;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.FollowCustomer;
import herald.domain.segments.Membership;
import herald.domain.segments.Segment;
import herald.domain.segments.SegmentEvents;
import herald.domain.segments.SegmentRule;
import herald.domain.segments.SegmentType;
import herald.domain.segments.SettleMembership;
import herald.domain.segments.SweepChanges;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The guarantees of customer changes flowing one way (writers save, mark and announce; the segments function
 * follows), against DynamoDB's conditional writes (dynalite) and an SQS queue (ElasticMQ): each transition
 * announced once, none lost when a writer dies between writing and announcing, and membership ending as the latest
 * profile says however the announcements arrive.
 */
class CustomerChangesRaceTest {
  private static final SegmentRule GOLD = (customer, now) -> "gold".equals(customer.metadata().get("plan"));
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String ADA = Customer.idFor("ada");
  private final Segment gold = new Segment("seg_gold", "Gold", SegmentType.AUTO_UPDATE, GOLD, 16, 1, T0, T0, null);
  private final RecordingEventBus bus = new RecordingEventBus();
  private final ExecutorService pool = Executors.newFixedThreadPool(12);
  private Env env;
  private SqsClient sqs;
  private DynamoDbCustomers customers;
  private DynamoDbChangedCustomers changed;
  private DynamoDbMemberships memberships;
  private FollowCustomer follow;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv();
    sqs = StandIns.sqs(env);
    customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    changed = new DynamoDbChangedCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    memberships = new DynamoDbMemberships(StandIns.dynamo(env), env.get("SEGMENT_MEMBERS_TABLE"));
    follow = following(Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private FollowCustomer following(Clock clock) {
    InMemorySegments segments = new InMemorySegments();
    segments.create(gold);
    return new FollowCustomer(changed, new EvaluateSegments(segments, new SettleMembership(memberships, bus, clock),
        customers, clock));
  }

  private UpsertCustomer upsert(CustomerChanges changes) {
    return new UpsertCustomer(customers, changes, Clock.systemUTC());
  }

  /** Ada on this plan, with {@code key} set to {@code value} (so that every save changes her). */
  private static CustomerProfile plan(String plan, String key, Object value) {
    return new CustomerProfile("ada", null, null, null, Map.of("plan", plan, key, value));
  }

  private static CustomerProfile plan(String plan, String key) {
    return plan(plan, key, plan);
  }

  @Test
  void twelveFollowersOfOneChangedCustomerPutOneEnteredEvent() throws Exception {
    upsert(CustomerChanges.NONE).upsert(plan("gold", "k"));

    all(12, i -> follow.follow(ADA));

    assertThat(transitions()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED);
    assertThat(standing()).isEqualTo(new Membership(true, 1, false, standing().changedAt()));
    assertThat(marked()).isFalse();
  }

  @Test
  void aChangeWrittenButNeverAnnouncedIsFollowedByTheSweepOnce() {
    CustomerChanges dies = ids -> {
      throw new IllegalStateException("the process died before announcing");
    };
    assertThatThrownBy(() -> upsert(dies).upsert(plan("gold", "k"))).hasMessageContaining("died");
    assertThat(queued()).isZero();
    assertThat(customers.get(ADA)).isPresent();
    assertThat(marked()).isTrue();
    Clock afterGrace = Clock.offset(Clock.systemUTC(), SweepChanges.GRACE.plusSeconds(5));
    SweepChanges sweep = new SweepChanges(changed, following(afterGrace), afterGrace);
    assertThat(new SweepChanges(changed, follow, Clock.systemUTC()).sweep(() -> true).followed())
        .as("within the grace period the announcement may still be on its way").isZero();

    assertThat(sweep.sweep(() -> true).followed()).isEqualTo(1);
    assertThat(sweep.sweep(() -> true).followed()).isZero();

    assertThat(bus.events()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED);
    assertThat(bus.events().getFirst().id()).isEqualTo(SegmentEvents.transition(gold, ADA, "ada", 1, true, T0).id());
    assertThat(marked()).isFalse();
  }

  @Test
  void anEraseNeverAnnouncedIsFollowedByTheSweepWhichTakesTheCustomerOutAndForgetsThem() {
    upsert(CustomerChanges.NONE).upsert(plan("gold", "k"));
    follow.follow(ADA);
    CustomerChanges dies = ids -> {
      throw new IllegalStateException("the process died before announcing");
    };
    assertThatThrownBy(() -> new EraseCustomer(customers, dies).erase(ADA)).hasMessageContaining("died");
    assertThat(customers.get(ADA)).isEmpty();
    Clock afterGrace = Clock.offset(Clock.systemUTC(), SweepChanges.GRACE.plusSeconds(5));

    new SweepChanges(changed, following(afterGrace), afterGrace).sweep(() -> true);

    assertThat(transitions()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED,
        SegmentEvents.LEFT);
    assertThat(changed.stored(ADA)).isEmpty();
    assertThat(standing().member()).isFalse();
  }

  @Test
  void aStaleEvaluationDoesNotClearTheMarkOfANewerSave() {
    UpsertCustomer upsert = upsert(CustomerChanges.NONE);
    Customer silver = upsert.upsert(plan("silver", "k"));
    upsert.upsert(plan("gold", "k"));

    follow.saved(silver);   // an evaluation of the profile it had just read, finishing after the newer save

    assertThat(bus.events()).isEmpty();
    assertThat(marked()).as("the newer save keeps its mark").isTrue();
    follow.follow(ADA);
    assertThat(transitions()).extracting(TriggerEvent::type).containsExactly(SegmentEvents.ENTERED);
    assertThat(marked()).isFalse();
  }

  /**
   * Eight writers move one customer in and out of the segment, announcing each save on the queue, while four
   * followers take the announcements: each one is taken once or twice (every other is left to come back a second
   * later), late and in any order. However it goes, the membership ends as the rules say on the latest profile,
   * every transition is announced by exactly one event, and no mark is left.
   */
  @Test
  void concurrentWritersAndLateRepeatedShuffledAnnouncementsEndAsTheLatestProfileSays() throws Exception {
    UpsertCustomer upsert = upsert(new SqsCustomerChanges(sqs, queue()));
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger taken = new AtomicInteger();
    List<Future<?>> followers = new ArrayList<>();
    for (int f = 0; f < 4; f++) followers.add(pool.submit(() -> followAnnouncements(writing, taken)));

    all(8, i -> {
      for (int round = 0; round < 5; round++) {
        upsert.upsert(plan(ThreadLocalRandom.current().nextBoolean() ? "gold" : "silver", "w" + i, round));
      }
    });
    writing.set(false);
    for (Future<?> f : followers) f.get();

    Customer latest = customers.get(ADA).orElseThrow();
    assertThat(latest.version()).isEqualTo(40);
    assertThat(taken.get()).as("each of the 40 announcements taken at least once").isGreaterThanOrEqualTo(40);
    Membership standing = standing();
    assertThat(standing.member()).as("latest plan " + latest.metadata().get("plan"))
        .isEqualTo(GOLD.matches(latest, Instant.now()));
    assertThat(standing.pending()).isFalse();
    List<TriggerEvent> transitions = transitions();
    assertThat(transitions).hasSize((int) standing.seq());
    for (int i = 0; i < transitions.size(); i++) {
      assertThat(transitions.get(i).type()).isEqualTo(i % 2 == 0 ? SegmentEvents.ENTERED : SegmentEvents.LEFT);
    }
    assertThat(marked()).isFalse();
  }

  /**
   * Takes announcements until the writers are done and the queue stays empty; of those taken the first time, every
   * other one is left to come back a second later, after others.
   */
  private Void followAnnouncements(AtomicBoolean writing, AtomicInteger taken) {
    for (int quiet = 0; writing.get() || quiet < 3; ) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue()).maxNumberOfMessages(3).waitTimeSeconds(1)
          .visibilityTimeout(60).messageSystemAttributeNamesWithStrings("ApproximateReceiveCount")).messages();
      if (messages.isEmpty()) {
        quiet = writing.get() || queued() > 0 ? 0 : quiet + 1;
        continue;
      }
      quiet = 0;
      for (Message m : messages) {
        follow.follow(CustomerChangeJson.parse(Json.parse(m.body())));
        if (taken.incrementAndGet() % 2 == 0 || !"1".equals(m.attributesAsStrings().get("ApproximateReceiveCount"))) {
          sqs.deleteMessage(r -> r.queueUrl(queue()).receiptHandle(m.receiptHandle()));
        } else {
          sqs.changeMessageVisibility(r -> r.queueUrl(queue()).receiptHandle(m.receiptHandle()).visibilityTimeout(1));
        }
      }
    }
    return null;
  }

  private String queue() {
    return env.get("CUSTOMER_CHANGES_QUEUE_URL");
  }

  private long queued() {
    return sqs.getQueueAttributes(r -> r.queueUrl(queue()).attributeNames(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes().values().stream().mapToLong(Long::parseLong).sum();
  }

  private Membership standing() {
    return memberships.of(ADA, List.of(gold)).get(gold.id());
  }

  private boolean marked() {
    return !changed.markedBefore(ChangedCustomers.shardOf(ADA), Instant.now().plus(Duration.ofDays(1)), null, 10)
        .items().isEmpty();
  }

  /**
   * The distinct transitions put, in seq order, each event put more than once being the very same event. Their
   * ids are those of seq 1, 2, 3... for this customer and segment.
   */
  private List<TriggerEvent> transitions() {
    Map<String, List<TriggerEvent>> byId = bus.events().stream().collect(Collectors.groupingBy(TriggerEvent::id));
    byId.values().forEach(same -> assertThat(same).allSatisfy(e -> assertThat(e).isEqualTo(same.getFirst())));
    List<TriggerEvent> distinct = new ArrayList<>(byId.values().stream().map(List::getFirst).toList());
    distinct.sort(Comparator.comparingLong(this::seqOf));
    for (int i = 0; i < distinct.size(); i++) assertThat(seqOf(distinct.get(i))).isEqualTo(i + 1);
    return distinct;
  }

  private long seqOf(TriggerEvent event) {
    for (long seq = 1; seq <= 100; seq++) {
      if (SegmentEvents.transition(gold, ADA, "ada", seq, true, T0).id().equals(event.id())) return seq;
    }
    return -1;
  }

  private void all(int threads, java.util.function.IntConsumer work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      int n = i;
      running.add(pool.submit(() -> {
        start.await();
        work.accept(n);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : running) f.get();
  }
}
