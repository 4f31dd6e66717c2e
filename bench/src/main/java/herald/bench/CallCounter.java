package herald.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Counts every AWS SDK call made in this JVM, by "Service.Operation", with the DynamoDB capacity units each one
 * consumed: a global interceptor, installed only when bench/src/main/cost-hooks is on the classpath (bench/run.sh
 * puts it there for the cost bench only). It asks DynamoDB for {@code ReturnConsumedCapacity=TOTAL} on every request
 * that takes it and adds up the {@code ConsumedCapacity} of the answers. A failed call counts under
 * "Service.Operation (failed)"; a failed DynamoDB write (a condition that did not hold) is charged one write unit, as
 * AWS does for a failed conditional write of a small item. An SQS ReceiveMessage that got nothing counts under
 * "SQS.ReceiveMessage (empty)": the pollers' idle cost, not a message's. SQS sends also count their 64 KB chunks, PutEvents its entries.
 */
public final class CallCounter implements ExecutionInterceptor {
  /**
   * Per key: calls, read units, write units, and billed units: the 64 KB chunks of an SQS request, the entries of
   * a PutEvents, one for any other call.
   */
  record Tally(long calls, double readUnits, double writeUnits, long billed) {}

  private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
  private static final Map<String, DoubleAdder> READ_UNITS = new ConcurrentHashMap<>();
  private static final Map<String, DoubleAdder> WRITE_UNITS = new ConcurrentHashMap<>();
  private static final Map<String, LongAdder> SQS_CHUNKS = new ConcurrentHashMap<>();
  private static final LongAdder CAPACITY_ANSWERS = new LongAdder();
  private static final Map<String, LongAdder> ORIGINS = new ConcurrentHashMap<>();
  private static final StackWalker STACK = StackWalker.getInstance();
  private static volatile boolean installed;

  public CallCounter() {
    installed = true;
  }

  /** Whether the SDK found this interceptor (it is created with the first client). */
  static boolean installed() {
    return installed;
  }

  /** How many DynamoDB answers carried ConsumedCapacity so far (0: the stand-in does not return it). */
  static long capacityAnswers() {
    return CAPACITY_ANSWERS.sum();
  }

  /** Everything counted so far, by key. */
  static Map<String, Tally> snapshot() {
    Map<String, Tally> all = new TreeMap<>();
    CALLS.forEach((key, calls) -> all.put(key, new Tally(calls.sum(), sum(READ_UNITS, key), sum(WRITE_UNITS, key),
        SQS_CHUNKS.containsKey(key) ? SQS_CHUNKS.get(key).sum() : 0)));
    return all;
  }

  /**
   * DynamoDB calls so far by origin: "function: adapter method < use case method Operation", the function being the
   * outermost {@code *Handler} class of Herald on the calling thread's stack, the adapter the innermost
   * {@code herald.adapters} frame and the use case the innermost {@code herald.domain} frame.
   */
  static Map<String, Long> origins() {
    Map<String, Long> all = new TreeMap<>();
    ORIGINS.forEach((key, n) -> all.put(key, n.sum()));
    return all;
  }

  /** The origins' calls made between two snapshots of {@link #origins}, quiet ones left out. */
  static Map<String, Long> originsBetween(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((key, n) -> {
      long d = n - before.getOrDefault(key, 0L);
      if (d > 0) delta.put(key, d);
    });
    return delta;
  }

  /** The calls made between two snapshots, by key, quiet keys left out. */
  static Map<String, Tally> between(Map<String, Tally> before, Map<String, Tally> after) {
    Map<String, Tally> delta = new TreeMap<>();
    after.forEach((key, a) -> {
      Tally b = before.getOrDefault(key, new Tally(0, 0, 0, 0));
      if (a.calls() > b.calls()) {
        delta.put(key, new Tally(a.calls() - b.calls(), a.readUnits() - b.readUnits(),
            a.writeUnits() - b.writeUnits(), a.billed() - b.billed()));
      }
    });
    return delta;
  }

