package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.aws.EventBridgeBus;
import herald.domain.customers.Customer;
import herald.domain.events.EventCatalogue;
import herald.domain.events.TriggerEvent;
import herald.local.LambdaFunction;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.AwsModule;
import herald.platform.Env;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * What a message costs on AWS: the flows of issue 13 on the local runtime, in process, each counted by
 * {@link CallCounter} (every SDK call of the functions and of the runtime's pollers, with DynamoDB's consumed
 * capacity), the functions' invocations and handler time ({@link LambdaFunction}), the API requests and the bytes
 * the functions logged, then priced with {@link Prices}. {@code CostBench [messages] [segment members] [rows]};
 * writes bench/results/cost.json.
 */
public final class CostBench {
  private static final long QUIET_MS = 3_000;
  private static final long TIMEOUT_NANOS = 900_000_000_000L;
  private static final int WARM_UP = 100;
  /** The trigger's ActiveDistributionsCacheSeconds, the template's default: each flow waits it out after activating. */
  private static final java.time.Duration TRIGGER_CACHE = java.time.Duration.ofSeconds(5);
  private static final int LOCAL_CONCURRENCY = 2;
  private static PrintStream OUT = System.out;
  private static final AtomicLong LOG_BYTES = new AtomicLong();

  private final LocalRuntime runtime;
  private final Api api;
  private final EventBridgeBus bus;

  private CostBench(LocalRuntime runtime, EventBridgeBus bus) {
    this.runtime = runtime;
    this.api = new Api(runtime.apiUrl(), runtime.apiKey());
    this.bus = bus;
  }

  public static void main(String[] args) throws Exception {
    int messages = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    if (rows < members + 4 * messages + WARM_UP) {
      throw new IllegalArgumentException("rows must cover members + 4 x messages + " + WARM_UP);
    }
    Path root = Repo.root();
    OUT = Results.logsToFile(root, "cost");
    System.setOut(new PrintStream(new Counting(System.out), true));
    ObjectNode results = Results.start("cost");
    results.put("priced_on", Prices.PRICED_ON);
    results.put("measured_on", LocalDate.now(ZoneOffset.UTC).toString());
    ObjectNode flows = results.putObject("flows");
    // At most 2 batches or invocations of a function at once (the machine's 2 cores; Lambda's least
    // MaximumConcurrency): the handler time priced as Lambda duration is then a function's own, as an invocation
    // on its own vCPU spends it, not time spent waiting for one of 2 cores shared by 50 pollers.
    Options options = Options.forTests(root.resolve("template.yaml")).withConcurrency(LOCAL_CONCURRENCY)
        .withParameterOverrides(Map.of("ManualGraceSeconds", "0", "ActiveDistributionsCacheSeconds",
            Long.toString(TRIGGER_CACHE.toSeconds()), "SenderMaxConcurrency", "" + LOCAL_CONCURRENCY,
            "FanoutMaxConcurrency", "" + LOCAL_CONCURRENCY));
    try (LocalRuntime runtime = LocalRuntime.start(options); WebhookReceiver hooks = WebhookReceiver.start()) {
      Env env = runtime.functions().get("ApiFunction").env();
      EventBridgeClient events = AwsModule.configure(EventBridgeClient.builder(), env, "EVENTBRIDGE").build();
      CostBench bench = new CostBench(runtime, new EventBridgeBus(events, env.get("EVENT_BUS_NAME")));
      bench.api.send("PUT", "/v1/settings/brand", """
          {"sender_name":"Acme Shop","sender_email":"hello@acme.test","postal_address":"1 Market Street, Springfield"}""",
          200);
      if (!CallCounter.installed()) {
        throw new IllegalStateException("CallCounter is not installed: run through bench/run.sh cost, which puts "
            + "bench/src/main/cost-hooks on the classpath");
      }
      bench.run(flows, messages, members, rows, hooks);
      results.put("dynamodb_capacity_answers", CallCounter.capacityAnswers());
      results.set("prices", Prices.json());
    }
    OUT.println("results: " + Results.write(root, "cost", results));
  }

