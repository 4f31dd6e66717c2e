package herald.bench;

import herald.adapters.aws.SqsJobs;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.json.CsvRows;
import herald.domain.intake.StartImport;
import herald.platform.Env;
import herald.testing.StandIns;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/** What {@link ImportBench} compares the import with, measured against the same stand-ins in the same run. */
final class ImportBaselines {
  private ImportBaselines() {}

  /**
   * The floor under an import on this machine: per row the two calls an upsert of a new customer makes
   * (GetItem, conditional PutItem of an item like the customer's), from as many threads as the local runtime
   * polls the jobs queue with, straight at the same dynalite; rows per second.
   */
  static double rawRowsPerSecond(Env env, int rows, int threads) throws Exception {
    DynamoDbClient dynamo = StandIns.dynamo(env);
    String table = env.get("CUSTOMERS_TABLE");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = thread; i < rows; i += threads) {
          String id = "raw-" + i;
          dynamo.getItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true));
          Map<String, AttributeValue> item = new HashMap<>();
          item.put("id", AttributeValue.fromS(id));
          item.put("source_id", AttributeValue.fromS("raw-source-" + i));
          item.put("name", AttributeValue.fromS("Customer " + i + ", Jr"));
          item.put("email", AttributeValue.fromS("c" + i + ".raw@example.com"));
          item.put("phone", AttributeValue.fromS("+447700900123"));
          item.put("metadata", AttributeValue.fromS("{\"plan\":\"gold\",\"city\":\"City 1\"}"));
          item.put("created_at", AttributeValue.fromS(Instant.now().toString()));
          item.put("updated_at", AttributeValue.fromS(Instant.now().toString()));
          item.put("version", AttributeValue.fromN("1"));
          dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
        }
        return null;
      }));
    }
    for (Future<?> f : done) f.get();
    pool.shutdown();
    return rows / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * What the POST does, in this process with nothing else running: StartImport over the file (count, create the
   * action, cut into parts, SendMessageBatch onto a queue of its own that nothing reads, set the total), best of
   * three, ms.
   */
  static double startAlone(Env env, String file) {
    SqsClient sqs = StandIns.sqs(env);
    String queue = sqs.createQueue(r -> r.queueName("import-bench-scratch")).queueUrl();
    StartImport start = new StartImport(new DynamoDbAsyncActions(StandIns.dynamo(env), env.get("ASYNC_ACTIONS_TABLE"),
        Clock.systemUTC()), new SqsJobs(sqs, queue), Clock.systemUTC());
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long begin = System.nanoTime();
      start.start(new CsvRows(() -> new StringReader(file)));
      best = Math.min(best, (System.nanoTime() - begin) / 1e6);
    }
    sqs.deleteQueue(r -> r.queueUrl(queue));
    return best;
  }
}
