package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.local.LocalRuntime;
import herald.local.Options;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Steps 4 to 6 of the README's quick start on the local runtime, in process: POST /v1/events until
 * GET /v1/distributions/{id}/messages shows that event's message SENT. One event at a time (20 warm-up, then 200),
 * then 200 at once from 8 clients (after the same burst, discarded: the functions' instances a burst needs are
 * built, as on a warm Lambda), then events posted at a target rate for 5 s by up to 32 clients.
 * {@code EndToEndBench [events] [rate]} (rate 0: no paced phase); writes bench/results/end-to-end.json.
 */
public final class EndToEndBench {
  private static final int WARM_UP = 20;
  private static final int PER_DISTRIBUTION = 20; // keeps each listing to one short page
  private static final long POLL_MS = 2;
  private static final long CONCURRENT_POLL_MS = 10;
  private static final int CLIENTS = 8;
  private static final int PACED_CLIENTS = 32;
  private static final int PACED_SECONDS = 5;
  private static final long PACED_POLL_MS = 200;
  private static final long TIMEOUT_NANOS = 60_000_000_000L;
  private static final String SOURCE_ID = "ada-1";
  /** The concurrent and paced phases' events name one of these customers each, in turn, as a busy shop's would. */
  private static final int CUSTOMERS = 64;

  private static PrintStream OUT = System.out;