  private void run(ObjectNode flows, int messages, int members, int rows, WebhookReceiver hooks) throws Exception {
    // 5. the import first: its customers are everyone the other flows send to
    Flow imported = measure("import", rows, () -> {
      JsonNode accepted = api.send("POST", "/v1/customers/import", csv(rows, members), 202, "text/csv");
      return () -> {
        JsonNode action = api.send("GET", "/v1/async-actions/" + accepted.path("async_action_id").asText()
            + "?limit=1", null, 200);
        check("DONE".equals(action.path("status").asText()), "import not DONE: " + action);
        return action.path("progress").toString();
      };
    });
    report(flows, "import", imported);
    int next = members;   // customers members.. are in no segment

    // a warm-up (not counted): events through the API to an email distribution, so the JIT has compiled the paths
    String warm = distribution("Warm-up", emailChannel());
    for (int i = 0; i < WARM_UP; i++) {
      api.send("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"cost-" + (rows - 1 - i)
          + "\"},\"data\":{\"plan\":\"gold\"},\"id\":\"warm-" + UUID.randomUUID() + "\"}", 202);
    }
    quiet();
    sent(warm, WARM_UP);
    api.send("POST", "/v1/distributions/" + warm + "/archive", "", 200);

    // 1. an event put straight on the bus, then one email to the event customer
    String welcome = distribution("Welcome", emailChannel());
    int from1 = next;
    report(flows, "event_email", measure("event_email", messages, () -> {
      for (int i = 0; i < messages; i++) bus.put(event("cost-" + (from1 + i)));
      return () -> sent(welcome, messages);
    }));
    next += messages;

    // 2. the same through POST /v1/events
    int from2 = next;
    report(flows, "api_event_email", measure("api_event_email", messages, () -> {
      for (int i = 0; i < messages; i++) {
        api.send("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"cost-" + (from2 + i)
            + "\"},\"data\":{\"plan\":\"gold\"},\"id\":\"cost-" + UUID.randomUUID() + "\"}", 202);
      }
      return () -> sent(welcome, 2 * messages);
    }));
    next += messages;
    api.send("POST", "/v1/distributions/" + welcome + "/archive", "", 200);

    // 3. an event, then a webhook
    String hook = distribution("Hook", "{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:" + hooks.port()
        + "/hook\"}");
    int from3 = next;
    int hooksBefore = hooks.requests();
    report(flows, "event_webhook", measure("event_webhook", messages, () -> {
      for (int i = 0; i < messages; i++) bus.put(event("cost-" + (from3 + i)));
      return () -> {
        check(hooks.requests() - hooksBefore == messages, (hooks.requests() - hooksBefore) + " webhook posts");
        return sent(hook, messages);
      };
    }));
    next += messages;
    api.send("POST", "/v1/distributions/" + hook + "/archive", "", 200);

    // 6. publish_code: an event, a code published and emailed
    JsonNode campaign = api.send("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"prefix\":\"COST-\",\"length\":8,\"charset\":\"uppercase\"},\"codes_count\":"
        + messages * 2 + "}", 201);
    done(campaign.path("generation").path("async_action_id").asText());
    String codes = distribution("Welcome code", codeChannel(),
        "{\"type\":\"publish_code\",\"campaign_id\":\"" + campaign.path("id").asText() + "\"}");
    int from6 = next;
    report(flows, "publish_code", measure("publish_code", messages, () -> {
      for (int i = 0; i < messages; i++) bus.put(event("cost-" + (from6 + i)));
      return () -> sent(codes, messages);
    }));
    api.send("POST", "/v1/distributions/" + codes + "/archive", "", 200);

    // 4. a segment of `members`, then a manual send of an email to each
    JsonNode segment = api.send("POST", "/v1/segments", "{\"name\":\"VIP\",\"type\":\"auto-update\",\"rules\":"
        + "{\"field\":\"metadata.group\",\"operator\":\"equals\",\"value\":\"vip\"}}", 201);
    done(segment.path("evaluation").path("async_action_id").asText());
    String segmentId = segment.path("id").asText();
    long count = api.send("GET", "/v1/segments/" + segmentId, null, 200).path("member_count").asLong();
    check(count == members, "segment has " + count + " members, not " + members);
    String sale = api.send("POST", "/v1/distributions", "{\"name\":\"Sale\",\"trigger\":{\"type\":\"manual\"},"
        + "\"audience\":{\"type\":\"segment\",\"segment_id\":\"" + segmentId + "\"},\"action\":{\"type\":"
        + "\"plain_message\"},\"channels\":[" + emailChannel() + "]}", 201).path("id").asText();
    report(flows, "segment_email", measure("segment_email", members, () -> {
      String token = api.send("POST", "/v1/distributions/" + sale + "/send", null, 200)
          .path("confirmation_token").asText();
      api.send("POST", "/v1/distributions/" + sale + "/send", "{\"confirmation_token\":\"" + token + "\"}", 202);
      return () -> sent(sale, members);
    }));
  }

