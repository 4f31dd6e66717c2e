package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbAccountSettings;
import herald.adapters.dynamodb.DynamoDbRateWindows;
import herald.adapters.dynamodb.DynamoDbUsageCounters;
import herald.domain.fakes.LimitsPortsContract;
import herald.domain.limits.Counter;
import herald.domain.limits.Plan;
import herald.domain.limits.Reservation;
import herald.domain.limits.UsageCounters.Count;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The limits' DynamoDB adapters on dynalite: the ports' contract (the same checks the fakes pass), and what only
 * the adapters have: a paid account's counts spread over shard items, and exact limits beside them under
 * concurrency.
 */
class DynamoDbLimitsTest {
  private static final DynamoDbClient DYNAMO = StandIns.dynamo(StandIns.get().baseEnv());
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final ExecutorService SENDERS = Executors.newFixedThreadPool(20);

  @AfterAll
  static void stop() {
    SENDERS.shutdownNow();
  }

  @Test
  void accountSettingsStartWithTheDefaultPlanAndKeepWhatIsSaved() {
    LimitsPortsContract.settingsStartWithTheDefaultPlanAndKeepWhatIsSaved(
        new DynamoDbAccountSettings(DYNAMO, table("name"), Plan.TRIAL), Plan.TRIAL);
  }

  @Test
  void usageReservationsStopAtTheLimitCountOncePerMessageAndComeBack() {
    LimitsPortsContract.reservationsStopAtTheLimitCountOncePerMessageAndComeBack(counters(table("id")));
  }

  @Test
  void aRetriedReservationKeepsItsFirstPeriodsAndLimits() {
    LimitsPortsContract.aRetryKeepsItsFirstPeriodsAndLimits(counters(table("id")));
  }

  @Test
  void aRefusedReservationGivesBackWhatItTookOnOtherCounters() {
    LimitsPortsContract.aRefusalGivesBackTheUnitsTakenOnOtherCounters(counters(table("id")));
  }

  @Test
  void aLimitCountsOnlyWhatWasSentWhileItAppliedWhenThePlanChangesMidPeriod() {
    LimitsPortsContract.aLimitCountsOnlyWhatWasSentWhileItApplied(counters(table("id")));
  }

  @Test
  void aBatchOfSendsCountsAsEachOneAlone() {
    LimitsPortsContract.aBatchOfSendsCountsAsEachOneAlone(counters(table("id")));
  }

  @Test
  void rateWindowsHandOutTheirCapacityThenPlacesInLine() {
    LimitsPortsContract.aWindowHandsOutItsCapacityThenPlacesInLine(new DynamoDbRateWindows(DYNAMO, table("id")));
  }

  @Test
  void rateWindowsHandOutSeveralTokensAtOnceAndTakeBackTheUnused() {
    LimitsPortsContract.aWindowHandsOutSeveralTokensAtOnceAndTakesBackTheUnused(new DynamoDbRateWindows(DYNAMO, table("id")));
  }

  @Test
  void aPaidAccountsSendsSpreadOverTheShardItemsSoNoCounterItemTakesEveryWrite() throws Exception {
    String table = table("id");
    DynamoDbUsageCounters counters = counters(table);
    int messages = 800;

    run(messages, i -> {
      Reservation r = counters.reserve("msg_" + UUID.randomUUID(), LimitsPortsContract.keys(NOW), Map.of());
      counters.sent(r);
      return true;
    });

    assertThat(counters.counts(LimitsPortsContract.keys(NOW)))
        .isEqualTo(Map.of(Counter.DAY, new Count(800, 0), Counter.MONTH, new Count(800, 0),
            Counter.TOTAL, new Count(800, 0)));
    Map<String, Long> dayItems = new TreeMap<>();
    DYNAMO.scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
      String id = item.get("id").s();
      if (id.startsWith("day#")) dayItems.put(id, Long.parseLong(item.get("count").n()));
    });
    assertThat(dayItems).hasSize(16).allSatisfy((id, count) -> assertThat(id).startsWith("day#2026-12-05#s"));
    // 800 writes over 16 items: 50 each on average; the busiest one takes well under a fifth of them all
    assertThat(dayItems.values()).allSatisfy(count -> assertThat(count).isBetween(10L, 120L));
    assertThat(dayItems.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(800);
  }

  @Test
  void twentyConcurrentReservationsBesideAPaidAccountsShardsStopExactlyAtTheLimit() throws Exception {
    DynamoDbUsageCounters counters = counters(table("id"));
    for (int i = 0; i < 4; i++) {
      counters.sent(counters.reserve("paid_" + i, LimitsPortsContract.keys(NOW), Plan.PAID.limits()));
    }

    int granted = run(200, i -> counters.reserve("verified_" + i, LimitsPortsContract.keys(NOW),
        Plan.TRIAL_VERIFIED.limits()).granted());

    assertThat(granted).isEqualTo(10);
    assertThat(counters.counts(LimitsPortsContract.keys(NOW))).isEqualTo(Map.of(Counter.DAY, new Count(14, 10),
        Counter.MONTH, new Count(14, 10), Counter.TOTAL, new Count(4, 0)));
  }

  /** Runs {@code times} calls on 20 threads; the number answering true. */
  private static int run(int times, IntPredicate call) throws Exception {
    AtomicInteger yes = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    IntStream.range(0, times).forEach(i -> done.add(SENDERS.submit(() -> {
      if (call.test(i)) yes.incrementAndGet();
    })));
    for (Future<?> f : done) f.get();
    return yes.get();
  }

  private static DynamoDbUsageCounters counters(String table) {
    return new DynamoDbUsageCounters(DYNAMO, table, Clock.systemUTC());
  }

  /** A new table keyed by one string attribute, as the usage and settings tables are. */
  private static String table(String key) {
    String name = "limits-" + UUID.randomUUID().toString().substring(0, 8);
    DYNAMO.createTable(r -> r.tableName(name).billingMode("PAY_PER_REQUEST")
        .attributeDefinitions(a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName(key).keyType("HASH")));
    DYNAMO.waiter().waitUntilTableExists(r -> r.tableName(name));
    return name;
  }
}