  /** Calls of every key but the empty receives: what moves while the functions work. */
  static long busyCalls() {
    long n = 0;
    for (var e : CALLS.entrySet()) {
      if (!e.getKey().endsWith("(empty)")) n += e.getValue().sum();
    }
    return n;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest r = context.request();
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    if (r instanceof GetItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof PutItemRequest p) return p.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof UpdateItemRequest u) return u.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof DeleteItemRequest d) return d.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof ScanRequest s) return s.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof BatchGetItemRequest b) return b.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof BatchWriteItemRequest b) return b.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof TransactGetItemsRequest t) return t.toBuilder().returnConsumedCapacity(total).build();
    if (r instanceof TransactWriteItemsRequest t) return t.toBuilder().returnConsumedCapacity(total).build();
    return r;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + operation;
    if ("ReceiveMessage".equals(operation)
        && response.getValueForField("Messages", List.class).map(List::isEmpty).orElse(true)) {
      key += " (empty)";
    }
    String counted = key;
    count(counted, context.request());
    if (key.startsWith("DynamoDb.")) ORIGINS.computeIfAbsent(origin() + " " + operation, k -> new LongAdder()).increment();
    boolean reads = operation.equals("GetItem") || operation.equals("BatchGetItem")
        || operation.equals("TransactGetItems") || operation.equals("Query") || operation.equals("Scan");
    response.getValueForField("ConsumedCapacity", Object.class).ifPresent(c -> {
      CAPACITY_ANSWERS.increment();
      List<?> each = c instanceof List<?> list ? list : List.of(c);
      for (Object o : each) {
        if (!(o instanceof ConsumedCapacity cc)) continue;
        double read = cc.readCapacityUnits() != null ? cc.readCapacityUnits() : 0;
        double write = cc.writeCapacityUnits() != null ? cc.writeCapacityUnits() : 0;
        if (cc.readCapacityUnits() == null && cc.writeCapacityUnits() == null && cc.capacityUnits() != null) {
          if (reads) read = cc.capacityUnits();
          else write = cc.capacityUnits();
        }
        add(READ_UNITS, counted, read);
        add(WRITE_UNITS, counted, write);
      }
    });
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String key = service + "." + operation + " (failed)";
    count(key, context.request());
    if ("DynamoDb".equals(service) && (operation.endsWith("Item") && !operation.startsWith("Get"))) {
      add(WRITE_UNITS, key, 1);
    }
  }

  private static String origin() {
    String[] found = new String[3];   // handler, adapter, use case
    STACK.forEach(f -> {
      String c = f.getClassName();
      if (!c.startsWith("herald.") || c.startsWith("herald.bench.")) return;
      String simple = c.substring(c.lastIndexOf('.') + 1);
      if (simple.endsWith("Handler") && !simple.contains("$")) found[0] = simple;
      else if (c.startsWith("herald.adapters.") && found[1] == null) found[1] = simple + "." + f.getMethodName();
      else if (c.startsWith("herald.domain.") && found[2] == null) found[2] = simple + "." + f.getMethodName();
    });
    return (found[0] == null ? "?" : found[0]) + ": " + found[1] + " < " + found[2];
  }

  private static void count(String key, SdkRequest request) {
    CALLS.computeIfAbsent(key, k -> new LongAdder()).increment();
    long bytes = -1;
    if (request instanceof SendMessageRequest s) bytes = s.messageBody().length();
    if (request instanceof SendMessageBatchRequest b) {
      bytes = b.entries().stream().mapToLong(e -> e.messageBody().length()).sum();
    }
    long chunks = bytes < 0 ? 1 : Math.max(1, (bytes + 65_535) / 65_536);
    if (request instanceof PutEventsRequest p) chunks = p.entries().size();   // EventBridge bills each entry
    SQS_CHUNKS.computeIfAbsent(key, k -> new LongAdder()).add(chunks);
  }

  private static void add(Map<String, DoubleAdder> sums, String key, double units) {
    if (units != 0) sums.computeIfAbsent(key, k -> new DoubleAdder()).add(units);
  }

  private static double sum(Map<String, DoubleAdder> sums, String key) {
    DoubleAdder a = sums.get(key);
    return a == null ? 0 : a.sum();
  }
}