  /** Something the bench does in a flow; returns the check made once the flow is quiet (outside its count). */
  private interface Work {
    Check start() throws Exception;
  }

  private interface Check {
    String verify() throws Exception;
  }

  /** What one flow made: its calls by key, its invocations and handler time by function, API requests, log bytes. */
  record Flow(String name, long messages, double seconds, Map<String, CallCounter.Tally> calls,
      Map<String, long[]> lambda, long apiRequests, long logBytes, String outcome, Map<String, Long> origins) {}

  /**
   * Waits for quiet, counts, runs the work, waits until no SDK call (but empty receives) happened for
   * {@value #QUIET_MS} ms, counts again, then checks the outcome (its own calls not counted).
   */
  private Flow measure(String name, long messages, Work work) throws Exception {
    quiet();
    Map<String, CallCounter.Tally> before = CallCounter.snapshot();
    Map<String, Long> originsBefore = CallCounter.origins();
    Map<String, long[]> lambdaBefore = lambda();
    long apiBefore = api.requests.get();
    long logBefore = LOG_BYTES.get();
    long start = System.nanoTime();
    Check check = work.start();
    quiet();
    double seconds = (System.nanoTime() - start) / 1e9 - QUIET_MS / 1000.0;
    Map<String, CallCounter.Tally> calls = CallCounter.between(before, CallCounter.snapshot());
    Map<String, Long> origins = CallCounter.originsBetween(originsBefore, CallCounter.origins());
    Map<String, long[]> lambda = new TreeMap<>();
    lambda().forEach((fn, after) -> {
      long[] b = lambdaBefore.get(fn);
      if (after[0] > b[0]) lambda.put(fn, new long[] {after[0] - b[0], after[1] - b[1]});
    });
    long apiRequests = api.requests.get() - apiBefore;
    long logBytes = LOG_BYTES.get() - logBefore;
    String outcome = check.verify();
    OUT.printf("%s: %d messages in %.1f s; %s%n", name, messages, seconds, outcome);
    return new Flow(name, messages, seconds, calls, lambda, apiRequests, logBytes, outcome, origins);
  }

  private void quiet() throws InterruptedException {
    long start = System.nanoTime();
    long seen = CallCounter.busyCalls();
    while (true) {
      Thread.sleep(QUIET_MS);
      long now = CallCounter.busyCalls();
      if (now == seen) return;
      seen = now;
      if (System.nanoTime() - start > TIMEOUT_NANOS) throw new IllegalStateException("never quiet");
    }
  }

  private Map<String, long[]> lambda() {
    Map<String, long[]> all = new TreeMap<>();
    runtime.functions().forEach((name, fn) -> all.put(name, new long[] {fn.invocations(), fn.handlerNanos()}));
    return all;
  }

