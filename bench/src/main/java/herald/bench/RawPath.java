package herald.bench;

import herald.adapters.aws.SqsSendQueue;
import herald.domain.customers.Customer;
import herald.domain.delivery.SendJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The raw path: the same job bodies as the sender path on a scratch queue, drained by as many {@link RawWorker}
 * threads as the runtime has pollers, each doing the sender's stand-in calls ({@link RawCalls}) for its messages.
 */
final class RawPath {
  private final SqsClient sqs;
  private final int threads;
  private final int batchSize;

  RawPath(SqsClient sqs, int threads, int batchSize) {
    this.sqs = sqs;
    this.threads = threads;
    this.batchSize = batchSize;
  }

  /** Fills the scratch queue with the same job bodies, then drains it on {@code threads} threads, timed. */
  Tally.Window run(String queueUrl, RawCalls calls, List<Customer> customers, String tag) throws Exception {
    List<SendJob> jobs = ThroughputSetup.jobs("dist_raw_" + calls.channel() + "_" + tag, calls.channel(),
        customers);
    new SqsSendQueue(sqs, queueUrl).send(jobs);
    int total = jobs.size();
    AtomicInteger done = new AtomicInteger();
    AtomicLong lastDone = new AtomicLong();
    List<RawWorker> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) workers.add(new RawWorker(calls.forThread(), queueUrl, tag, batchSize));
    ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("raw-", 0).factory());
    Cpu cpuBefore = Cpu.now("raw-");
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (RawWorker w : workers) running.add(pool.submit(() -> w.drain(done, total, lastDone)));
    for (Future<?> f : running) f.get();
    Cpu cpu = Cpu.now("raw-").minus(cpuBefore);
    Map<String, long[]> timed = SdkCallTimer.installed()
        ? new TreeMap<>(SdkCallTimer.within("raw", start, lastDone.get())) : new TreeMap<>();
    pool.shutdown();
    if (done.get() != total) throw new IllegalStateException("raw: " + done.get() + " of " + total);
    List<Double> perMessage = new ArrayList<>();
    for (RawWorker w : workers) {
      w.nanos.forEach((op, n) -> {
        // the webhook POST is not an SDK call; without the interceptor, every operation comes from here
        if (op.startsWith("HTTP.") || !SdkCallTimer.installed()) {
          timed.merge(op, n.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
      });
      perMessage.addAll(w.messageMs);
    }
    return new Tally.Window(total, (lastDone.get() - start) / 1e9, 0, 0, perMessage, cpu, timed);
  }
}
