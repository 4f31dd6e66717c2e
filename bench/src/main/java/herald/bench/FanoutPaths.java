package herald.bench;

import herald.adapters.aws.SqsFanoutQueue;
import herald.adapters.aws.SqsSendQueue;
import herald.adapters.dynamodb.DynamoDbDistributions;
import herald.adapters.dynamodb.DynamoDbMemberships;
import herald.adapters.dynamodb.DynamoDbSegments;
import herald.adapters.json.FanoutJobJson;
import herald.domain.fanout.FanOut;
import herald.domain.fanout.FanoutJob;
import herald.platform.AwsModule;
import herald.platform.Env;
import herald.testing.TestChannels;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The two timed paths, each on a fresh send queue that is deleted after. Fan-out: one fan-out job per shard on a
 * fresh fan-out queue (as the trigger puts them), taken one at a time by {@code threads} workers that run
 * {@link FanOut} on it (as FanoutHandler does, BatchSize 1, its limits as deployed) and delete it; follow-ups go
 * back on the queue and are taken the same way. Raw: the same send-job bodies put with SendMessageBatch, ten a
 * call, by {@code threads} workers each with an even share. Both built with AwsModule's client setup.
 */
final class FanoutPaths {
  /** One timed run: messages on the send queue at the end, seconds, fan-out runs, SDK calls (op to {nanos, calls}). */
  record Window(long messages, double seconds, int runs, Cpu cpu, Map<String, long[]> calls) {}

  private final FanoutSetup setup;
  private final SqsClient sqs;
  private final DynamoDbClient dynamo;
  private final int threads;
  private final AtomicLong workerNanos = new AtomicLong();

  FanoutPaths(FanoutSetup setup, int threads) {
    this.setup = setup;
    Env env = setup.env();
    this.sqs = AwsModule.configure(SqsClient.builder(), env, "SQS").build();
    this.dynamo = AwsModule.configure(DynamoDbClient.builder(), env, "DYNAMODB").build();
    this.threads = threads;
  }

  Window fanOut(String label, List<Integer> shards) throws InterruptedException {
    String sendQueue = queue("bench-fanout-send-" + label);
    String fanoutQueue = queue("bench-fanout-jobs-" + label);
    Env env = setup.env();
    FanOut fanOut = new FanOut(new DynamoDbDistributions(dynamo, env.get("DISTRIBUTIONS_TABLE"),
        TestChannels.kinds()),
        new DynamoDbSegments(dynamo, env.get("SEGMENTS_TABLE")),
        new DynamoDbMemberships(dynamo, env.get("SEGMENT_MEMBERS_TABLE")), new SqsSendQueue(sqs, sendQueue),
        new SqsFanoutQueue(sqs, fanoutQueue), FanOut.Limits.DEFAULT);
    AtomicInteger outstanding = new AtomicInteger(shards.size());
    AtomicInteger runs = new AtomicInteger();
    AtomicLong queued = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Cpu before = Cpu.now("fanout-");
    long start = System.nanoTime();
    new SqsFanoutQueue(sqs, fanoutQueue).put(shards.stream().map(shard -> FanoutJob.forEvent(
        setup.distribution().id(), setup.segment().id(), shard, setup.event())).toList());
    inParallel("fanout", () -> {
      while (outstanding.get() > 0) {
        var taken = sqs.receiveMessage(r -> r.queueUrl(fanoutQueue).maxNumberOfMessages(1)).messages();
        if (taken.isEmpty()) {
          pause();   // the last jobs are being run by other workers, or their follow-ups are on the way
          continue;
        }
        FanOut.Run run = fanOut.run(FanoutJobJson.read(taken.get(0).body()), () -> Long.MAX_VALUE);
        sqs.deleteMessage(r -> r.queueUrl(fanoutQueue).receiptHandle(taken.get(0).receiptHandle()));
        runs.incrementAndGet();
        queued.addAndGet(run.sendJobs());
        if (run.followUp() == null && outstanding.decrementAndGet() == 0) done.set(System.nanoTime());
      }
    });
    long end = done.get();
    Cpu cpu = withWorkers(Cpu.now("fanout-").minus(before));
    long onQueue = count(sendQueue);
    if (onQueue != queued.get()) {
      throw new IllegalStateException(queued + " send jobs queued, " + onQueue + " on the queue");
    }
    sqs.deleteQueue(r -> r.queueUrl(sendQueue));
    sqs.deleteQueue(r -> r.queueUrl(fanoutQueue));
    return new Window(onQueue, (end - start) / 1e9, runs.get(), cpu, SdkCallTimer.within("fanout", start, end));
  }

  Window raw(String label, List<String> bodies) throws InterruptedException {
    String sendQueue = queue("bench-raw-send-" + label);
    AtomicInteger next = new AtomicInteger();
    Cpu before = Cpu.now("raw-");
    long start = System.nanoTime();
    inParallel("raw", () -> {
      for (int from = next.getAndAdd(10); from < bodies.size(); from = next.getAndAdd(10)) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
          entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - from)).messageBody(bodies.get(i))
              .build());
        }
        var response = sqs.sendMessageBatch(r -> r.queueUrl(sendQueue).entries(entries));
        if (response.hasFailed() && !response.failed().isEmpty()) throw new IllegalStateException("SQS refused some");
      }
    });
    long end = System.nanoTime();
    Cpu cpu = withWorkers(Cpu.now("raw-").minus(before));
    long onQueue = count(sendQueue);
    if (onQueue != bodies.size()) {
      throw new IllegalStateException(bodies.size() + " sent, " + onQueue + " on the queue");
    }
    sqs.deleteQueue(r -> r.queueUrl(sendQueue));
    return new Window(onQueue, (end - start) / 1e9, 0, cpu, SdkCallTimer.within("raw", start, end));
  }

  /** The workers are gone when the CPU is read: their own time, which each adds up as it ends. */
  private Cpu withWorkers(Cpu cpu) {
    return new Cpu(workerNanos.getAndSet(0) / 1e9, cpu.jvm(), cpu.dynalite(), cpu.ses(), cpu.groups(),
        cpu.jitSeconds(), cpu.gcSeconds());
  }

  private void inParallel(String name, Runnable work) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(() -> {
        try {
          work.run();
        } finally {
          workerNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        }
      }, name + "-" + i);
      t.setUncaughtExceptionHandler((thread, e) -> failures.add(e));
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) t.join();
    if (!failures.isEmpty()) throw new IllegalStateException(name + " path failed", failures.get(0));
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String queue(String name) {
    return sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "600")))
        .queueUrl();
  }

  private long count(String queueUrl) {
    return Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }
}