  private void report(ObjectNode flows, String key, Flow flow) {
    Prices.Cost cost = Prices.of(flow, name -> runtime.functions().get(name).spec().memorySize());
    ObjectNode node = flows.putObject(key);
    double perMillion = 1e6 / flow.messages();
    boolean rows = key.equals("import");
    node.put(rows ? "usd_per_million_rows" : "usd_per_million", Results.round2(cost.onDemand() * perMillion));
    node.put(rows ? "usd_per_million_rows_provisioned" : "usd_per_million_provisioned",
        Results.round2(cost.provisioned() * perMillion));
    long dynamoDb = flow.calls().entrySet().stream().filter(e -> e.getKey().startsWith("DynamoDb."))
        .mapToLong(e -> e.getValue().calls()).sum();
    node.put("dynamodb_calls_per_message", Results.round3((double) dynamoDb / flow.messages()));
    ObjectNode calls = node.putObject("calls_per_message");
    ObjectNode units = node.putObject("capacity_units_per_message");
    flow.calls().forEach((k, t) -> {
      if (k.endsWith("(empty)")) return;
      calls.put(k, Results.round3((double) t.calls() / flow.messages()));
      if (t.readUnits() + t.writeUnits() > 0) {
        units.put(k, Results.round3((t.readUnits() + t.writeUnits()) / flow.messages()));
      }
    });
    node.put("messages", flow.messages());
    node.put("seconds", Results.round(flow.seconds()));
    node.put("read_units_per_message", Results.round3(cost.readUnits() / flow.messages()));
    node.put("write_units_per_message", Results.round3(cost.writeUnits() / flow.messages()));
    node.put("api_requests_per_message", Results.round3((double) flow.apiRequests() / flow.messages()));
    ObjectNode lambda = node.putObject("lambda_per_message");
    flow.lambda().forEach((fn, v) -> {
      ObjectNode f = lambda.putObject(fn);
      f.put("invocations", Results.round3((double) v[0] / flow.messages()));
      f.put("handler_ms", Results.round3(v[1] / 1e6 / flow.messages()));
      f.put("memory_mb", runtime.functions().get(fn).spec().memorySize());
    });
    node.put("log_bytes_per_message", Results.round((double) flow.logBytes() / flow.messages()));
    node.put("empty_receives", flow.calls().entrySet().stream().filter(e -> e.getKey().endsWith("(empty)"))
        .mapToLong(e -> e.getValue().calls()).sum());
    ObjectNode usd = node.putObject("usd_per_million_by_part");
    cost.parts().forEach((part, v) -> usd.put(part, Results.round3(v * perMillion)));
    ObjectNode excluded = node.putObject("excluded_usd_per_million");
    cost.excluded().forEach((part, v) -> excluded.put(part, Results.round2(v * perMillion)));
    node.put("outcome", flow.outcome());
    ObjectNode origins = node.putObject("dynamodb_calls_per_message_by_origin");
    flow.origins().forEach((k, n) -> origins.put(k, Results.round3((double) n / flow.messages())));
    print(key, flow, cost, dynamoDb);
  }

  private static void print(String key, Flow flow, Prices.Cost cost, long dynamoDb) {
    double perMillion = 1e6 / flow.messages();
    OUT.printf("%n%s (%d %s, %.1f s): $%.2f per million on demand, $%.2f provisioned; DynamoDB calls %.2f, "
            + "units %.2f read + %.2f write per %s%n", key, flow.messages(), key.equals("import") ? "rows" : "messages",
        flow.seconds(), cost.onDemand() * perMillion, cost.provisioned() * perMillion,
        (double) dynamoDb / flow.messages(), cost.readUnits() / flow.messages(), cost.writeUnits() / flow.messages(),
        key.equals("import") ? "row" : "message");
    OUT.printf("  %-44s %10s %10s%n", "call", "per msg", "units");
    flow.calls().forEach((k, t) -> OUT.printf("  %-44s %10.3f %10.3f%n", k, (double) t.calls() / flow.messages(),
        (t.readUnits() + t.writeUnits()) / flow.messages()));
    flow.lambda().forEach((fn, v) -> OUT.printf("  %-44s %10.3f %8.2f ms%n", "Lambda " + fn,
        (double) v[0] / flow.messages(), v[1] / 1e6 / flow.messages()));
    OUT.printf("  %-44s %10.3f%n", "API Gateway requests", (double) flow.apiRequests() / flow.messages());
    flow.origins().forEach((k, n) -> OUT.printf("  %-100s %8.3f%n", k, (double) n / flow.messages()));
    cost.parts().forEach((part, v) -> OUT.printf("  $ %-42s %10.3f%n", part, v * perMillion));
    cost.excluded().forEach((part, v) -> OUT.printf("  $ %-42s %10.2f (excluded)%n", part, v * perMillion));
  }

