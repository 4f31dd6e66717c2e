package herald.local;

import herald.sam.Intrinsics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Invokes a function asynchronously, as Lambda's async invoke does for EventBridge: a failing invocation is
 * retried per the rule's RetryPolicy (attempts and event age) with a short, doubling local backoff, then sent
 * to the rule's dead-letter queue, with the error in message attributes. Each function has its own queue of
 * invocations and threads, so a slow or retrying function never delays another's events.
 */
public final class AsyncInvoker implements AutoCloseable {
  private final Map<String, ThreadPoolExecutor> executors = new ConcurrentHashMap<>();
  private final int threads;
  private volatile boolean closed;
  private final ScheduledExecutorService delays;
  private final SqsClient sqs;
  private final Duration backoff;

  /**
   * @param threads most invocations of one function at once; threads start with the load and stop after 30 s idle
   * @param backoff the wait before the first retry; it doubles per retry, up to 30 times this
   */
  public AsyncInvoker(SqsClient sqs, int threads, Duration backoff) {
    this.sqs = sqs;
    this.backoff = backoff;
    this.threads = threads;
    this.delays = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("async-retry")
        .factory());
  }

  public void submit(LocalEventBridge.Target target, byte[] event, Instant received) {
    execute(target, () -> attempt(target, event, received, 0));
  }

  private void execute(LocalEventBridge.Target target, Runnable invocation) {
    if (closed) return;
    executors.computeIfAbsent(target.function().name(), name -> {
      ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name(name + "-async-", 0).factory());
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }).execute(invocation);
  }

  private void attempt(LocalEventBridge.Target target, byte[] event, Instant received, int retries) {
    try {
      if (target.function().streams()) {
        target.function().invokeStream(event);
      } else {
        target.function().invoke(SqsEventJson.read(event));   // a typed SQS handler's schedule (the jobs function's)
      }
      return;
    } catch (RuntimeException e) {
      if (closed) return; // stopping: an interrupted invocation is neither retried nor dead-lettered
      boolean young = Duration.between(received, Instant.now()).getSeconds() < target.maximumEventAgeInSeconds();
      if (retries < target.maximumRetryAttempts() && young) {
        long wait = Math.min(backoff.toMillis() << Math.min(retries, 20), backoff.toMillis() * 30);
        System.err.println("[herald-local] " + target.function().name() + " failed (" + e + "); retry "
            + (retries + 1) + " of " + target.maximumRetryAttempts() + " in " + wait + " ms");
        delays.schedule(() -> execute(target, () -> attempt(target, event, received, retries + 1)), wait,
            TimeUnit.MILLISECONDS);
      } else {
        deadLetter(target, event, e, retries);
      }
    }
  }

  private void deadLetter(LocalEventBridge.Target target, byte[] event, RuntimeException error, int retries) {
    if (target.deadLetterQueueUrl() == null) {
      System.err.println("[herald-local] " + target.function().name() + " failed after " + retries
          + " retries and the rule has no DeadLetterConfig: event dropped (" + error + ")");
      return;
    }
    String message = String.valueOf(error.getMessage());
    Map<String, MessageAttributeValue> attributes = Map.of(
        "RULE_ARN", text("arn:aws:events:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":rule/"
            + target.bus() + "/" + target.rule()),
        "TARGET_ARN", text("arn:aws:lambda:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":function:"
            + target.function().name()),
        "ERROR_CODE", text(error.getClass().getSimpleName()),
        "ERROR_MESSAGE", text(message.length() > 256 ? message.substring(0, 256) : message),
        "RETRY_ATTEMPTS", text(String.valueOf(retries)));
    try {
      sqs.sendMessage(m -> m.queueUrl(target.deadLetterQueueUrl())
          .messageBody(new String(event, java.nio.charset.StandardCharsets.UTF_8)).messageAttributes(attributes));
      System.err.println("[herald-local] " + target.function().name() + " failed after " + retries
          + " retries: event sent to " + target.deadLetterQueueUrl());
    } catch (RuntimeException e) {
      System.err.println("[herald-local] could not dead-letter an event for " + target.function().name() + ": " + e);
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value.isEmpty() ? "-" : value).build();
  }

  @Override
  public void close() {
    closed = true;
    delays.shutdownNow();
    executors.values().forEach(ThreadPoolExecutor::shutdownNow);
    try {
      for (ThreadPoolExecutor executor : executors.values()) executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
