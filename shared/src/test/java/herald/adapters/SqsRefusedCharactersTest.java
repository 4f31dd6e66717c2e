package herald.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import herald.adapters.aws.SqsJobs;
import herald.adapters.json.JobJson;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.TestClock;
import herald.domain.intake.ImportJob;
import herald.domain.intake.ImportRow;
import herald.domain.intake.StartImport;
import herald.domain.jobs.Job;
import herald.platform.Env;
import herald.platform.Json;
import herald.testing.StandIns;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Customer data may hold U+FFFE, U+FFFF and unpaired surrogates (from JSON escapes), which SQS refuses in a
 * message (the import answered 500 and left its action unfinished): U+FFFE and U+FFFF are queued escaped and read
 * back as they were; an unpaired surrogate comes back as U+FFFD, as after any UTF-8 encoding.
 */
class SqsRefusedCharactersTest {
  private final Env env = StandIns.get().freshEnv();
  private final SqsClient sqs = StandIns.sqs(env);

  @Test
  void anImportRowHoldingCharactersSqsRefusesIsQueuedAndReadBackIntact() {
    String customer = "{\"source_id\":\"c\uFFFF\",\"name\":\"\uD800\uD83D\uDE00\uDC00x\uDBFF\","
        + "\"metadata\":{\"k\uFFFE\uDC00\":\"\\\\\uFFFF\\\"\"}}";
    ImportJob job = new ImportJob("act_1", 0, List.of(ImportRow.of(2, customer)));

    new SqsJobs(sqs, env.get("JOBS_QUEUE_URL")).put(List.of(job));

    List<Job> received = received(1);
    assertThat(received).hasSize(1);
    assertThat(Json.parse(((ImportJob) received.get(0)).rows().get(0).customer())).isEqualTo(Json.parse(
        customer.replace('\uD800', '\uFFFD').replace('\uDC00', '\uFFFD').replace('\uDBFF', '\uFFFD')));
  }

  @Test
  void partsOfRowsFullOfThemStillFitInOneMessageEach() {
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String text = i % 2 == 0 ? "\uFFFF".repeat(16_000) : "\uD800".repeat(30_000);
      rows.add(ImportRow.of(i + 2, "{\"source_id\":\"c" + i + "\",\"name\":\"" + text + "\"}"));
    }
    TestClock clock = new TestClock();

    new StartImport(new InMemoryAsyncActions(clock), new SqsJobs(sqs, env.get("JOBS_QUEUE_URL")), clock)
        .start(rows::iterator);

    List<String> bodies = bodies(3);
    assertThat(bodies).allSatisfy(body -> assertThat(body.getBytes(StandardCharsets.UTF_8).length)
        .as("an SQS message is at most 256 KiB").isLessThanOrEqualTo(256 * 1024));
    assertThat(bodies.stream().flatMap(b -> ((ImportJob) JobJson.parse(b)).rows().stream()))
        .containsExactlyInAnyOrderElementsOf(rows.stream()
            .map(r -> ImportRow.of(r.line(), r.customer().replace('\uD800', '\uFFFD'))).toList());
  }

  private List<Job> received(int count) {
    return bodies(count).stream().map(JobJson::parse).toList();
  }

  private List<String> bodies(int count) {
    List<String> bodies = new ArrayList<>();
    for (int tries = 0; tries < 5 && bodies.size() < count; tries++) {
      sqs.receiveMessage(r -> r.queueUrl(env.get("JOBS_QUEUE_URL")).maxNumberOfMessages(10).waitTimeSeconds(1)
          .visibilityTimeout(60)).messages().forEach(m -> bodies.add(m.body()));
    }
    return bodies;
  }
}
