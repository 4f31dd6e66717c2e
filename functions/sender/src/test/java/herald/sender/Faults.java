package herald.sender;

import herald.domain.delivery.MessageStatus;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The dice of the fault test, and what the sender did under them. A call to a store fails at random, before or
 * after it reached the store, as a process that died there would leave things; one failure in ten is a crash
 * that takes the whole invocation down (an {@link Error}, which SqsBatch does not catch). Kept for the checks
 * afterwards: the messages a fault left in doubt (the provider call noted, its outcome not recorded), the
 * webhook calls that ended without an answer, every terminal status written, a terminal status written over
 * with another, a provider called for a message already finished, and a claim held longer than its lease.
 */
final class Faults {
  /** One call failed, like a connection to the store lost half-way. */
  static final class Injected extends RuntimeException {
    Injected(String where) {
      super("injected fault at " + where, null, false, false);
    }
  }

  /** The invocation died: nothing after this point ran and the batch reports nothing. */
  static final class Crash extends Error {
    Crash(String where) {
      super("injected crash at " + where, null, false, false);
    }
  }

  private final Random dice;
  private final double rate;
  private final double crashShare;
  private final Map<String, LongAdder> hits = new ConcurrentSkipListMap<>();
  final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
  final Set<String> noAnswer = ConcurrentHashMap.newKeySet();
  final Map<String, MessageStatus> terminal = new ConcurrentHashMap<>();
  final List<String> overwritten = new CopyOnWriteArrayList<>();
  final List<String> sentAfterFinish = new CopyOnWriteArrayList<>();
  final List<String> leaseOverruns = new CopyOnWriteArrayList<>();
  final LongAccumulator longestHoldMillis = new LongAccumulator(Math::max, 0);
  private volatile boolean enabled = true;

  Faults(long seed, double rate, double crashShare) {
    this.dice = new Random(seed);
    this.rate = rate;
    this.crashShare = crashShare;
  }

  /** Fails here at random. */
  void maybe(String where) {
    maybe(where, () -> { });
  }

  /** Fails here at random, running {@code first} when it does (to note what the failure leaves behind). */
  void maybe(String where, Runnable first) {
    if (!enabled) return;
    double roll;
    boolean crash;
    synchronized (dice) {
      roll = dice.nextDouble();
      crash = dice.nextDouble() < crashShare;
    }
    if (roll >= rate) return;
    first.run();
    hits.computeIfAbsent(crash ? "crash@" + where : where, k -> new LongAdder()).increment();
    if (crash) throw new Crash(where);
    throw new Injected(where);
  }

  /** Stops injecting (the checks afterwards read the stores through the same wrappers). */
  void stop() {
    enabled = false;
  }

  /** A terminal status was written for a message; writing a different one over it is a finding. */
  void finished(String id, MessageStatus status) {
    MessageStatus before = terminal.put(id, status);
    if (before != null && before != status) overwritten.add(id + " " + before + "->" + status);
  }

  /** A provider is about to be called for a message: never for one already finished. */
  void providerCall(String id) {
    MessageStatus done = terminal.get(id);
    if (done != null) sentAfterFinish.add(id + " (already " + done + ")");
  }

  Map<String, Long> hits() {
    Map<String, Long> counts = new ConcurrentSkipListMap<>();
    hits.forEach((where, n) -> counts.put(where, n.sum()));
    return counts;
  }

  long total() {
    return hits.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
