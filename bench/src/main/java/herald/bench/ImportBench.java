package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.CsvRows;
import herald.local.LocalRuntime;
import herald.local.Options;
import herald.platform.Env;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Customer import end to end on the local runtime: POST /v1/customers/import with a CSV file, then
 * GET /v1/async-actions/{id} until DONE; rows per second from the POST to DONE. Then the same file again (every
 * row unchanged). Also the API's share: the POST's own time (read the file twice, create the action, queue the
 * parts) and, in this process, reading the file alone. {@code ImportBench [rows]}; writes
 * bench/results/import.json.
 */
public final class ImportBench {
  private static final int WARM_UP_ROWS = 2_000;
  private static final long POLL_MS = 50;
  /** The local runtime's pollers per queue: parts imported at once. */
  private static final int THREADS = Options.forTests(Path.of("template.yaml")).concurrency();
  private static final long TIMEOUT_NANOS = 900_000_000_000L;
  private static PrintStream OUT = System.out;

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path root = Repo.root();
    OUT = Results.logsToFile(root, "import");
    ObjectNode results = Results.start("import");
    try (LocalRuntime runtime = LocalRuntime.start(Options.forTests(root.resolve("template.yaml")))) {
      Client api = new Client(runtime.apiUrl(), runtime.apiKey());
      Run warmUp = importFile(api, csv("warm", WARM_UP_ROWS));
      OUT.printf("warm-up: %d rows in %.1f s, discarded%n", WARM_UP_ROWS, warmUp.seconds());
      String file = csv("bench", rows);
      double parseMs = parse(file);
      Run first = importFile(api, file);
      Run again = importFile(api, file);
      Env jobsEnv = runtime.functions().get("JobsFunction").env();
      double raw = ImportBaselines.rawRowsPerSecond(jobsEnv, rows, THREADS);
      double enqueueMs = ImportBaselines.startAlone(jobsEnv, file);
      results.put("rows", rows);
      results.put("file_bytes", file.getBytes(StandardCharsets.UTF_8).length);
      results.put("parse_ms_in_process", Results.round(parseMs));
      results.put("start_import_ms_in_process", Results.round(enqueueMs));
      put(results.putObject("first_import"), rows, first);
      put(results.putObject("same_file_again"), rows, again);
      ObjectNode baseline = results.putObject("raw_dynamodb_baseline");
      baseline.put("what", "GetItem (consistent) + conditional PutItem per row, " + THREADS + " threads, same run");
      baseline.put("rows_per_second", Results.round(raw));
      baseline.put("first_import_ratio", Results.round2(rows / first.seconds() / raw));
      print(rows, file.length(), parseMs, enqueueMs, first, again, raw);
    }
    OUT.println("results: " + Results.write(root, "import", results));
  }

  /** {@code rows} customers, each with a name, email, phone, consent and two metadata columns. */
  static String csv(String prefix, int rows) {
    StringBuilder csv = new StringBuilder("source_id,name,email,phone,consents.email,metadata.plan,metadata.city\n");
    String[] plans = {"gold", "silver", "bronze"};
    for (int i = 0; i < rows; i++) {
      csv.append(prefix).append('-').append(i).append(",\"Customer ").append(i).append(", Jr\",c").append(i)
          .append('.').append(prefix).append("@example.com,+4477009").append(String.format("%05d", i % 100_000))
          .append(',').append(i % 5 != 0).append(',').append(plans[i % 3]).append(",City ").append(i % 50).append('\n');
    }
    return csv.toString();
  }

  /** Reads the file as the API does (a count, then every row as a customer object), best of three, ms. */
  private static double parse(String file) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      CsvRows rows = new CsvRows(() -> new StringReader(file));
      rows.count(Long.MAX_VALUE);
      rows.rows().forEachRemaining(row -> {});
      best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    return best;
  }

  private static Run importFile(Client api, String file) throws Exception {
    long start = System.nanoTime();
    JsonNode accepted = api.send("POST", "/v1/customers/import", file, 202);
    double postMs = (System.nanoTime() - start) / 1e6;
    String id = accepted.path("async_action_id").asText();
    while (true) {
      JsonNode action = api.send("GET", "/v1/async-actions/" + id + "?limit=1", null, 200);
      if ("DONE".equals(action.path("status").asText())) {
        return new Run(postMs, (System.nanoTime() - start) / 1e9, action.path("progress"));
      }
      if (System.nanoTime() - start > TIMEOUT_NANOS) throw new IllegalStateException("not DONE: " + action);
      Thread.sleep(POLL_MS);
    }
  }

  private record Run(double postMs, double seconds, JsonNode progress) {}

  private static void put(ObjectNode node, int rows, Run run) {
    node.put("post_ms", Results.round(run.postMs()));
    node.put("seconds_to_done", Results.round2(run.seconds()));
    node.put("rows_per_second", Results.round(rows / run.seconds()));
    node.put("rows_per_second_after_post", Results.round(rows / (run.seconds() - run.postMs() / 1000)));
    node.set("progress", run.progress());
  }

  private static void print(int rows, int chars, double parseMs, double enqueueMs, Run first, Run again,
      double raw) {
    OUT.printf("%nImport of %d CSV rows (%.1f MB) on the local runtime%n", rows, chars / 1e6);
    OUT.printf("%-36s %10s %10s %10s%n", "", "POST ms", "s to DONE", "rows/s");
    OUT.printf("%-36s %10.0f %10.2f %10.0f%n", "first import (created)", first.postMs(), first.seconds(),
        rows / first.seconds());
    OUT.printf("%-36s %10.0f %10.2f %10.0f%n", "same file again (unchanged)", again.postMs(), again.seconds(),
        rows / again.seconds());
    OUT.printf("%-36s %10s %10.2f %10.0f%n", "raw GetItem + PutItem, " + THREADS + " threads", "", rows / raw, raw);
    OUT.printf("first import / raw: %.2f%n", rows / first.seconds() / raw);
    OUT.printf("in process, nothing else running: reading the file (count + rows) %.0f ms; "
        + "all the POST does (read, action, parts queued) %.0f ms%n", parseMs, enqueueMs);
    OUT.printf("progress: %s / %s%n", first.progress(), again.progress());
  }

  /** The API over HTTP, as curl calls it. */
  private record Client(String api, String key, HttpClient http) {
    Client(String api, String key) {
      this(api, key, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    JsonNode send(String method, String path, String body, int expected) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
          .header("Authorization", "Bearer " + key)
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (body != null) request.header("Content-Type", "text/csv");
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return Results.JSON.readTree(response.body());
    }
  }
}
