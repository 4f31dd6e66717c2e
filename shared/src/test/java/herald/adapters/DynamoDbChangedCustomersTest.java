package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.dynamodb.DynamoDbChangedCustomers;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.common.Conflict;
import herald.domain.common.Page;
import herald.domain.customers.ChangedCustomers;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.customers.StoredCustomer;
import herald.domain.fakes.TestClock;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The marks of changed customers and the tombstones of erased ones, on dynalite. */
class DynamoDbChangedCustomersTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private final TestClock clock = new TestClock(T0);
  private DynamoDbClient dynamo;
  private String table;
  private DynamoDbCustomers customers;
  private DynamoDbChangedCustomers changed;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    dynamo = StandIns.dynamo(env);
    table = env.get("CUSTOMERS_TABLE");
    customers = new DynamoDbCustomers(dynamo, table, clock);
    changed = new DynamoDbChangedCustomers(dynamo, table);
  }

  private static Customer ada() {
    return new Customer(Customer.idFor("ada"), "ada", "Ada", "ada@mail.example", "+447700900123", "Europe/Warsaw",
        Map.of("city", "London"), Map.of("email", new Consent(true, T0)), null, T0, T0, 0);
  }

  private List<String> marked(String customerId, Instant before) {
    return changed.markedBefore(ChangedCustomers.shardOf(customerId), before, null, 100).items();
  }

  @Test
  void everySaveMarksTheItemAndSettlingThatVersionClearsTheMark() {
    Customer saved = customers.save(ada());
    Instant later = T0.plusSeconds(1);

    assertThat(marked(saved.id(), later)).containsExactly(saved.id());
    assertThat(marked(saved.id(), T0)).as("only marks made before the time asked").isEmpty();
    assertThat(changed.stored(saved.id())).contains(StoredCustomer.of(saved));

    changed.settled(saved.id(), 1);

    assertThat(marked(saved.id(), later)).isEmpty();
    assertThat(customers.get(saved.id())).contains(saved);
  }

  @Test
  void aNewerSaveKeepsItsOwnMarkWhenAnOlderVersionIsSettled() {
    Customer first = customers.save(ada());
    clock.advance(Duration.ofSeconds(5));
    Customer second = customers.save(first.withUpdatedAt(clock.instant()));

    changed.settled(first.id(), 1);
    assertThat(marked(first.id(), clock.instant().plusSeconds(1))).containsExactly(first.id());
    assertThat(marked(first.id(), T0.plusSeconds(1))).as("marked at the latest save").isEmpty();

    changed.settled(first.id(), second.version());
    assertThat(marked(first.id(), clock.instant().plusSeconds(1))).isEmpty();
    changed.settled("cust_nobody", 1);
    assertThat(changed.stored("cust_nobody")).isEmpty();
  }

  @Test
  void anEraseLeavesAMarkedTombstoneWithNoPersonalDataThatReadsAndScansDoNotSee() {
    Customer saved = customers.save(ada());
    changed.settled(saved.id(), 1);
    clock.advance(Duration.ofMinutes(1));

    assertThat(customers.erase(saved.id())).isTrue();

    assertThat(customers.get(saved.id())).isEmpty();
    assertThat(customers.scan(0, 1, null, 10).items()).isEmpty();
    assertThat(changed.stored(saved.id())).contains(StoredCustomer.erased(saved.id(), "ada", 2));
    assertThat(marked(saved.id(), clock.instant().plusSeconds(1))).containsExactly(saved.id());
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
        .key(Map.of("id", AttributeValue.fromS(saved.id())))).item();
    assertThat(item).containsOnlyKeys("id", "source_id", "version", "erased_at", "pending_shard", "pending_at",
        "schema_version");
    assertThat(item.toString()).doesNotContain("Ada").doesNotContain("ada@mail.example").doesNotContain("London")
        .doesNotContain("+447700900123");
    assertThat(customers.erase(saved.id())).as("erased already").isFalse();
    assertThat(customers.erase("cust_nobody")).isFalse();
    assertThat(changed.stored("cust_nobody")).isEmpty();
  }

  @Test
  void aTombstoneIsForgottenOnlyAtTheVersionItWasLetGoOf() {
    Customer saved = customers.save(ada());
    customers.erase(saved.id());

    changed.forget(saved.id(), 1);
    assertThat(changed.stored(saved.id())).isPresent();
    changed.forget(saved.id(), 2);

    assertThat(changed.stored(saved.id())).isEmpty();
    assertThat(marked(saved.id(), T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void noSaveTakesThePlaceOfATombstoneUntilItIsForgotten() {
    Customer saved = customers.save(ada());
    customers.erase(saved.id());

    Customer again = new Customer(saved.id(), "ada", "Ada again", null, null, Map.of(), T0, T0);
    assertThatThrownBy(() -> customers.save(again)).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> customers.save(saved.withUpdatedAt(T0.plusSeconds(1)))).isInstanceOf(Conflict.class);
    changed.forget(saved.id(), 2);

    assertThat(customers.save(again).version()).isEqualTo(1);
    assertThat(customers.get(saved.id())).contains(again.withVersion(1));
  }

  @Test
  void theMarksOfAShardComeOldestFirstPageByPage() {
    List<String> shardZero = new ArrayList<>();
    for (int i = 0; shardZero.size() < 7; i++) {
      String id = Customer.idFor("c" + i);
      if (ChangedCustomers.shardOf(id) != 0) continue;
      clock.advance(Duration.ofMillis(1));   // a millisecond apart: the marks' order is the saves' order
      customers.save(new Customer(id, "c" + i, null, null, null, Map.of(), T0, T0));
      shardZero.add(id);
    }
    customers.save(new Customer(Customer.idFor("elsewhere"), "elsewhere", null, null, null, Map.of(), T0, T0));
    if (ChangedCustomers.shardOf(Customer.idFor("elsewhere")) == 0) shardZero.add(Customer.idFor("elsewhere"));

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = changed.markedBefore(0, clock.instant().plusSeconds(1), cursor, 3);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      seen.addAll(page.items());
      cursor = page.next();
    } while (cursor != null);

    assertThat(seen).isEqualTo(shardZero);
  }

  @Test
  void anItemWrittenBeforeMarksExistedIsNotMarked() {
    dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS("cust_old"),
        "source_id", AttributeValue.fromS("old"), "metadata", AttributeValue.fromS("{}"),
        "created_at", AttributeValue.fromS(T0.toString()), "updated_at", AttributeValue.fromS(T0.toString()),
        "version", AttributeValue.fromN("3"))));

    assertThat(changed.stored("cust_old").orElseThrow().version()).isEqualTo(3);
    assertThat(marked("cust_old", T0.plusSeconds(86_400))).isEmpty();
  }
}
