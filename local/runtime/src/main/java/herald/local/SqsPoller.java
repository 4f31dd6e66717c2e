package herald.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import herald.sam.EventSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Like Lambda's pollers it scales with the backlog: one poller long-polls an idle queue; a poller that gets a
 * batch while no other poller is free to receive starts one more, up to {@code maxConcurrency} batches in the
 * function at once (the event source's {@code ScalingConfig.MaximumConcurrency}); a poller whose receive comes
 * back empty stops, down to one. With a batching window, a batch is handed over when it is full or when the
 * window since its first record has passed.
 */
public final class SqsPoller implements AutoCloseable {
  private final SqsClient sqs;
  private final LambdaFunction function;
  private final EventSource.Sqs source;
  private final String queueUrl;
  private final String queueArn;
  private final int maxConcurrency;
  private final Duration batchWindow;
  private final int waitSeconds;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pollers = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger names = new AtomicInteger();
  private volatile boolean running = true;

  /** Without a batching window. */
  public SqsPoller(SqsClient sqs, LambdaFunction function, EventSource.Sqs source, String queueUrl,
      String queueArn, int maxConcurrency, int waitSeconds) {
    this(sqs, function, source, queueUrl, queueArn, maxConcurrency, Duration.ZERO, waitSeconds);
  }

  /**
   * @param maxConcurrency most batches in the function at once (and pollers)
   * @param batchWindow how long a batch that is not full may gather records (zero: hand over what one receive got)
   * @param waitSeconds long-poll wait of each ReceiveMessage (also bounds how long stopping takes)
   */
  public SqsPoller(SqsClient sqs, LambdaFunction function, EventSource.Sqs source, String queueUrl,
      String queueArn, int maxConcurrency, Duration batchWindow, int waitSeconds) {
    if (maxConcurrency < 1) throw new IllegalArgumentException(function.name() + ": concurrency " + maxConcurrency);
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.maxConcurrency = maxConcurrency;
    this.batchWindow = batchWindow;
    this.waitSeconds = waitSeconds;
  }

  public SqsPoller start() {
    pollers.incrementAndGet();
    startPoller();
    return this;
  }

  public LambdaFunction function() {
    return function;
  }

  public EventSource.Sqs source() {
    return source;
  }

  /** Most batches this source hands the function at once. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** Pollers running now (each receives, then handles its batch). */
  public int pollers() {
    return pollers.get();
  }

  private void startPoller() {
    Thread thread = Thread.ofPlatform().daemon().name(function.name() + "-sqs-" + names.getAndIncrement())
        .unstarted(this::run);
    threads.add(thread);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        try {
          List<Message> batch = receive();
          if (batch.isEmpty()) {
            if (retire()) return;
            continue;
          }
          busy.incrementAndGet();
          try {
            grow();
            if (running) handle(batch);
          } finally {
            busy.decrementAndGet();
          }
        } catch (RuntimeException e) {
          if (!running) return;
          System.err.println("[herald-local] " + function.name() + ": polling " + queueUrl + " failed: " + e);
          sleep(1000);
        }
      }
    } finally {
      threads.remove(Thread.currentThread());
    }
  }

  /** One more poller when every poller holds a batch (none is receiving) and the limit allows it. */
  private void grow() {
    for (int n = pollers.get(); n < maxConcurrency && busy.get() >= n; n = pollers.get()) {
      if (pollers.compareAndSet(n, n + 1)) {
        if (running) startPoller();
        else pollers.decrementAndGet();
        return;
      }
    }
  }

  /** After an empty receive: stops this poller unless it is the last. */
  private boolean retire() {
    for (int n = pollers.get(); n > 1; n = pollers.get()) {
      if (pollers.compareAndSet(n, n - 1)) return true;
    }
    return false;
  }

  private List<Message> receive() {
    List<Message> batch = new ArrayList<>();
    int wait = waitSeconds;
    long deadline = 0;
    while (batch.size() < source.batchSize() && running) {
      int max = Math.min(10, source.batchSize() - batch.size());
      int w = wait;
      List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max).waitTimeSeconds(w)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
      if (batch.isEmpty() && !got.isEmpty()) deadline = System.nanoTime() + batchWindow.toNanos();
      batch.addAll(got);
      if (batch.isEmpty()) break;
      if (got.size() == max) { // full: ask again at once
        wait = 0;
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) break;
      // within a batching window: wait for more until it closes (SQS waits whole seconds)
      wait = (int) Math.min(20, (left + 999_999_999L) / 1_000_000_000L);
    }
    return batch;
  }

  void handle(List<Message> batch) {
    Set<String> failed = invoke(batch);
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

  /** Hands the batch to the function: the ids of the records left for redelivery. */
  private Set<String> invoke(List<Message> batch) {
    try {
      SQSEvent event = SqsBatchEvent.of(batch, queueArn);
      SQSBatchResponse response = function.streams()
          ? SqsEventJson.response(function.invokeStream(SqsEventJson.write(event))) : function.invoke(event);
      return source.reportBatchItemFailures() ? SqsBatchEvent.failed(batch, response) : Set.of();
    } catch (RuntimeException e) {
      System.err.println("[herald-local] " + function.name() + " failed on a batch of " + batch.size() + ": " + e);
      Set<String> all = new HashSet<>();
      batch.forEach(m -> all.add(m.messageId()));
      return all;
    }
  }

  /** Asks the pollers to stop after their current poll and batch, without waiting for them. */
  public void stop() {
    running = false;
  }

  @Override
  public void close() {
    stop();
    for (Thread thread : List.copyOf(threads)) {
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