  private EndToEndBench() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int pacedWarmUps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path root = Repo.root();
    OUT = Results.logsToFile(root, "end-to-end");
    ObjectNode results = Results.start("end-to-end");
    try (LocalRuntime runtime = LocalRuntime.start(Options.forEndToEndTests(root.resolve("template.yaml")))) {
      HeraldClient api = new HeraldClient(runtime.apiUrl(), runtime.apiKey());
      api.putBrand();
      for (int c = 1; c <= CUSTOMERS; c++) api.putCustomer("ada-" + c);
      sequential(api, WARM_UP);
      OUT.printf("warm-up: %d events, discarded%n", WARM_UP);
      List<Sample> one = sequential(api, events);
      ObjectNode seq = results.putObject("sequential");
      seq.put("events", events);
      seq.put("poll_interval_ms", POLL_MS);
      summarise(seq, one);
      concurrent(api, events);
      OUT.printf("warm-up: %d events from %d clients, discarded (the instances a burst needs get built)%n", events,
          CLIENTS);
      long start = System.nanoTime();
      List<Sample> many = concurrent(api, events);
      double seconds = (System.nanoTime() - start) / 1e9;
      ObjectNode conc = results.putObject("concurrent");
      conc.put("events", events);
      conc.put("clients", CLIENTS);
      conc.put("poll_interval_ms", CONCURRENT_POLL_MS);
      conc.put("seconds", Results.round(seconds));
      conc.put("events_per_second", Results.round(events / seconds));
      summarise(conc, many);
      print(events, one, many, seconds);
      if (rate > 0) {
        for (int i = 0; i < pacedWarmUps; i++) {
          paced(api, JsonNodeFactory.instance.objectNode(), rate);
          OUT.printf("(paced warm-up above, discarded: the JIT compilers and the instances settle at that rate)%n");
        }
        paced(api, results.putObject("paced"), rate);
      }
    }
    OUT.println("results: " + Results.write(root, "end-to-end", results));
  }

  /** One event at a time; a fresh distribution every PER_DISTRIBUTION events, archived after. */
  private static List<Sample> sequential(HeraldClient api, int events) throws Exception {
    List<Sample> samples = new ArrayList<>();
    while (samples.size() < events) {
      String distribution = api.activeWelcome();
      for (int i = 0; i < PER_DISTRIBUTION && samples.size() < events; i++) {
        Instant postedAt = Instant.now();
        long start = System.nanoTime();
        String eventId = api.postEvent(SOURCE_ID, "bench-" + UUID.randomUUID());
        double postMs = (System.nanoTime() - start) / 1e6;
        while (true) {
          JsonNode message = sent(api.messages(distribution), eventId);
          if (message != null) {
            samples.add(Sample.of(postedAt, (System.nanoTime() - start) / 1e6, postMs, message));
            break;
          }
          if (System.nanoTime() - start > TIMEOUT_NANOS) throw new IllegalStateException("no SENT for " + eventId);
          Thread.sleep(POLL_MS);
        }
      }
      api.archive(distribution);
    }
    return samples;
  }

  /** All events at once from CLIENTS threads, one distribution; a listing every CONCURRENT_POLL_MS. */
  private static List<Sample> concurrent(HeraldClient api, int events) throws Exception {
    String distribution = api.activeWelcome();
    Map<String, Posted> posted = new ConcurrentHashMap<>(); // by Herald's event id
    Map<String, Long> seenAt = new HashMap<>();
    Map<String, JsonNode> sent = new HashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> posts = new ArrayList<>();
    long begin = System.nanoTime();
    for (int i = 0; i < events; i++) {
      String customer = customer(i);
      posts.add(clients.submit(() -> {
        Instant at = Instant.now();
        long start = System.nanoTime();
        String id = api.postEvent(customer, "bench-" + UUID.randomUUID());
        posted.put(id, new Posted(at, start, System.nanoTime() - start));
        return null;
      }));
    }
    while (seenAt.size() < events) {
      if (System.nanoTime() - begin > TIMEOUT_NANOS * 2) throw new IllegalStateException(seenAt.size() + " SENT only");
      for (JsonNode m : api.messages(distribution)) {
        String eventId = m.path("event_id").asText();
        if ("SENT".equals(m.path("status").asText()) && !seenAt.containsKey(eventId)) {
          seenAt.put(eventId, System.nanoTime());
          sent.put(eventId, m);
        }
      }
      for (Future<?> post : posts) if (post.isDone()) post.get(); // a failed POST stops the bench
      Thread.sleep(CONCURRENT_POLL_MS);
    }
    for (Future<?> post : posts) post.get();
    clients.shutdown();
    api.archive(distribution);
    List<Sample> samples = new ArrayList<>();
    posted.forEach((id, p) -> samples.add(
        Sample.of(p.at(), (seenAt.get(id) - p.startNanos()) / 1e6, p.postNanos() / 1e6, sent.get(id))));
    return samples;
  }

  private static String customer(int event) {
    return "ada-" + (1 + event % CUSTOMERS);
  }

  private record Posted(Instant at, long startNanos, long postNanos) {}

  /**
   * {@code rate} events a second for PACED_SECONDS, each POST sent at its slot (begin + i / rate) by one of
   * PACED_CLIENTS threads, to one distribution. Latency is from the POST to the message's SENT write (its
   * {@code updated_at}), so the listing, every PACED_POLL_MS, only tells when all are SENT.
   */
  private static void paced(HeraldClient api, ObjectNode node, int rate) throws Exception {
    int events = rate * PACED_SECONDS;
    String distribution = api.activeWelcome();
    Map<String, Posted> posted = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(PACED_CLIENTS);
    List<Future<?>> posts = new ArrayList<>();
    Cpu cpuBefore = Cpu.now("paced-client");
    long begin = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < events; i++) {
      long slot = begin + i * 1_000_000_000L / rate;
      String customer = customer(i);
      posts.add(clients.submit(() -> {
        long wait = slot - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        Instant at = Instant.now();
        long start = System.nanoTime();
        String id = api.postEvent(customer, "bench-" + UUID.randomUUID());
        posted.put(id, new Posted(at, start, System.nanoTime() - start));
        return null;
      }));
    }
    Map<String, JsonNode> sent = new HashMap<>();
    while (sent.size() < events) {
      if (System.nanoTime() - begin > TIMEOUT_NANOS * 2) throw new IllegalStateException(sent.size() + " SENT only");
      for (JsonNode m : api.messages(distribution)) {
        if ("SENT".equals(m.path("status").asText())) sent.putIfAbsent(m.path("event_id").asText(), m);
      }
      for (Future<?> post : posts) if (post.isDone()) post.get();
      Thread.sleep(PACED_POLL_MS);
    }
    Cpu cpu = Cpu.now("paced-client").minus(cpuBefore);
    long lastPost = 0;
    for (Future<?> post : posts) post.get();
    clients.shutdown();
    api.archive(distribution);
    Instant first = null;
    Instant last = null;
    List<Sample> samples = new ArrayList<>();
    for (Map.Entry<String, Posted> e : posted.entrySet()) {
      Posted p = e.getValue();
      Sample s = Sample.of(p.at(), 0, p.postNanos() / 1e6, sent.get(e.getKey()));
      samples.add(new Sample(s.toClaimMs() + s.sendMs(), s.postMs(), s.toClaimMs(), s.sendMs()));
      Instant at = Instant.parse(sent.get(e.getKey()).path("updated_at").asText());
      if (first == null || p.at().isBefore(first)) first = p.at();
      if (last == null || at.isAfter(last)) last = at;
      lastPost = Math.max(lastPost, p.startNanos() + p.postNanos());
    }
    double seconds = java.time.Duration.between(first, last).toNanos() / 1e9;
    double postSeconds = (lastPost - begin) / 1e9;
    node.put("target_events_per_second", rate);
    node.put("events", events);
    node.put("clients", PACED_CLIENTS);
    node.put("posted_per_second", Results.round(events / postSeconds));
    node.put("seconds", Results.round(seconds));
    node.put("events_per_second", Results.round(events / seconds));
    put(node.putObject("post_to_sent_ms"), samples, Sample::latencyMs);
    put(node.putObject("post_ms"), samples, Sample::postMs);
    put(node.putObject("post_to_claim_ms"), samples, Sample::toClaimMs);
    put(node.putObject("claim_to_sent_ms"), samples, Sample::sendMs);
    cpu.write(node.putObject("cpu_seconds"));
    node.put("dynalite_cpu_ms_per_event", Results.round(cpu.dynalite() * 1000 / events));
    node.put("jvm_cpu_ms_per_event", Results.round(cpu.jvm() * 1000 / events));
    OUT.printf("%npaced at %d events/s for %d s (%d clients): posted at %.0f/s, all SENT in %.1f s: %.0f events/s%n",
        rate, PACED_SECONDS, PACED_CLIENTS, events / postSeconds, seconds, events / seconds);
    OUT.printf("%-34s %7s %7s %7s %7s%n", "", "p50", "p90", "p99", "max");
    row("POST to SENT written", samples, Sample::latencyMs);
    row("  POST (202)", samples, Sample::postMs);
    row("  POST to sender's claim", samples, Sample::toClaimMs);
    row("  claim to SENT", samples, Sample::sendMs);
    OUT.printf("CPU per event: dynalite %.1f ms (one Node thread), the JVM (runtime, functions, ElasticMQ) %.1f ms%n",
        cpu.dynalite() * 1000 / events, cpu.jvm() * 1000 / events);
  }

  private static JsonNode sent(List<JsonNode> messages, String eventId) {
    for (JsonNode m : messages) {
      if (!eventId.equals(m.path("event_id").asText())) continue;
      String status = m.path("status").asText();
      if ("SENT".equals(status)) return m;
      if (!"SENDING".equals(status) && !"QUEUED".equals(status)) {
        throw new IllegalStateException("event " + eventId + " ended " + status + " " + m.path("reason").asText());
      }
    }
    return null;
  }

  private static void summarise(ObjectNode node, List<Sample> samples) {
    put(node.putObject("latency_ms"), samples, Sample::latencyMs);
    put(node.putObject("post_ms"), samples, Sample::postMs);
    put(node.putObject("post_to_claim_ms"), samples, Sample::toClaimMs);
    put(node.putObject("claim_to_sent_ms"), samples, Sample::sendMs);
  }

  private static void put(ObjectNode node, List<Sample> samples, Function<Sample, Double> field) {
    Quantiles s = new Quantiles(samples.stream().map(field).toList());
    node.put("p50", Results.round(s.median()));
    node.put("p90", Results.round(s.quantile(0.9)));
    node.put("p99", Results.round(s.quantile(0.99)));
    node.put("max", Results.round(s.max()));
    node.put("mean", Results.round(s.mean()));
  }

  private static void print(int events, List<Sample> one, List<Sample> many, double seconds) {
    OUT.printf("%nEnd to end, POST /v1/events to message SENT in the API (ms), %d events%n", events);
    OUT.printf("%-34s %7s %7s %7s %7s%n", "", "p50", "p90", "p99", "max");
    row("one at a time: POST to SENT", one, Sample::latencyMs);
    row("  POST (202)", one, Sample::postMs);
    row("  POST to sender's claim", one, Sample::toClaimMs);
    row("  claim to SENT", one, Sample::sendMs);
    row(CLIENTS + " clients: POST to SENT", many, Sample::latencyMs);
    row("  POST to sender's claim", many, Sample::toClaimMs);
    row("  claim to SENT", many, Sample::sendMs);
    OUT.printf("%d concurrent events SENT in %.1f s: %.0f events/s%n", events, seconds, events / seconds);
  }

  private static void row(String name, List<Sample> samples, Function<Sample, Double> field) {
    Quantiles s = new Quantiles(samples.stream().map(field).toList());
    OUT.printf("%-34s %7.1f %7.1f %7.1f %7.1f%n", name, s.median(), s.quantile(0.9), s.quantile(0.99), s.max());
  }
}
