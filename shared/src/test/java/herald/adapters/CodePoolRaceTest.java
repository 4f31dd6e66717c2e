package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbCodes;
import herald.domain.campaigns.Claim;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Publishers racing for one campaign's pool on dynalite: no code goes to two publications, none is lost, and the
 * conflicts per publication stay low as publishers are added (printed for the closing note).
 */
class CodePoolRaceTest {
  private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");
  private final Env env = StandIns.get().freshEnv();
  private final DynamoDbClient dynamo = StandIns.dynamo(env);
  private final DynamoDbCodes codes = new DynamoDbCodes(dynamo, env.get("CODES_TABLE"));

  @Test
  void fiftyPublishersTakeTenThousandCodesWithNoDuplicateAndNoneLost() throws Exception {
    Run run = race("camp_fifty", 10_000, 50);
    assertThat(run.claimed).hasSize(10_000);
    assertThat(new HashSet<>(run.claimed)).as("no code published twice").hasSize(10_000);
    assertThat(run.exhausted.get()).as("every publisher ends on an empty pool").isEqualTo(50);
    long available = count("camp_fifty", true);
    long published = count("camp_fifty", false);
    assertThat(published).isEqualTo(10_000);
    assertThat(published + available).isEqualTo(10_000);
    System.out.printf("CodePoolRaceTest: 50 publishers, 10000 codes: %.3f conflicts per publication%n",
        run.conflicts.get() / 10_000.0);
  }

  @Test
  void conflictsPerPublicationAtOneFourSixteenAndFiftyPublishers() throws Exception {
    StringBuilder report = new StringBuilder("CodePoolRaceTest conflicts per publication (400 codes):");
    for (int publishers : new int[] {1, 4, 16, 50}) {
      Run run = race("camp_p" + publishers, 400, publishers);
      assertThat(new HashSet<>(run.claimed)).hasSize(400);
      report.append(String.format(" %d: %.3f (%.0f/s);", publishers, run.conflicts.get() / 400.0,
          400 / run.seconds));
      if (publishers == 1) assertThat(run.conflicts.get()).isZero();
    }
    System.out.println(report);
  }

  @Test
  void aReleasedCodeReturnsToThePoolOnlyForItsOwnPublication() {
    codes.add("camp_r", List.of("ONLY-1"), "act_1#0", T);
    Claim claim = codes.claim("camp_r", "pub_1", "cust_1", T);
    assertThat(claim.code()).isEqualTo("ONLY-1");
    assertThat(codes.claim("camp_r", "pub_2", "cust_2", T).exhausted()).isTrue();
    assertThat(codes.release("camp_r", "ONLY-1", "pub_2")).isFalse();
    assertThat(codes.release("camp_r", "ONLY-1", "pub_1")).isTrue();
    assertThat(codes.claim("camp_r", "pub_2", "cust_2", T).code()).isEqualTo("ONLY-1");
  }

  private record Run(List<String> claimed, AtomicLong conflicts, AtomicLong exhausted, double seconds) {}

  private Run race(String campaign, int total, int publishers) throws Exception {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < total; i++) all.add(String.format("C%06d", i));
    for (int i = 0; i < all.size(); i += 1000) codes.add(campaign, all.subList(i, Math.min(all.size(), i + 1000)), "act#0", T);
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    AtomicLong conflicts = new AtomicLong();
    AtomicLong exhausted = new AtomicLong();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(publishers)) {
      List<Future<?>> running = new ArrayList<>();
      for (int p = 0; p < publishers; p++) {
        int publisher = p;
        running.add(pool.submit(() -> {
          for (int n = 0; ; n++) {
            Claim claim = codes.claim(campaign, "pub_" + publisher + "_" + n, "cust_" + publisher, T);
            conflicts.addAndGet(claim.conflicts());
            if (claim.exhausted()) {
              exhausted.incrementAndGet();
              return;
            }
            claimed.add(claim.code());
          }
        }));
      }
      for (Future<?> f : running) f.get();
    }
    return new Run(List.copyOf(claimed), conflicts, exhausted, (System.nanoTime() - start) / 1e9);
  }

  private long count(String campaign, boolean available) {
    Set<String> seen = new HashSet<>();
    dynamo.queryPaginator(r -> r.tableName(env.get("CODES_TABLE")).keyConditionExpression("campaign_id = :c")
        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(campaign)))).items().forEach(item -> {
          if (item.containsKey("pool") == available) seen.add(item.get("code").s());
        });
    return seen.size();
  }
}
