package herald.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The raw baselines of code generation: {@code n} items shaped as Herald stores a code (campaign, code, origin,
 * creation time, pool shard, schema version) written with BatchWriteItem, 25 a call, from {@code threads} threads;
 * and, as a diagnostic, the same with a consistent BatchGetItem of each 100 codes before their writes (the calls
 * a generation part makes, with nothing of Herald around them).
 */
final class RawCodes {
  private static final int WRITE = 25;
  private static final int READ = 100;

  private RawCodes() {}

  /** Seconds to write {@code n} codes of campaign {@code campaign}; {@code readFirst} adds the BatchGetItems. */
  static double seconds(DynamoDbClient dynamo, String table, String campaign, int n, int threads, boolean readFirst)
      throws Exception {
    SplittableRandom random = new SplittableRandom(campaign.hashCode());
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < n; i += READ) {
      List<String> chunk = new ArrayList<>();
      for (int j = i; j < Math.min(n, i + READ); j++) chunk.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
      chunks.add(chunk);
    }
    String now = Instant.now().toString();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> running = new ArrayList<>();
      for (List<String> chunk : chunks) {
        running.add(pool.submit(() -> {
          if (readFirst) read(dynamo, table, campaign, chunk);
          for (int i = 0; i < chunk.size(); i += WRITE) {
            write(dynamo, table, campaign, chunk.subList(i, Math.min(chunk.size(), i + WRITE)), now);
          }
          return null;
        }));
      }
      for (Future<?> f : running) f.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void read(DynamoDbClient dynamo, String table, String campaign, List<String> codes) {
    List<Map<String, AttributeValue>> keys = codes.stream().map(code -> Map.of("campaign_id",
        AttributeValue.fromS(campaign), "code", AttributeValue.fromS(code))).toList();
    Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
        .projectionExpression("code, origin").build());
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> asked = pending;
      var response = dynamo.batchGetItem(r -> r.requestItems(asked));
      pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
  }

  private static void write(DynamoDbClient dynamo, String table, String campaign, List<String> codes, String now) {
    List<WriteRequest> puts = new ArrayList<>();
    for (String code : codes) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("campaign_id", AttributeValue.fromS(campaign));
      item.put("code", AttributeValue.fromS(code));
      item.put("origin", AttributeValue.fromS("act_0123456789abcdef0123456789abcdef#0"));
      item.put("created_at", AttributeValue.fromS(now));
      item.put("pool", AttributeValue.fromS(campaign + "#" + Math.floorMod(code.hashCode(), 16)));
      item.put("schema_version", AttributeValue.fromN("1"));
      puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, puts);
    while (!pending.isEmpty()) {
      Map<String, List<WriteRequest>> asked = pending;
      var response = dynamo.batchWriteItem(r -> r.requestItems(asked));
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }
}
