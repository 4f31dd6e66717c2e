package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbConnectionSlots;
import herald.domain.fakes.TestClock;
import herald.domain.limits.ConnectionSlots.Slot;
import herald.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Connection slots in the usage table, on dynalite: a pool never hands out more than its size, even in a race. */
class DynamoDbConnectionSlotsTest {
  private static final DynamoDbClient DYNAMO = StandIns.dynamo(StandIns.get().baseEnv());
  private static final ExecutorService CALLERS = Executors.newFixedThreadPool(20);
  private final TestClock clock = new TestClock(Instant.parse("2026-12-05T10:00:00Z"));
  private final String table = table();
  private final DynamoDbConnectionSlots slots = new DynamoDbConnectionSlots(DYNAMO, table, clock);

  @AfterAll
  static void stop() {
    CALLERS.shutdownNow();
  }

  @Test
  void aPoolHandsOutItsSizeThenNothingUntilASlotIsGivenBack() {
    List<Slot> taken = new ArrayList<>();
    for (int i = 0; i < 3; i++) taken.add(slots.take("mailchimp#int_1", 3, lease()).orElseThrow());

    assertThat(taken).extracting(Slot::index).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(slots.take("mailchimp#int_1", 3, lease())).isEmpty();
    assertThat(slots.take("mailchimp#int_2", 3, lease())).as("another pool has its own slots").isPresent();

    slots.giveBack(taken.get(1));

    assertThat(slots.take("mailchimp#int_1", 3, lease())).map(Slot::index).contains(taken.get(1).index());
  }

  @Test
  void aSlotWhoseLeaseEndedIsFreeAndItsFormerHolderCannotGiveBackTheNewOnes() {
    Slot crashed = slots.take("mailchimp#int_1", 1, lease()).orElseThrow();
    clock.advance(Duration.ofSeconds(119));
    assertThat(slots.take("mailchimp#int_1", 1, lease())).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Slot next = slots.take("mailchimp#int_1", 1, lease()).orElseThrow();
    slots.giveBack(crashed);

    assertThat(next.holder()).isNotEqualTo(crashed.holder());
    assertThat(slots.take("mailchimp#int_1", 1, lease())).as("the late give-back freed nothing").isEmpty();
    slots.giveBack(next);
    assertThat(slots.take("mailchimp#int_1", 1, lease())).isPresent();
  }

  @Test
  void twoHundredConcurrentTakesOfTenSlotsGetTenDistinctOnes() throws Exception {
    List<Future<Optional<Slot>>> tries = new ArrayList<>();
    for (int i = 0; i < 200; i++) tries.add(CALLERS.submit(() -> slots.take("mailchimp#int_race", 10, lease())));
    Set<Integer> indexes = new HashSet<>();
    int granted = 0;
    for (Future<Optional<Slot>> t : tries) {
      Optional<Slot> slot = t.get();
      if (slot.isPresent()) {
        granted++;
        indexes.add(slot.get().index());
      }
    }

    assertThat(granted).isEqualTo(10);
    assertThat(indexes).hasSize(10);
  }

  private Instant lease() {
    return clock.instant().plusSeconds(120);
  }

  private static String table() {
    String name = "slots-" + UUID.randomUUID().toString().substring(0, 8);
    DYNAMO.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("id").keyType("HASH")));
    DYNAMO.waiter().waitUntilTableExists(r -> r.tableName(name));
    return name;
  }
}