  private String sent(String distribution, long expected) throws Exception {
    JsonNode totals = api.send("GET", "/v1/distributions/" + distribution + "/summary", null, 200).path("totals");
    check(totals.path("SENT").asLong() == expected, "expected " + expected + " SENT: " + totals);
    return "totals " + totals;
  }

  private void done(String action) throws Exception {
    long start = System.nanoTime();
    while (true) {
      JsonNode a = api.send("GET", "/v1/async-actions/" + action + "?limit=1", null, 200);
      if ("DONE".equals(a.path("status").asText())) return;
      if (System.nanoTime() - start > TIMEOUT_NANOS) throw new IllegalStateException("not DONE: " + a);
      Thread.sleep(200);
    }
  }

  private String distribution(String name, String channel) throws Exception {
    return distribution(name, channel, "{\"type\":\"plain_message\"}");
  }

  private String distribution(String name, String channel, String action) throws Exception {
    String id = api.send("POST", "/v1/distributions", "{\"name\":\"" + name + "\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},"
        + "\"action\":" + action + ",\"channels\":[" + channel + "]}", 201).path("id").asText();
    api.send("POST", "/v1/distributions/" + id + "/activate", "", 200);
    Thread.sleep(TRIGGER_CACHE.toMillis());   // the trigger's read of the active distributions ages out
    return id;
  }

  private static String emailChannel() {
    return "{\"type\":\"email\",\"subject\":\"Hi {{customer.name}}\",\"html\":\"<p>Welcome {{customer.name}}</p>\","
        + "\"text\":\"Welcome {{customer.name}}\"}";
  }

  private static String codeChannel() {
    return "{\"type\":\"email\",\"subject\":\"Your code\",\"html\":\"<p>Your code: {{voucher.code}}</p>\","
        + "\"text\":\"Your code: {{voucher.code}}\"}";
  }

  /** A signed_up custom event of this customer, as the api function puts it on the bus. */
  private static TriggerEvent event(String sourceId) {
    return new TriggerEvent("evt_cost_" + UUID.randomUUID().toString().replace("-", ""), EventCatalogue.CUSTOM_EVENT,
        Instant.now(), new TriggerEvent.CustomerRef(Customer.idFor(sourceId), sourceId),
        Map.of("event", "signed_up", "plan", "gold"));
  }

  /** {@code rows} customers who consent to email; the first {@code members} have metadata.group "vip". */
  static String csv(int rows, int members) {
    StringBuilder csv = new StringBuilder("source_id,name,email,consents.email,metadata.group,metadata.city\n");
    for (int i = 0; i < rows; i++) {
      csv.append("cost-").append(i).append(",Customer ").append(i).append(",c").append(i)
          .append(".cost@example.com,true,").append(i < members ? "vip" : "rest").append(",City ").append(i % 50)
          .append('\n');
    }
    return csv.toString();
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new IllegalStateException(message);
  }

  /** The API over HTTP, counting requests as API Gateway's HTTP API bills them (per 512 KB of request). */
  private static final class Api {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;
    private final String key;
    final AtomicLong requests = new AtomicLong();

    Api(String url, String key) {
      this.url = url;
      this.key = key;
    }

    JsonNode send(String method, String path, String body, int expected) throws Exception {
      return send(method, path, body, expected, "application/json");
    }

    JsonNode send(String method, String path, String body, int expected, String type) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
          .header("Authorization", "Bearer " + key)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null && !body.isEmpty()) request.header("Content-Type", type);
      long size = body == null ? 0 : body.length();
      requests.addAndGet(Math.max(1, (size + 524_287) / 524_288));
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return Results.JSON.readTree(response.body());
    }
  }

  /** Counts the bytes the in-process functions log (CloudWatch Logs ingests them on Lambda). */
  private static final class Counting extends FilterOutputStream {
    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      LOG_BYTES.incrementAndGet();
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      LOG_BYTES.addAndGet(len);
      out.write(b, off, len);
    }
  }
}
