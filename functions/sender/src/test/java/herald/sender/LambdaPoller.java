package herald.sender;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source does, in a few threads: receive up to ten records, invoke the handler, delete
 * the records it did not report in batchItemFailures. An invocation that throws (a crash) deletes nothing: its
 * whole batch comes back after the queue's visibility timeout, as in Lambda.
 */
final class LambdaPoller implements AutoCloseable {
  private final SqsClient sqs;
  private final String queueUrl;
  private final Function<SQSEvent, SQSBatchResponse> handler;
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong invocations = new AtomicLong();
  private final AtomicLong crashes = new AtomicLong();
  private final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
  final List<String> unexpected = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  LambdaPoller(String name, SqsClient sqs, String queueUrl, int threadCount,
      Function<SQSEvent, SQSBatchResponse> handler) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.handler = handler;
    for (int i = 0; i < threadCount; i++) {
      threads.add(Thread.ofPlatform().daemon().name(name + "-" + i).unstarted(this::run));
    }
  }

  LambdaPoller start() {
    threads.forEach(Thread::start);
    return this;
  }

  long invocations() {
    return invocations.get();
  }

  long crashes() {
    return crashes.get();
  }

  long slowestMillis() {
    return slowestMillis.get();
  }

  private void run() {
    while (running) {
      try {
        List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (!batch.isEmpty()) invoke(batch);
      } catch (RuntimeException e) {
        if (running) unexpected.add("polling: " + e);
      }
    }
  }

  private void invoke(List<Message> batch) {
    invocations.incrementAndGet();
    long started = System.nanoTime();
    SQSBatchResponse response;
    try {
      response = handler.apply(event(batch));
    } catch (Faults.Crash crash) {
      crashes.incrementAndGet();
      return;
    } catch (RuntimeException | Error e) {
      unexpected.add("invocation: " + e);
      return;
    } finally {
      slowestMillis.accumulate((System.nanoTime() - started) / 1_000_000);
    }
    Set<String> failed = response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
    List<DeleteMessageBatchRequestEntry> done = batch.stream().filter(m -> !failed.contains(m.messageId()))
        .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
        .toList();
    if (!done.isEmpty()) sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
  }

  private static SQSEvent event(List<Message> batch) {
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message m : batch) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(m.messageId());
      record.setReceiptHandle(m.receiptHandle());
      record.setBody(m.body());
      record.setAttributes(new HashMap<>(m.attributesAsStrings()));
      record.setEventSource("aws:sqs");
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /** Stops polling and waits (bounded) for the batches in hand to finish. */
  @Override
  public void close() {
    running = false;
    for (Thread thread : threads) {
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
