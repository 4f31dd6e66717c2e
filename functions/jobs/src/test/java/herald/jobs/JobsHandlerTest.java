package herald.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.dynamodb.DynamoDbCustomers;
import herald.domain.customers.Customer;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.RejectedRow;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.RecordingEventBridge;
import herald.testing.StandIns;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobsHandlerTest {
  private final RecordingEventBridge bus = new RecordingEventBridge();
  private Env env;
  private DynamoDbAsyncActions actions;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv().with("EVENT_BUS_NAME", "herald-test")
        .with("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint());
    actions = new DynamoDbAsyncActions(StandIns.dynamo(env), env.get("ASYNC_ACTIONS_TABLE"), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    bus.close();
  }

  @Test
  void importsThePartInTheSampleEventAndRecordsItsRejectedRows() {
    actions.create(AsyncAction.start("act_sample", AsyncActionType.CUSTOMERS_IMPORT, 1, Clock.systemUTC().instant()));

    SQSBatchResponse response = new JobsHandler(env).handleRequest(sample(), QueueRunner.context(300_000));

    assertThat(response.getBatchItemFailures()).isEmpty();
    var customers = new DynamoDbCustomers(StandIns.dynamo(env), env.get("CUSTOMERS_TABLE"));
    assertThat(customers.get(Customer.idFor("ada-1")).orElseThrow().email()).isEqualTo("ada@example.com");
    AsyncAction action = actions.get("act_sample").orElseThrow();
    assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
    assertThat(action.count("imported")).isEqualTo(1);
    assertThat(action.count("rejected")).isEqualTo(2);
    assertThat(actions.rejected("act_sample", null, 10).items()).containsExactly(
        new RejectedRow(3, "invalid_email", "email", "email is not an email address"),
        new RejectedRow(4, "wrong_column_count", null, "the row has 2 fields where the header has 5"));
  }

  @Test
  void acknowledgesAMessageThatIsNoJobAndReportsAJobThatFailedSoItComesBack() {
    SQSEvent event = sample();
    SQSEvent.SQSMessage garbage = new SQSEvent.SQSMessage();
    garbage.setMessageId("m-garbage");
    garbage.setBody("{\"kind\":\"unknown\"}");
    event.setRecords(List.of(garbage, event.getRecords().getFirst()));
    Env broken = env.with("CUSTOMERS_TABLE", "no-such-table");
    actions.create(AsyncAction.start("act_sample", AsyncActionType.CUSTOMERS_IMPORT, 1, Clock.systemUTC().instant()));

    SQSBatchResponse response = new JobsHandler(broken).handleRequest(event, QueueRunner.context(300_000));

    assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("5b1c2f8e-2d7a-4f57-8a0e-6c1d9e3b7a10");
    assertThat(actions.get("act_sample").orElseThrow().partsDone()).isZero();
  }

  @Test
  void theScheduledRecountRepairsTheCountsOfADistributionWhoseCountsMoved() {
    var dynamo = StandIns.dynamo(env);
    Clock clock = Clock.systemUTC();
    new herald.adapters.dynamodb.DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        herald.testing.TestChannels.with().build())
        .create(herald.domain.fakes.Samples.active("dist_1", herald.domain.fakes.Samples.email()));
    var messages = new herald.adapters.dynamodb.DynamoDbMessages(dynamo, env.get("MESSAGES_TABLE"), clock);
    var stats = new herald.adapters.dynamodb.DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE"), clock);
    var job = new herald.domain.delivery.SendJob("dist_1", "email", "cust_1",
        herald.domain.fakes.Samples.orderPaid("evt_1", herald.domain.fakes.Samples.customer("src-1")));
    messages.claim(herald.domain.delivery.Message.sending(job, clock.instant()));
    messages.finish(job.messageId(), herald.domain.delivery.MessageStatus.SENT, null, "ses-1");
    stats.moved("dist_1", "email", null, herald.domain.delivery.MessageStatus.SENT);
    stats.moved("dist_1", "email", null, herald.domain.delivery.MessageStatus.SENT);   // one a crash repeated

    SQSBatchResponse response = new JobsHandler(env).handleRequest(
        EventLoader.loadSQSEvent(EventFiles.path("jobs-stats-recount.json").toString()), QueueRunner.context(300_000));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(stats.of("dist_1").get("email"))
        .isEqualTo(java.util.Map.of(herald.domain.delivery.MessageStatus.SENT, 1L));
    assertThat(stats.lastRecount("dist_1")).isPresent();
  }

  private static SQSEvent sample() {
    return EventLoader.loadSQSEvent(EventFiles.path("jobs-import-part.json").toString());
  }
}
