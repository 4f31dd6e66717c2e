package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.domain.common.Parallel;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Env;
import herald.testing.StandIns;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Codes and publications on the local runtime, three parts:
 * <ol>
 *   <li>generating codes: {@code POST /v1/campaigns} with {@code codes_count} until the async action is DONE,
 *       against raw BatchWriteItem of as many like items from {@link Parallel#AT_ONCE} threads (the batches a
 *       part writes at once), in the same run, {@value #ROUNDS} rounds; and, as a diagnostic, the raw calls of a
 *       generation that reads first (a BatchGetItem of each 100 codes before their writes);
 *   <li>publications per second through {@code POST /v1/publications} from 1, 4 and 16 concurrent publishers,
 *       with the conditional writes on the codes table that lost (another publisher took that code first) per
 *       publication, counted by {@link SdkCallTimer};
 *   <li>{@code publish_code} end to end: {@code POST /v1/events} until aws-ses-v2-local has captured the email
 *       holding the code, one event at a time.
 * </ol>
 * {@code CodesBench [codes] [publications per level] [events]}; writes bench/results/codes.json.
 */
public final class CodesBench {
  private static final int WARM_UP_CODES = 10_000;
  private static final int ROUNDS = 3;
  private static final int[] PUBLISHERS = {1, 4, 16};
  private static final int WARM_UP_EVENTS = 20;
  /** Polling the async action (a DynamoDB read each time, on the stand-in the writes share). */
  private static final long ACTION_POLL_MS = 100;
  private static final long POLL_MS = 5;
  private static final long TIMEOUT_NANOS = 900_000_000_000L;
  private static final Pattern CODE = Pattern.compile("BENCH-[A-Z0-9]{8}");
  private static PrintStream OUT = System.out;

  private CodesBench() {}

  public static void main(String[] args) throws Exception {
    int codes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int publications = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int events = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Path root = Repo.root();
    OUT = Results.logsToFile(root, "codes");
    ObjectNode results = Results.start("codes");
    try (LocalRuntime runtime = LocalRuntime.start(Options.forTests(root.resolve("template.yaml")))) {
      HeraldClient api = new HeraldClient(runtime.apiUrl(), runtime.apiKey());
      Env env = runtime.functions().get("JobsFunction").env();
      SdkCallTimer.tableLabels(Map.of(env.get("CODES_TABLE"), "codes"));
      generation(api, env, codes, results.putObject("generation"));
      publications(api, publications, results.putObject("publications"));
      endToEnd(api, runtime.functions().get("SenderFunction").env().get("AWS_ENDPOINT_URL_SESV2"), events,
          results.putObject("publish_code_end_to_end"));
    }
    OUT.println("results: " + Results.write(root, "codes", results));
  }

  private static void generation(HeraldClient api, Env env, int codes, ObjectNode node) throws Exception {
    generate(api, WARM_UP_CODES);
    RawCodes.seconds(StandIns.dynamo(env), env.get("CODES_TABLE"), "camp_warm", WARM_UP_CODES, Parallel.AT_ONCE, true);
    OUT.printf("warm-up: %d codes, discarded%n", WARM_UP_CODES);
    node.put("codes", codes);
    node.put("code_config", "length 10, alphanumeric");
    node.put("raw_threads", Parallel.AT_ONCE);
    OUT.printf("%nGenerating %d codes (s, codes/s)%n%-8s %10s %10s %10s %10s %10s %10s %8s%n", codes, "round",
        "Herald", "codes/s", "raw write", "codes/s", "raw r+w", "codes/s", "ratio");
    var rounds = node.putArray("rounds");
    List<Double> ratios = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      double herald = generate(api, codes);
      double raw = RawCodes.seconds(StandIns.dynamo(env), env.get("CODES_TABLE"), "camp_raw" + round, codes,
          Parallel.AT_ONCE, false);
      double rawRead = RawCodes.seconds(StandIns.dynamo(env), env.get("CODES_TABLE"), "camp_rawread" + round, codes,
          Parallel.AT_ONCE, true);
      ObjectNode r = rounds.addObject();
      r.put("herald_seconds", Results.round2(herald));
      r.put("herald_codes_per_second", Results.round(codes / herald));
      r.put("raw_batch_write_seconds", Results.round2(raw));
      r.put("raw_batch_write_codes_per_second", Results.round(codes / raw));
      r.put("raw_read_then_write_seconds", Results.round2(rawRead));
      r.put("herald_over_raw_batch_write", Results.round2(raw / herald));
      OUT.printf("%-8d %10.1f %10.0f %10.1f %10.0f %10.1f %10.0f %8.2f%n", round, herald, codes / herald, raw,
          codes / raw, rawRead, codes / rawRead, raw / herald);
      ratios.add(raw / herald);
    }
    double median = new Quantiles(ratios).median();
    node.put("median_herald_over_raw_batch_write", Results.round2(median));
    OUT.printf("median Herald / raw BatchWriteItem: %.2f%n", median);
  }

  /** Seconds from POST /v1/campaigns with codes_count until the generation is DONE. */
  private static double generate(HeraldClient api, int codes) throws Exception {
    long start = System.nanoTime();
    JsonNode campaign = api.send("POST", "/v1/campaigns", "{\"name\":\"Bench\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"length\":10},\"codes_count\":" + codes + "}", 201);
    done(api, campaign.path("generation").path("async_action_id").asText(), start);
    return (System.nanoTime() - start) / 1e9;
  }

  private static JsonNode done(HeraldClient api, String action, long start) throws Exception {
    while (true) {
      JsonNode state = api.send("GET", "/v1/async-actions/" + action + "?limit=1", null, 200);
      if ("DONE".equals(state.path("status").asText())) return state;
      if (System.nanoTime() - start > TIMEOUT_NANOS) throw new IllegalStateException("not DONE: " + state);
      Thread.sleep(ACTION_POLL_MS);
    }
  }

  private static void publications(HeraldClient api, int perLevel, ObjectNode node) throws Exception {
    int needed = perLevel * (PUBLISHERS.length + 1);
    long start = System.nanoTime();
    JsonNode campaign = api.send("POST", "/v1/campaigns", "{\"name\":\"Pool\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"length\":10},\"codes_count\":" + needed + "}", 201);
    String id = campaign.path("id").asText();
    done(api, campaign.path("generation").path("async_action_id").asText(), start);
    publish(api, id, "warm", perLevel, 4);
    node.put("publications_per_level", perLevel);
    node.put("pool_size", needed);
    OUT.printf("%nPOST /v1/publications, %d per level, pool of %d codes%n%-12s %12s %14s %12s%n", perLevel, needed,
        "publishers", "per second", "lost writes", "per pub.");
    var levels = node.putArray("levels");
    for (int publishers : PUBLISHERS) {
      long from = System.nanoTime();
      publish(api, id, "level" + publishers, perLevel, publishers);
      long to = System.nanoTime();
      long lost = SdkCallTimer.count("DynamoDb.UpdateItem codes (failed)", from, to);
      double perSecond = perLevel / ((to - from) / 1e9);
      ObjectNode level = levels.addObject();
      level.put("publishers", publishers);
      level.put("publications_per_second", Results.round(perSecond));
      level.put("lost_conditional_writes", lost);
      level.put("lost_per_publication", Results.round2(lost / (double) perLevel));
      OUT.printf("%-12d %12.0f %14d %12.3f%n", publishers, perSecond, lost, lost / (double) perLevel);
    }
    node.put("sdk_calls_counted", SdkCallTimer.installed());
    JsonNode counts = api.send("GET", "/v1/campaigns/" + id, null, 200).path("codes");
    node.set("codes_after", counts);
    if (counts.path("published").asLong() != (long) perLevel * (PUBLISHERS.length + 1)) {
      throw new IllegalStateException("published count " + counts + " after " + needed + " publications");
    }
  }

  /** {@code count} publications of new customers from {@code publishers} threads. */
  private static void publish(HeraldClient api, String campaign, String prefix, int count, int publishers)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(publishers)) {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < publishers; t++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            api.send("POST", "/v1/publications", "{\"campaign_id\":\"" + campaign + "\",\"customer\":{\"source_id\":\""
                + prefix + "-" + i + "\"},\"source_id\":\"" + prefix + "-" + i + "\"}", 201);
          }
          return null;
        }));
      }
      for (Future<?> f : running) f.get();
    }
  }

  private static void endToEnd(HeraldClient api, String ses, int events, ObjectNode node) throws Exception {
    api.putBrand();
    long start = System.nanoTime();
    JsonNode campaign = api.send("POST", "/v1/campaigns", "{\"name\":\"Welcome\",\"type\":\"DISCOUNT_VOUCHERS\","
        + "\"code_config\":{\"prefix\":\"BENCH-\",\"length\":8,\"charset\":\"uppercase\"},\"codes_count\":"
        + (events + WARM_UP_EVENTS) * 2 + "}", 201);
    done(api, campaign.path("generation").path("async_action_id").asText(), start);
    String distribution = api.send("POST", "/v1/distributions", "{\"name\":\"Welcome code\",\"trigger\":{\"type\":"
        + "\"customer.custom_event\",\"filters\":{\"event\":\"signed_up\"}},\"audience\":{\"type\":\"event_customer\"},"
        + "\"action\":{\"type\":\"publish_code\",\"campaign_id\":\"" + campaign.path("id").asText() + "\"},"
        + "\"channels\":[{\"type\":\"email\",\"subject\":\"Your code\",\"html\":\"<p>Your code: {{voucher.code}}</p>\","
        + "\"text\":\"Your code: {{voucher.code}}\"}]}", 201).path("id").asText();
    api.send("POST", "/v1/distributions/" + distribution + "/activate", "", 200);
    HttpClient http = HttpClient.newHttpClient();
    trips(api, http, ses, "warm", WARM_UP_EVENTS);
    List<Double> trips = trips(api, http, ses, "e2e", events);
    Quantiles q = new Quantiles(trips);
    node.put("events", events);
    node.put("poll_interval_ms", POLL_MS);
    node.put("p50_ms", Results.round(q.median()));
    node.put("p90_ms", Results.round(q.quantile(0.9)));
    node.put("p99_ms", Results.round(q.quantile(0.99)));
    node.put("max_ms", Results.round(q.max()));
    OUT.printf("%npublish_code end to end, POST /v1/events to the email with the code captured, %d events (ms)%n"
        + "p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", events, q.median(), q.quantile(0.9), q.quantile(0.99), q.max());
  }

  /** One event at a time for a new customer; the time until an email to them holding a code is captured. */
  private static List<Double> trips(HeraldClient api, HttpClient http, String ses, String prefix, int events)
      throws Exception {
    List<Double> trips = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      String email = prefix + i + "@example.com";
      api.send("POST", "/v1/customers", "{\"source_id\":\"" + prefix + "-" + i + "\",\"email\":\"" + email + "\"}",
          200);
      http.send(HttpRequest.newBuilder(URI.create(ses + "/clear-store")).POST(HttpRequest.BodyPublishers.noBody())
          .build(), HttpResponse.BodyHandlers.discarding());
      long start = System.nanoTime();
      api.send("POST", "/v1/events", "{\"event\":\"signed_up\",\"customer\":{\"source_id\":\"" + prefix + "-" + i
          + "\"}}", 202);
      while (!captured(http, ses, email)) {
        if (System.nanoTime() - start > 60_000_000_000L) throw new IllegalStateException("no email to " + email);
        Thread.sleep(POLL_MS);
      }
      trips.add((System.nanoTime() - start) / 1e6);
    }
    return trips;
  }

  private static boolean captured(HttpClient http, String ses, String email) throws Exception {
    JsonNode store = Results.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(ses + "/store")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    for (JsonNode mail : store.path("emails")) {
      if (!mail.path("destination").toString().contains(email)) continue;
      Matcher code = CODE.matcher(mail.path("body").path("text").asText());
      if (code.find()) return true;
      throw new IllegalStateException("the email to " + email + " holds no code: " + mail);
    }
    return false;
  }
}
