package herald.adapters.aws;

import herald.adapters.json.FanoutJobJson;
import herald.domain.fanout.FanoutJob;
import herald.domain.fanout.FanoutQueue;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Fan-out jobs onto an SQS queue, ten per SendMessageBatch; entries SQS refused are sent again once, then fail. */
public final class SqsFanoutQueue implements FanoutQueue {
  private static final int BATCH = 10;
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsFanoutQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void put(List<FanoutJob> jobs) {
    for (int from = 0; from < jobs.size(); from += BATCH) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      List<FanoutJob> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH));
      for (int i = 0; i < batch.size(); i++) {
        entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
            .messageBody(FanoutJobJson.write(batch.get(i))).build());
      }
      sendAll(entries, 2);
    }
  }

  private void sendAll(List<SendMessageBatchRequestEntry> entries, int tries) {
    SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    if (!response.hasFailed() || response.failed().isEmpty()) return;
    if (tries <= 1) {
      throw new IllegalStateException(response.failed().size() + " fan-out jobs were refused by SQS: "
          + response.failed().get(0).code());
    }
    var failedIds = response.failed().stream().map(f -> f.id()).toList();
    sendAll(entries.stream().filter(e -> failedIds.contains(e.id())).toList(), tries - 1);
  }
}
