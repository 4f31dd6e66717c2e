package herald.jobs;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.platform.Env;
import herald.testing.StandIns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Does what Lambda's SQS event source does for the jobs function, one message a batch (BatchSize 1 in the
 * template): receives from the jobs queue, invokes the handler, deletes what it did not report as failed, until
 * the queue stays empty. Can deliver every message twice, as SQS may, and give the handler little time left.
 */
final class QueueRunner {
  private final Env env;
  private final JobsHandler handler;
  private final SqsClient sqs;
  private int invocations;

  QueueRunner(Env env) {
    this.env = env;
    this.handler = new JobsHandler(env);
    this.sqs = StandIns.sqs(env);
  }

  /** Runs every job, and the jobs they put, with {@code remainingMillis} left in each invocation. */
  int drain(boolean deliverTwice, int remainingMillis) {
    int start = invocations;
    for (int empty = 0; empty < 2; ) {
      List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue()).maxNumberOfMessages(1)
          .visibilityTimeout(60).waitTimeSeconds(1).messageSystemAttributeNamesWithStrings("All")).messages();
      if (messages.isEmpty()) {
        empty++;
        continue;
      }
      empty = 0;
      Message message = messages.getFirst();
      SQSBatchResponse response = invoke(message, remainingMillis);
      if (deliverTwice) response = invoke(message, remainingMillis);
      Set<String> failed = response.getBatchItemFailures().stream()
          .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
      if (!failed.contains(message.messageId())) {
        sqs.deleteMessage(r -> r.queueUrl(queue()).receiptHandle(message.receiptHandle()));
      }
    }
    return invocations - start;
  }

  int drain() {
    return drain(false, 300_000);
  }

  SQSBatchResponse invoke(Message message, int remainingMillis) {
    SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(record));
    invocations++;
    return handler.handleRequest(event, context(remainingMillis));
  }

  private String queue() {
    return env.get("JOBS_QUEUE_URL");
  }

  /** A Lambda context with {@code remainingMillis} left, whatever the clock says. */
  static Context context(int remainingMillis) {
    return new Context() {
      @Override public String getAwsRequestId() {
        return "req-1";
      }

      @Override public String getLogGroupName() {
        return "/aws/lambda/jobs";
      }

      @Override public String getLogStreamName() {
        return "local";
      }

      @Override public String getFunctionName() {
        return "jobs";
      }

      @Override public String getFunctionVersion() {
        return "$LATEST";
      }

      @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:jobs";
      }

      @Override public CognitoIdentity getIdentity() {
        return null;
      }

      @Override public ClientContext getClientContext() {
        return null;
      }

      @Override public int getRemainingTimeInMillis() {
        return remainingMillis;
      }

      @Override public int getMemoryLimitInMB() {
        return 1024;
      }

      @Override public LambdaLogger getLogger() {
        return null;
      }
    };
  }
}
