package herald.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import herald.adapters.dynamodb.DynamoDbMessages;
import herald.adapters.json.FanoutJobJson;
import herald.adapters.json.SendJobJson;
import herald.domain.delivery.Message;
import herald.domain.delivery.SendJob;
import herald.domain.distributions.DistributionStatus;
import herald.platform.Env;
import herald.testing.EventFiles;
import herald.testing.StandIns;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

class FanoutHandlerTest {
  private Env env;
  private SqsClient sqs;
  private FanoutTestData data;

  @BeforeEach
  void freshStandIns() {
    env = StandIns.get().freshEnv();
    sqs = StandIns.sqs(env);
    data = new FanoutTestData(env);
  }

  @Test
  void everyMemberOfALargeShardGetsOneSendJobPerChannelThroughFollowUpsWhenTimeRunsShort() throws Exception {
    List<String> members = data.segmentWithMembers(1200);
    data.distribution(DistributionStatus.ACTIVE);
    FanoutHandler handler = new FanoutHandler(env);
    Context almostOutOfTime = new TimeLeft(1_000);

    SQSBatchResponse first = handler.handleRequest(shardJob(), almostOutOfTime);
    int followUps = 0;
    for (List<SQSEvent.SQSMessage> next = receive(env.get("FANOUT_QUEUE_URL")); !next.isEmpty();
        next = receive(env.get("FANOUT_QUEUE_URL"))) {
      for (SQSEvent.SQSMessage followUp : next) {
        assertThat(handler.handleRequest(event(followUp), almostOutOfTime).getBatchItemFailures()).isEmpty();
        followUps++;
      }
    }

    assertThat(first.getBatchItemFailures()).isEmpty();
    assertThat(followUps).isEqualTo(2);   // 1,200 members in pages of 500: one page per invocation
    List<SendJob> jobs = sendJobs();
    assertThat(jobs).hasSize(2400);
    assertThat(jobs.stream().filter(j -> j.channel().equals("email")).map(SendJob::customerId))
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(jobs.stream().filter(j -> j.channel().equals("webhook")).map(SendJob::customerId))
        .containsExactlyInAnyOrderElementsOf(members);
    assertThat(jobs).allSatisfy(j -> assertThat(j.eventId()).isEqualTo("evt_order_ada_1"));
  }

  @Test
  void aRedeliveredFanoutJobQueuesTheSameMessagesWhichTheSenderClaimsOnce() throws Exception {
    data.segmentWithMembers(30);
    data.distribution(DistributionStatus.ACTIVE);
    FanoutHandler handler = new FanoutHandler(env);

    handler.handleRequest(shardJob(), new TimeLeft(120_000));
    handler.handleRequest(shardJob(), new TimeLeft(120_000));

    List<SendJob> jobs = sendJobs();
    assertThat(jobs).hasSize(2 * 30 * 2);
    DynamoDbMessages messages = new DynamoDbMessages(StandIns.dynamo(env), env.get("MESSAGES_TABLE"),
        Clock.systemUTC());
    Set<String> claimed = new HashSet<>();
    for (SendJob job : jobs) {
      if (messages.claim(Message.sending(job, Instant.now())).claimed()) claimed.add(job.messageId());
    }
    assertThat(claimed).hasSize(30 * 2);
  }

  @Test
  void aPausedDistributionGetsNoSendJobsAndTheJobIsDone() throws Exception {
    data.segmentWithMembers(10);
    data.distribution(DistributionStatus.PAUSED);

    SQSBatchResponse response = new FanoutHandler(env).handleRequest(shardJob(), new TimeLeft(120_000));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(sendJobs()).isEmpty();
    assertThat(receive(env.get("FANOUT_QUEUE_URL"))).isEmpty();
  }

  @Test
  void aBodyThatIsNoFanoutJobIsDroppedNotRetried() {
    SQSEvent event = shardJob();
    event.getRecords().get(0).setBody("{\"distribution_id\":\"dist_sale\"}");

    assertThat(new FanoutHandler(env).handleRequest(event, new TimeLeft(120_000)).getBatchItemFailures()).isEmpty();
  }

  @Test
  void theSampleEventIsAFanoutJob() {
    assertThat(FanoutJobJson.read(shardJob().getRecords().get(0).getBody()).segmentId())
        .isEqualTo(FanoutTestData.SEGMENT_ID);
  }

  private static SQSEvent shardJob() {
    return EventLoader.loadSQSEvent(EventFiles.path("fanout-segment-shard.json").toString());
  }

  private static SQSEvent event(SQSEvent.SQSMessage message) {
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  /** Takes (and deletes) what is on the queue now. */
  private List<SQSEvent.SQSMessage> receive(String queueUrl) {
    List<SQSEvent.SQSMessage> taken = new ArrayList<>();
    while (true) {
      var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
          .messages();
      if (messages.isEmpty()) return taken;
      for (var m : messages) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(m.messageId());
        message.setBody(m.body());
        taken.add(message);
      }
      sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(messages.stream().map(m ->
          DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
          .toList()));
    }
  }

  private List<SendJob> sendJobs() {
    return receive(env.get("SEND_QUEUE_URL")).stream().map(m -> SendJobJson.read(m.getBody())).toList();
  }

  /** A Lambda context with a fixed time left. */
  private record TimeLeft(int millis) implements Context {
    @Override public int getRemainingTimeInMillis() { return millis; }
    @Override public String getAwsRequestId() { return "test"; }
    @Override public String getLogGroupName() { return "test"; }
    @Override public String getLogStreamName() { return "test"; }
    @Override public String getFunctionName() { return "fanout"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:fanout"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return null; }
  }
}
