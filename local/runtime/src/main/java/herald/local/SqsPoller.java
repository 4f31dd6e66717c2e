package herald.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.sam.EventSource;
import herald.sam.Intrinsics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * An SQS event source mapping: long-polls the queue, hands batches to the function and deletes what succeeded.
 * Records the function reports in batchItemFailures (all of them, if it throws) stay on the queue and come back
 * after the visibility timeout; the queue's redrive policy moves them to its DLQ after maxReceiveCount. A typed
 * handler gets the SQSEvent; a stream handler gets Lambda's event JSON and answers with JSON ({@link
 * SqsEventJson}).
 */
public final class SqsPoller implements AutoCloseable {
  private final SqsClient sqs;
  private final LambdaFunction function;
  private final EventSource.Sqs source;
  private final String queueUrl;
  private final String queueArn;
  private final int waitSeconds;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  public SqsPoller(SqsClient sqs, LambdaFunction function, EventSource.Sqs source, String queueUrl,
      String queueArn, int threadCount, int waitSeconds) {
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.waitSeconds = waitSeconds;
    for (int i = 0; i < threadCount; i++) {
      threads.add(Thread.ofPlatform().daemon().name(function.name() + "-sqs-" + i).unstarted(this::run));
    }
  }

  public SqsPoller start() {
    threads.forEach(Thread::start);
    return this;
  }

  private void run() {
    while (running) {
      try {
        List<Message> batch = receive();
        if (!batch.isEmpty() && running) handle(batch);
      } catch (RuntimeException e) {
        if (!running) return;
        System.err.println("[herald-local] " + function.name() + ": polling " + queueUrl + " failed: " + e);
        sleep(1000);
      }
    }
  }

  private List<Message> receive() {
    List<Message> batch = new ArrayList<>();
    int wait = waitSeconds;
    while (batch.size() < source.batchSize()) {
      int max = Math.min(10, source.batchSize() - batch.size());
      int w = wait;
      List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(w)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
      batch.addAll(got);
      if (got.size() < max) break;
      wait = 0;
    }
    return batch;
  }

  void handle(List<Message> batch) {
    Set<String> failed = new HashSet<>();
    try {
      SQSEvent event = event(batch);
      SQSBatchResponse response = function.streams()
          ? SqsEventJson.response(function.invokeStream(SqsEventJson.write(event))) : function.invoke(event);
      if (source.reportBatchItemFailures() && response != null && response.getBatchItemFailures() != null) {
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        for (SQSBatchResponse.BatchItemFailure f : response.getBatchItemFailures()) {
          // like Lambda: an empty or unknown identifier fails the whole batch
          if (f.getItemIdentifier() == null || !ids.contains(f.getItemIdentifier())) {
            failed.addAll(ids);
            break;
          }
          failed.add(f.getItemIdentifier());
        }
      }
    } catch (RuntimeException e) {
      System.err.println("[herald-local] " + function.name() + " failed on a batch of " + batch.size() + ": " + e);
      batch.forEach(m -> failed.add(m.messageId()));
    }
    if (!failed.isEmpty()) {
      System.out.println("[herald-local] " + function.name() + ": " + failed.size() + " of " + batch.size()
          + " records left for redelivery");
    }
    List<DeleteMessageBatchRequestEntry> done = batch.stream()
        .filter(m -> !failed.contains(m.messageId()))
        .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
        .toList();
    for (int i = 0; i < done.size(); i += 10) {
      List<DeleteMessageBatchRequestEntry> chunk = done.subList(i, Math.min(done.size(), i + 10));
      sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(chunk));
    }
  }

  private SQSEvent event(List<Message> batch) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : batch) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(m.messageId());
      record.setReceiptHandle(m.receiptHandle());
      record.setBody(m.body());
      record.setMd5OfBody(m.md5OfBody());
      record.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
      record.setAttributes(new HashMap<>(m.attributesAsStrings()));
      Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
      m.messageAttributes().forEach((name, v) -> {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType(v.dataType());
        a.setStringValue(v.stringValue());
        if (v.binaryValue() != null) a.setBinaryValue(v.binaryValue().asByteBuffer());
        attributes.put(name, a);
      });
      record.setMessageAttributes(attributes);
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(Intrinsics.REGION);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /** Asks the threads to stop after their current poll and batch, without waiting for them. */
  public void stop() {
    running = false;
  }

  @Override
  public void close() {
    stop();
    for (Thread thread : threads) {
      try {
        thread.join((waitSeconds + 5) * 1000L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
