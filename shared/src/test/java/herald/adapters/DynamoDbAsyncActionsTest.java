package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.domain.common.Page;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.Progress;
import herald.domain.jobs.RejectedRow;
import herald.platform.Env;
import herald.testing.StandIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbAsyncActionsTest {
  private final TestClock clock = new TestClock();
  private DynamoDbAsyncActions actions;

  @BeforeEach
  void freshTable() {
    Env env = StandIns.get().freshEnv();
    actions = new DynamoDbAsyncActions(StandIns.dynamo(env), env.get("ASYNC_ACTIONS_TABLE"), clock);
  }

  private static Progress page(String id, String finishedPart, long imported, RejectedRow... rejected) {
    return new Progress(id, finishedPart, Map.of("imported", imported, "rejected", (long) rejected.length),
        List.of(rejected));
  }

  @Test
  void aPageDeliveredAgainCountsOnce() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, clock.instant()));

    assertThat(actions.record("act_1", page("0@2", "0", 7, new RejectedRow(5, "invalid_email", "email", "bad"))))
        .isTrue();
    assertThat(actions.record("act_1", page("0@2", "0", 7, new RejectedRow(5, "invalid_email", "email", "bad"))))
        .as("the redelivered page").isFalse();
    actions.record("act_1", page("1@502", "1", 3));

    AsyncAction action = actions.get("act_1").orElseThrow();
    assertThat(action.progress()).isEqualTo(Map.of("imported", 10L, "rejected", 1L));
    assertThat(action.partsDone()).isEqualTo(2);
    assertThat(actions.rejected("act_1", null, 100).items())
        .containsExactly(new RejectedRow(5, "invalid_email", "email", "bad"));
  }

  @Test
  void isInProgressWhileThePartTotalIsUnknownAndDoneOnceItIsSetLate() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, clock.instant()));
    actions.record("act_1", page("0@2", "0", 1));
    actions.record("act_1", page("1@3", "1", 1));
    assertThat(actions.get("act_1").orElseThrow().status()).isEqualTo(AsyncActionStatus.IN_PROGRESS);

    clock.advance(Duration.ofSeconds(5));
    actions.total("act_1", 2, Map.of("rows_read", 2L));

    AsyncAction action = actions.get("act_1").orElseThrow();
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.finishedAt()).isEqualTo(clock.instant());
    assertThat(action.parts()).isEqualTo(2);
    assertThat(action.progress()).containsEntry("rows_read", 2L).containsEntry("imported", 2L);
  }

  @Test
  void isDoneWhenTheLastPartFinishesAfterTheTotalIsSetAndNotBefore() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.SEGMENT_EVALUATION, 2, clock.instant()));
    actions.record("act_1", page("s0@start", null, 4));
    actions.record("act_1", page("s0@abc", "s0", 4));
    actions.record("act_1", page("s1@start", null, 4));
    assertThat(actions.get("act_1").orElseThrow().status()).isEqualTo(AsyncActionStatus.IN_PROGRESS);
    assertThat(actions.get("act_1").orElseThrow().finishedAt()).isNull();

    actions.record("act_1", page("s1@def", "s1", 4));

    assertThat(actions.get("act_1").orElseThrow().status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(actions.get("act_1").orElseThrow().count("imported")).isEqualTo(16);
  }

  @Test
  void pagesRecordedAtOnceAndTwiceEachAddUpExactly() throws Exception {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, clock.instant()));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int delivery = 0; delivery < 2; delivery++) {
      for (int part = 0; part < 20; part++) {
        String id = part + "@" + (part * 500 + 2);
        String finished = Integer.toString(part);
        results.add(pool.submit(() -> actions.record("act_1", page(id, finished, 500))));
      }
    }
    actions.total("act_1", 20, Map.of("rows_read", 10_000L));
    int counted = 0;
    for (Future<Boolean> result : results) if (result.get()) counted++;
    pool.shutdown();

    assertThat(counted).isEqualTo(20);
    AsyncAction action = actions.get("act_1").orElseThrow();
    assertThat(action.count("imported")).isEqualTo(10_000);
    assertThat(action.partsDone()).isEqualTo(20);
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
  }

  @Test
  void rejectedRowsArePagedInLineOrder() {
    actions.create(AsyncAction.start("act_1", AsyncActionType.CUSTOMERS_IMPORT, null, clock.instant()));
    List<RejectedRow> rows = new ArrayList<>();
    for (int line = 2; line < 60; line += 2) rows.add(new RejectedRow(line, "missing_field", "source_id", "required"));
    actions.record("act_1", new Progress("1@40", "1", Map.of(), rows.subList(19, rows.size())));
    actions.record("act_1", new Progress("0@2", "0", Map.of(), rows.subList(0, 19)));

    List<RejectedRow> read = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<RejectedRow> page = actions.rejected("act_1", cursor, 10);
      read.addAll(page.items());
      cursor = page.next();
      pages++;
    } while (cursor != null);

    assertThat(read).isEqualTo(rows);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void anUnknownActionIsEmptyAndRecordsNothing() {
    assertThat(actions.get("act_none")).isEmpty();
    assertThat(actions.record("act_none", page("0@2", "0", 1))).isFalse();
    assertThat(actions.get("act_none")).isEmpty();
  }
}
