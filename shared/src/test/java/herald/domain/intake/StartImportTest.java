package herald.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Invalid;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.RecordingJobs;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.RejectedRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartImportTest {
  private final TestClock clock = new TestClock();
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final RecordingJobs jobs = new RecordingJobs();

  static List<ImportRow> rows(int count, int extraChars) {
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(ImportRow.of(i + 2, "{\"source_id\":\"c" + i + "\",\"name\":\"" + "n".repeat(extraChars) + "\"}"));
    }
    return rows;
  }

  @Test
  void cutsTheFileIntoPartsOfAtMost500RowsPutTenAtATimeAndSetsTheTotalAtTheEnd() {
    List<ImportRow> rows = rows(10_250, 0);
    String id = new StartImport(actions, jobs, clock).start(rows::iterator);

    List<ImportJob> parts = jobs.queued().stream().map(ImportJob.class::cast).toList();
    assertThat(parts).hasSize(21);
    assertThat(parts).extracting(ImportJob::part).containsExactlyElementsOf(range(21));
    assertThat(parts.subList(0, 20)).allSatisfy(p -> assertThat(p.rows()).hasSize(500));
    assertThat(parts.get(20).rows()).hasSize(250);
    assertThat(parts.stream().flatMap(p -> p.rows().stream()).toList()).isEqualTo(rows);
    assertThat(jobs.puts()).containsExactly(10, 10, 1);
    AsyncAction action = actions.get(id).orElseThrow();
    assertThat(action.type()).isEqualTo(AsyncActionType.CUSTOMERS_IMPORT);
    assertThat(action.parts()).isEqualTo(21);
    assertThat(action.count(StartImport.ROWS_READ)).isEqualTo(10_250);
    assertThat(action.status()).isEqualTo(AsyncActionStatus.IN_PROGRESS);
  }

  @Test
  void aPartStaysUnder200KbOfRows() {
    List<ImportRow> rows = rows(400, 2_000);
    new StartImport(actions, jobs, clock).start(rows::iterator);

    List<ImportJob> parts = jobs.queued().stream().map(ImportJob.class::cast).toList();
    assertThat(parts).hasSizeGreaterThan(4);
    assertThat(parts).allSatisfy(p -> assertThat(p.rows().stream().mapToInt(ImportRow::size).sum())
        .isLessThanOrEqualTo(StartImport.PART_BYTES));
    assertThat(parts.stream().mapToInt(p -> p.rows().size()).sum()).isEqualTo(400);
  }

  @Test
  void aRowTooLargeForAJobIsCarriedAsARejection() {
    List<ImportRow> rows = List.of(ImportRow.of(2, "{\"source_id\":\"c\",\"name\":\"" + "\u00e9".repeat(60_000) + "\"}"));
    new StartImport(actions, jobs, clock).start(rows::iterator);

    ImportRow carried = ((ImportJob) jobs.queued().getFirst()).rows().getFirst();
    assertThat(carried.rejected()).isEqualTo(new RejectedRow(2, "row_too_large", null,
        "the row is larger than 100000 bytes"));
  }

  @Test
  void tooManyRowsOrNoneAreRefusedBeforeAnythingIsCreated() {
    List<ImportRow> rows = rows(11, 0);
    assertThatThrownBy(() -> new StartImport(actions, jobs, clock, 10).start(rows::iterator))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("too_many_rows"));
    assertThatThrownBy(() -> new StartImport(actions, jobs, clock, 10).start(() -> List.<ImportRow>of().iterator()))
        .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.code()).isEqualTo("empty_file"));

    assertThat(jobs.queued()).isEmpty();
    assertThat(new StartImport(actions, jobs, clock, 11).start(rows::iterator)).startsWith("act_");
  }

  private static List<Integer> range(int n) {
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) list.add(i);
    return list;
  }
}
