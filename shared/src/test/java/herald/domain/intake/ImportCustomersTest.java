package herald.domain.intake;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.json.ImportRowsJson;
import herald.domain.customers.Customer;
import herald.domain.customers.CustomerChanges;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.InMemoryCustomers;
import herald.domain.fakes.RecordingCustomerChanges;
import herald.domain.fakes.RecordingJobs;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.Job;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportCustomersTest {
  private final TestClock clock = new TestClock();
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final InMemoryCustomers customers = new InMemoryCustomers();
  private final RecordingJobs jobs = new RecordingJobs();
  private final RecordingCustomerChanges changes = new RecordingCustomerChanges();
  private final ImportCustomers imports = new ImportCustomers(
      new UpsertCustomer(customers, CustomerChanges.NONE, clock), ImportRowsJson::profile, changes, actions, jobs);
  private final ImportJob part = new ImportJob("act_1", 0, List.of(
      ImportRow.of(2, "{\"source_id\":\"ada\",\"email\":\"ada@example.com\"}"),
      ImportRow.of(3, "{\"source_id\":\"bob\",\"email\":\"not-an-address\"}"),
      ImportRow.unreadable(4, "wrong_column_count", null, "the row has 2 fields where the header has 3"),
      ImportRow.of(5, "{\"source_id\":\"cy\",\"metadata\":{\"plan\":\"gold\"}}"),
      ImportRow.of(6, "{\"name\":\"no source id\"}")));

  @BeforeEach
  void anImportOfOnePart() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, clock.instant()));
    actions.total("act_1", 1, Map.of(StartImport.ROWS_READ, 5L));
  }

  @Test
  void keepsTheGoodRowsAndRecordsEveryOtherWithItsLineAndReason() {
    imports.handle(part, () -> true);

    assertThat(customers.get(Customer.idFor("ada"))).isPresent();
    assertThat(customers.get(Customer.idFor("cy")).orElseThrow().metadata()).isEqualTo(Map.of("plan", "gold"));
    assertThat(customers.get(Customer.idFor("bob"))).isEmpty();
    AsyncAction action = actions.get("act_1").orElseThrow();
    assertThat(action.progress()).containsEntry("imported", 2L).containsEntry("unchanged", 0L)
        .containsEntry("rejected", 3L);
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(actions.rejected("act_1", null, 10).items()).extracting(r -> r.line() + " " + r.code() + " " + r.field())
        .containsExactly("3 invalid_email email", "4 wrong_column_count null", "6 missing_field source_id");
    assertThat(changes.announced()).as("the customers saved, announced together")
        .containsExactly(Customer.idFor("ada"), Customer.idFor("cy"));
    assertThat(changes.calls()).containsExactly(2);
    assertThat(customers.marked(Customer.idFor("ada"))).isTrue();
  }

  @Test
  void theSameRowsAgainChangeNothingAndCountAsUnchanged() {
    imports.handle(part, () -> true);
    int saves = customers.saves();
    clock.advance(Duration.ofHours(1));
    actions.create(AsyncAction.start("act_2", AsyncActionType.CUSTOMERS_IMPORT, 1, clock.instant()));

    imports.handle(new ImportJob("act_2", 0, part.rows()), () -> true);

    assertThat(customers.saves()).isEqualTo(saves);
    assertThat(changes.announced()).as("only the first import saved them").hasSize(2);
    assertThat(actions.get("act_2").orElseThrow().progress()).containsEntry("imported", 0L)
        .containsEntry("unchanged", 2L).containsEntry("rejected", 3L);
  }

  @Test
  void aPartDeliveredTwiceIsCountedOnce() {
    imports.handle(part, () -> true);
    imports.handle(part, () -> true);

    assertThat(actions.get("act_1").orElseThrow().progress()).containsEntry("imported", 2L)
        .containsEntry("unchanged", 0L).containsEntry("rejected", 3L);
  }

  @Test
  void whenTimeRunsShortTheRestOfThePartIsPutBackAndTheCountsStayExact() {
    ImportJob big = bigPart("act_1");
    imports.handle(big, () -> false);

    assertThat(actions.get("act_1").orElseThrow().status()).isEqualTo(AsyncActionStatus.IN_PROGRESS);
    List<Job> rest = jobs.take();
    assertThat(rest).hasSize(1);
    ImportJob follow = (ImportJob) rest.getFirst();
    assertThat(follow.part()).isZero();
    assertThat(follow.rows()).isEqualTo(big.rows().subList(ImportCustomers.CHUNK, 600));

    imports.handle(follow, () -> true);

    AsyncAction action = actions.get("act_1").orElseThrow();
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.progress()).containsEntry("imported", 576L).containsEntry("rejected", 24L);
    assertThat(actions.rejected("act_1", null, 100).items()).hasSize(24);
    assertThat(changes.announced()).hasSize(576).doesNotHaveDuplicates();
    assertThat(changes.calls()).as("one announcement per chunk").containsExactly(240, 240, 96);
  }

  @Test
  void aPartDeliveredAgainAfterItsRestWasPutBackStillCountsEveryRowOnce() {
    ImportJob big = bigPart("act_1");
    imports.handle(big, () -> false);
    AtomicInteger chunks = new AtomicInteger(1);
    imports.handle(big, () -> chunks.decrementAndGet() >= 0);
    List<Job> followUps = jobs.take();
    assertThat(followUps).hasSize(2);

    followUps.forEach(job -> imports.handle((ImportJob) job, () -> true));

    AsyncAction action = actions.get("act_1").orElseThrow();
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.progress()).containsEntry("imported", 576L).containsEntry("unchanged", 0L)
        .containsEntry("rejected", 24L);
  }

  @Test
  void aChunkWhoseAnnouncementWasLostStaysMarkedForTheSweepAndIsCountedOnce() {
    changes.failNext(new IllegalStateException("queue down"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.handle(part, () -> true))
        .hasMessage("queue down");
    assertThat(customers.marked(Customer.idFor("ada"))).isTrue();
    assertThat(actions.get("act_1").orElseThrow().partsDone()).isZero();

    imports.handle(part, () -> true);

    assertThat(customers.marked(Customer.idFor("ada"))).as("saved, never announced: the sweep follows it").isTrue();
    assertThat(actions.get("act_1").orElseThrow().progress()).containsEntry("imported", 0L)
        .containsEntry("unchanged", 2L).containsEntry("rejected", 3L);
  }

  /** 600 rows (three chunks), every 25th without a source id. */
  private static ImportJob bigPart(String actionId) {
    List<ImportRow> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      rows.add(ImportRow.of(i + 2, i % 25 == 0 ? "{\"name\":\"x\"}" : "{\"source_id\":\"c" + i + "\"}"));
    }
    return new ImportJob(actionId, 0, rows);
  }
}
