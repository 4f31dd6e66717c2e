package herald.domain.campaigns;

import herald.domain.common.Invalid;
import herald.domain.common.Parallel;
import herald.domain.intake.ImportRow;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Imports one part of an import of codes, {@value #CHUNK} rows at a time, as the customer import does: each code is
 * added with a conditional write, its origin the action and the row's line, so a code the campaign holds, or one
 * an earlier row of the file added, is rejected with its line ({@code duplicate_code}), while a row imported by an
 * earlier try of this part counts as imported again. Each chunk's counts and rejected rows are recorded once, and
 * the campaign's total counted then. Parts are at most 500 rows, done well within one invocation.
 */
public final class ImportCodes implements JobWork {
  public static final String IMPORTED = "imported";
  public static final String REJECTED = "rejected";
  public static final int CHUNK = 250;

  /** Reads a row's code (the JSON text of {@code {"code"}}). */
  public interface CodeReader {
    String read(String row);
  }

  private final Codes codes;
  private final Campaigns campaigns;
  private final CodeReader reader;
  private final AsyncActions actions;
  private final Clock clock;

  @Inject
  public ImportCodes(Codes codes, Campaigns campaigns, CodeReader reader, AsyncActions actions, Clock clock) {
    this.codes = codes;
    this.campaigns = campaigns;
    this.reader = reader;
    this.actions = actions;
    this.clock = clock;
  }

  @Override
  public Class<CodeImportJob> kind() {
    return CodeImportJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    CodeImportJob part = (CodeImportJob) job;
    List<ImportRow> rows = part.rows();
    for (int from = 0; from < rows.size(); from += CHUNK) {
      int to = Math.min(rows.size(), from + CHUNK);
      List<ImportRow> chunk = rows.subList(from, to);
      Map<String, Long> firstLines = new HashMap<>();
      List<Object> outcomes = new ArrayList<>();
      List<Integer> toWrite = new ArrayList<>();
      for (ImportRow row : chunk) {
        Object outcome = read(row, firstLines);
        outcomes.add(outcome);
        if (outcome instanceof String) toWrite.add(outcomes.size() - 1);
      }
      List<RejectedRow> written = Parallel.map(toWrite, i -> add(part, chunk.get(i).line(), (String) outcomes.get(i)));
      List<RejectedRow> rejected = new ArrayList<>();
      for (Object outcome : outcomes) if (outcome instanceof RejectedRow r) rejected.add(r);
      written.stream().filter(r -> r != null).forEach(rejected::add);
      rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
      long imported = chunk.size() - rejected.size();
      String partId = Integer.toString(part.part());
      boolean first = actions.record(part.actionId(), new Progress(partId + "@" + rows.get(from).line(),
          to == rows.size() ? partId : null, Map.of(IMPORTED, imported, REJECTED, (long) rejected.size()), rejected));
      if (first && imported > 0) campaigns.count(part.campaignId(), imported, 0);
    }
    return Map.of();
  }

  /** The row's code, or its rejection (unreadable, invalid, or a repeat of an earlier row of the chunk). */
  private Object read(ImportRow row, Map<String, Long> firstLines) {
    if (row.rejected() != null) return row.rejected();
    try {
      String code = CodeConfig.imported(reader.read(row.customer()), "code");
      Long first = firstLines.putIfAbsent(code, row.line());
      return first == null ? code : duplicate(row.line(), "line " + first + " of the file has it too");
    } catch (Invalid e) {
      return new RejectedRow(row.line(), e.code(), e.field(), e.getMessage());
    }
  }

  /** Adds the code: null when added now or by an earlier try of this row, else its rejection. */
  private RejectedRow add(CodeImportJob part, long line, String code) {
    String origin = part.actionId() + "#" + line;
    Optional<String> there = codes.addIfAbsent(part.campaignId(), code, origin, clock.instant());
    if (there.isEmpty() || there.get().equals(origin)) return null;
    String earlier = there.get().startsWith(part.actionId() + "#")
        ? "line " + there.get().substring(part.actionId().length() + 1) + " of the file has it too"
        : "the campaign has this code already";
    return duplicate(line, earlier);
  }

  private static RejectedRow duplicate(long line, String why) {
    return new RejectedRow(line, "duplicate_code", "code", "duplicate code: " + why);
  }
}
