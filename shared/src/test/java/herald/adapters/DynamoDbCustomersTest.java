package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.adapters.dynamodb.DynamoDbChangedCustomers;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.common.Page;
import herald.domain.customers.Behaviour;
import herald.domain.customers.Behaviour.EventStats;
import herald.domain.customers.Consent;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.CustomerProfile;
import herald.domain.events.TriggerEvent;
import herald.domain.fakes.Follows;
import herald.domain.intake.UpsertCustomer;
import herald.domain.segments.TrackBehaviour;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbCustomersTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123Z");
  private DynamoDbCustomers customers;
  private DynamoDbChangedCustomers changed;

  @BeforeEach
  void freshTables() {
    Env env = StandIns.get().freshEnv();
    customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    changed = new DynamoDbChangedCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
  }

  private static Customer ada(long version) {
    Behaviour behaviour = new Behaviour(Map.of("signed_up", new EventStats(2, T0), "customer.order.paid",
        new EventStats(1, T0.plusSeconds(5))), 1, 12_345, T0.plusSeconds(5), List.of("evt_1", "evt_2", "evt_3"));
    return new Customer("cust_ada", "src-ada", "Ada", "ada@mail.example", "+447700900123", "Europe/Warsaw",
        Map.of("plan", "gold", "address", Map.of("city", "Warsaw")), Map.of("email", new Consent(true, T0)),
        behaviour, T0, T0.plusSeconds(9), version);
  }

  @Test
  void customersReadTogetherAreTheOnesReadOneByOne() {
    herald.domain.fakes.CustomersPortContract.customersReadTogetherAreTheOnesReadOneByOne(customers);
  }

  @Test
  void behaviourSavesMarkOnlyWhenAsked() {
    herald.domain.fakes.CustomersPortContract.behaviourSavesMarkOnlyWhenAsked(customers, changed);
  }

  @Test
  void aSavedCustomerReadsBackWholeOneVersionUp() {
    Customer saved = customers.save(ada(0));

    assertThat(saved).isEqualTo(ada(1));
    assertThat(customers.get("cust_ada")).contains(ada(1));
  }

  @Test
  void aCustomerWithoutBehaviourReadsBackWithNone() {
    customers.save(new Customer("cust_2", "src-2", null, null, null, null, T0, T0));

    Customer read = customers.get("cust_2").orElseThrow();
    assertThat(read.behaviour()).isEqualTo(Behaviour.NONE);
    assertThat(read.timezone()).isNull();
    assertThat(read.version()).isEqualTo(1);
  }

  @Test
  void aSaveOverAVersionNoLongerStoredIsAConflictAndWritesNothing() {
    customers.save(ada(0));
    customers.save(ada(1));

    assertThatThrownBy(() -> customers.save(ada(1).withUpdatedAt(T0.plusSeconds(60))))
        .isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> customers.save(ada(0))).isInstanceOf(Conflict.class);
    assertThat(customers.get("cust_ada")).contains(ada(2));
  }

  @Test
  void eightConcurrentUpsertsOfOneCustomerKeepEveryonesMetadataKey() throws Exception {
    UpsertCustomer upsert = new UpsertCustomer(customers, CustomerChanges.NONE, Clock.systemUTC());

    all(8, i -> () -> upsert.upsert(new CustomerProfile("src-ada", null, null, null,
        Map.of("key" + i, "value" + i))));

    Customer ada = customers.get(Customer.idFor("src-ada")).orElseThrow();
    assertThat(ada.metadata()).containsOnlyKeys(IntStream.range(0, 8).mapToObj(i -> "key" + i).toList());
    assertThat(ada.version()).isEqualTo(8);
  }

  @Test
  void eightConcurrentEventsOfOneCustomerAllCount() throws Exception {
    TrackBehaviour track = new TrackBehaviour(customers, Follows.withoutSegments(customers, changed),
        Clock.systemUTC());
    String id = Customer.idFor("src-ada");

    all(8, i -> () -> track.track(new TriggerEvent("evt_" + i, "customer.order.paid", T0.plusSeconds(i),
        new TriggerEvent.CustomerRef(id, "src-ada"), Map.of("order", Map.of("id", "o-" + i, "total_amount", 100)))));

    Behaviour b = customers.get(id).orElseThrow().behaviour();
    assertThat(b.orderCount()).isEqualTo(8);
    assertThat(b.orderTotalAmount()).isEqualTo(800);
    assertThat(b.lastOrderAt()).isEqualTo(T0.plusSeconds(7));
    assertThat(b.events().get("customer.order.paid").count()).isEqualTo(8);
    assertThat(changed.stored(id).orElseThrow().version()).isEqualTo(8);
    int shard = herald.domain.customers.ChangedCustomers.shardOf(id);
    assertThat(changed.markedBefore(shard, Instant.now().plusSeconds(3600), null, 10).items())
        .as("whoever saved the last version evaluated it and cleared the mark").isEmpty();
  }

  @Test
  void theScanPartsTogetherHoldEveryCustomerExactlyOnce() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 57; i++) ids.add(customers.save(new Customer("cust_" + i, "src-" + i, null, null, null,
        null, T0, T0)).id());

    List<String> seen = new ArrayList<>();
    int pages = 0;
    for (int part = 0; part < 4; part++) {
      String cursor = null;
      do {
        Page<Customer> page = customers.scan(part, 4, cursor, 5);
        assertThat(page.items()).hasSizeLessThanOrEqualTo(5);
        page.items().forEach(c -> seen.add(c.id()));
        cursor = page.next();
        pages++;
      } while (cursor != null);
    }

    assertThat(seen).hasSize(57).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(pages).isGreaterThanOrEqualTo(12);
  }

  @Test
  void aScanCursorOfAnotherPartIsRefused() {
    for (int i = 0; i < 20; i++) customers.save(new Customer("cust_" + i, "src-" + i, null, null, null, null, T0, T0));
    String next = customers.scan(0, 1, null, 3).next();

    assertThat(next).isNotNull();
    assertThat(customers.scan(0, 1, next, 3).items()).hasSize(3);
    assertThatThrownBy(() -> customers.scan(0, 2, next, 3)).isInstanceOf(Invalid.class);
    assertThatThrownBy(() -> customers.scan(0, 1, "not-a-cursor", 3)).isInstanceOf(Invalid.class);
  }

  /** Runs {@code count} calls at once and waits for all; any failure fails the test. */
  private static void all(int count, java.util.function.IntFunction<Callable<?>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<?>> running = new ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < count; i++) {
        Callable<?> one = call.apply(i);
        running.add(pool.submit(() -> {
          start.await();
          return one.call();
        }));
      }
      start.countDown();
      for (Future<?> f : running) f.get();
    } finally {
      pool.shutdownNow();
    }
  }
}
