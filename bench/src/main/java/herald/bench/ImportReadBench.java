package herald.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import herald.adapters.json.CsvRows;
import herald.adapters.json.NdjsonRows;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.RecordingJobs;
import herald.domain.fakes.TestClock;
import herald.domain.intake.ImportFile;
import herald.domain.intake.StartImport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The import's own read speed, in one JVM: how long {@link StartImport} takes to read a file of 100,000 customers
 * (count the rows, then cut them into parts) onto a recording job queue, against the raw floor of reading the same
 * text line by line twice (StartImport reads the file twice). Best of 5 runs after 3 to warm up, CSV and NDJSON.
 * Argument: [rows]. Writes bench/results/import-read.json.
 */
public final class ImportReadBench {
  private static final int WARM_UP = 3;
  private static final int RUNS = 5;

  private ImportReadBench() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    ObjectNode results = Results.start("import-read");
    results.putObject("settings").put("rows", rows).put("runs", RUNS).put("warm_up", WARM_UP);
    measure(results.putObject("csv"), "CSV", ImportBench.csv("c", rows), text -> new CsvRows(() -> new StringReader(text)));
    measure(results.putObject("ndjson"), "NDJSON", ndjson(rows),
        text -> new NdjsonRows(() -> new StringReader(text)));
    System.out.println("results: " + Results.write(Path.of(""), "import-read", results));
  }

  private static void measure(ObjectNode into, String kind, String file, Function<String, ImportFile> open) {
    double herald = Double.MAX_VALUE;
    double raw = Double.MAX_VALUE;
    for (int run = 0; run < WARM_UP + RUNS; run++) {
      long start = System.nanoTime();
      lines(file);
      lines(file);
      double rawMs = (System.nanoTime() - start) / 1e6;
      TestClock clock = new TestClock();
      start = System.nanoTime();
      new StartImport(new InMemoryAsyncActions(clock), new RecordingJobs(), clock).start(open.apply(file));
      double heraldMs = (System.nanoTime() - start) / 1e6;
      if (run >= WARM_UP) {
        herald = Math.min(herald, heraldMs);
        raw = Math.min(raw, rawMs);
      }
    }
    into.put("mb", Results.round(file.length() / 1e6)).put("start_import_ms", Results.round(herald))
        .put("raw_two_line_reads_ms", Results.round(raw)).put("ratio", Results.round2(herald / raw));
    System.out.printf("%-6s %5.1f MB: StartImport %6.0f ms, raw line reads %5.0f ms, %.1fx the raw floor%n", kind,
        file.length() / 1e6, herald, raw, herald / raw);
  }

  /** The same customers as {@link ImportBench#csv}, one JSON object per line. */
  static String ndjson(int rows) {
    StringBuilder ndjson = new StringBuilder();
    String[] plans = {"gold", "silver", "bronze"};
    for (int i = 0; i < rows; i++) {
      ndjson.append("{\"source_id\":\"c-").append(i).append("\",\"name\":\"Customer ").append(i)
          .append(", Jr\",\"email\":\"c").append(i).append(".c@example.com\",\"phone\":\"+4477009")
          .append(String.format("%05d", i % 100_000)).append("\",\"consents\":{\"email\":{\"granted\":")
          .append(i % 5 != 0).append("}},\"metadata\":{\"plan\":\"").append(plans[i % 3])
          .append("\",\"city\":\"City ").append(i % 50).append("\"}}\n");
    }
    return ndjson.toString();
  }

  private static long lines(String text) {
    try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
      long n = 0;
      while (reader.readLine() != null) n++;
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
