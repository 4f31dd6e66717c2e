package herald.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** One thread's share of the raw run: the poller's receive and delete around one message's calls each. */
final class RawWorker {
  private final RawCalls calls;
  private final String queueUrl;
  private final String tag;
  private final int batchSize;
  final Map<String, long[]> nanos = new LinkedHashMap<>(); // op -> {total nanos, calls}
  final List<Double> messageMs = new ArrayList<>();

  RawWorker(RawCalls calls, String queueUrl, String tag, int batchSize) {
    this.calls = calls;
    this.queueUrl = queueUrl;
    this.tag = tag;
    this.batchSize = batchSize;
  }

  void drain(AtomicInteger done, int total, AtomicLong lastDone) {
    SqsClient sqs = calls.sqs();
    while (done.get() < total) {
      long t = System.nanoTime();
      List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(Math.min(10, batchSize))
          .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
          .messageAttributeNames("All")).messages();
      if (batch.isEmpty()) continue;
      add("Sqs.ReceiveMessage", t);
      for (Message m : batch) {
        long s = System.nanoTime();
        calls.one(this, tag, m.messageId());
        messageMs.add((System.nanoTime() - s) / 1e6);
      }
      t = System.nanoTime();
      List<DeleteMessageBatchRequestEntry> entries = batch.stream().map(m -> DeleteMessageBatchRequestEntry
          .builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build()).toList();
      sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
      add("Sqs.DeleteMessageBatch", t);
      done.addAndGet(batch.size());
      lastDone.accumulateAndGet(System.nanoTime(), Math::max);
    }
  }

  /** Adds the time since {@code startNanos} to the operation's total. */
  void add(String op, long startNanos) {
    long[] n = nanos.computeIfAbsent(op, k -> new long[2]);
    n[0] += System.nanoTime() - startNanos;
    n[1]++;
  }
}
