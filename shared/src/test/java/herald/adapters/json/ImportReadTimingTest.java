package herald.adapters.json;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.RecordingJobs;
import herald.domain.fakes.TestClock;
import herald.domain.intake.ImportFile;
import herald.domain.intake.StartImport;
import java.io.StringReader;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The import's own read speed: how long {@link StartImport} takes to read a 100,000-row file (count it, then cut
 * it into parts) onto a recording job queue, best of five runs after two to warm up. A measurement, not a check:
 * it runs only when asked, {@code -Dherald.timing=true -Dtest=ImportReadTimingTest}.
 */
@EnabledIfSystemProperty(named = "herald.timing", matches = "true")
class ImportReadTimingTest {
  private static final int ROWS = 100_000;

  @Test
  void csv() {
    report("CSV", csv(ROWS), text -> new CsvRows(() -> new StringReader(text)));
  }

  @Test
  void ndjson() {
    report("NDJSON", ndjson(ROWS), text -> new NdjsonRows(() -> new StringReader(text)));
  }

  private static void report(String kind, String file, Function<String, ImportFile> open) {
    double best = Double.MAX_VALUE;
    for (int run = 0; run < 7; run++) {
      TestClock clock = new TestClock();
      RecordingJobs jobs = new RecordingJobs();
      long start = System.nanoTime();
      new StartImport(new InMemoryAsyncActions(clock), jobs, clock).start(open.apply(file));
      double ms = (System.nanoTime() - start) / 1e6;
      assertThat(jobs.queued()).hasSize(ROWS / StartImport.PART_ROWS);
      if (run >= 2) best = Math.min(best, ms);
    }
    System.out.printf("StartImport read %,d %s rows (%.1f MB) into parts: best of 5 %.0f ms%n", ROWS, kind,
        file.length() / 1e6, best);
  }

  /** As bench's ImportBench writes them: a name, email, phone, consent and two metadata columns. */
  static String csv(int rows) {
    StringBuilder csv = new StringBuilder("source_id,name,email,phone,consents.email,metadata.plan,metadata.city\n");
    String[] plans = {"gold", "silver", "bronze"};
    for (int i = 0; i < rows; i++) {
      csv.append("c-").append(i).append(",\"Customer ").append(i).append(", Jr\",c").append(i)
          .append("@example.com,+4477009").append(String.format("%05d", i % 100_000)).append(',')
          .append(i % 5 != 0).append(',').append(plans[i % 3]).append(",City ").append(i % 50).append('\n');
    }
    return csv.toString();
  }

  static String ndjson(int rows) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      ndjson.append("{\"source_id\":\"c-").append(i).append("\",\"name\":\"Customer ").append(i)
          .append(", Jr\",\"email\":\"c").append(i).append("@example.com\",\"consents\":{\"email\":{\"granted\":")
          .append(i % 5 != 0).append("}},\"metadata\":{\"plan\":\"gold\",\"city\":\"City ").append(i % 50)
          .append("\"}}\n");
    }
    return ndjson.toString();
  }
}
