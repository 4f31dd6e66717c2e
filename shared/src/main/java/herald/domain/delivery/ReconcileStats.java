package herald.domain.delivery;

import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.common.Page;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Makes a distribution's counts exact: reads every one of its messages (a query on the messages table's
 * ByDistribution index, page by page) and writes what it found over the fast counters ({@link StatusCounters}), with
 * the figures only a recount gives (reasons, codes published, the messages per hour). Run when a manual send becomes
 * DONE ({@link CompleteManualSend}) and on a schedule for every distribution whose counts moved since its last
 * recount ({@link #sweep}). A count moved while a recount runs is moved again after it (the recount's time is its
 * start, so the next sweep recounts it once more): the counts are exact once the messages rest. A recount that finds
 * at least {@value #BULK} more FAILED messages than the last one notes it in the activity log
 * ({@code messages_failed} with the count).
 */
public final class ReconcileStats {
  static final int PAGE = 1000;
  static final int BULK = 10;
  private static final Set<MessageStatus> SENT = Set.of(MessageStatus.SENT, MessageStatus.DELIVERED,
      MessageStatus.BOUNCED, MessageStatus.COMPLAINED);
  private final Messages messages;
  private final StatusCounters stats;
  private final Distributions distributions;
  private final Activity activity;
  private final Clock clock;

  @Inject
  public ReconcileStats(Messages messages, StatusCounters stats, Distributions distributions, Activity activity,
      Clock clock) {
    this.messages = messages;
    this.stats = stats;
    this.distributions = distributions;
    this.activity = activity;
    this.clock = clock;
  }

  /** Recounts one distribution; empty when {@code timeLeft} ran out first (nothing is written then). */
  public java.util.Optional<Recount> reconcile(String distributionId, BooleanSupplier timeLeft) {
    Instant at = clock.instant();
    Distribution distribution = distributions.get(distributionId).orElse(null);
    boolean codes = distribution != null && distribution.action().type() == ActionType.PUBLISH_CODE;
    Map<String, Map<MessageStatus, Long>> statuses = new TreeMap<>();
    Map<String, Map<Engagement, Long>> engaged = new TreeMap<>();
    Map<MessageStatus, Map<String, Long>> reasons = new EnumMap<>(MessageStatus.class);
    Map<Instant, Map<MessageStatus, Long>> hours = new TreeMap<>();
    Set<String> holders = new HashSet<>();
    String cursor = null;
    do {
      if (!timeLeft.getAsBoolean()) return java.util.Optional.empty();
      Page<Message> page = messages.forDistribution(distributionId, MessageFilter.ALL, cursor, PAGE);
      for (Message m : page.items()) {
        statuses.computeIfAbsent(m.channel(), c -> new EnumMap<>(MessageStatus.class)).merge(m.status(), 1L, Long::sum);
        if (m.openedAt() != null) add(engaged, m.channel(), Engagement.OPENED);
        if (m.clickedAt() != null) add(engaged, m.channel(), Engagement.CLICKED);
        if (m.reason() != null && (m.status() == MessageStatus.FAILED || m.status() == MessageStatus.SKIPPED)) {
          reasons.computeIfAbsent(m.status(), s -> new TreeMap<>()).merge(m.reason(), 1L, Long::sum);
        }
        if (m.createdAt() != null) {
          hours.computeIfAbsent(m.createdAt().truncatedTo(ChronoUnit.HOURS), h -> new EnumMap<>(MessageStatus.class))
              .merge(m.status(), 1L, Long::sum);
        }
        if (codes && SENT.contains(m.status())) holders.add(m.eventId() + "\n" + m.customerId());
      }
      cursor = page.next();
    } while (cursor != null);
    long failedBefore = stats.lastRecount(distributionId).map(r -> r.total(MessageStatus.FAILED)).orElse(0L);
    Recount recount = new Recount(at, statuses, engaged, reasons, holders.size(), hours);
    stats.recounted(distributionId, recount);
    long newlyFailed = recount.total(MessageStatus.FAILED) - failedBefore;
    if (newlyFailed >= BULK && distribution != null) {
      activity.record(new ActivityEntry(ManageDistributions.subject(distributionId), at, "herald", "messages_failed",
          distribution.version(), Map.of("count", String.valueOf(newlyFailed))));
    }
    return java.util.Optional.of(recount);
  }

  /**
   * Recounts every distribution whose counts moved since its last recount (or that was never recounted and has
   * counts), while {@code timeLeft} says there is time; gives how many it recounted and how many it left for later.
   */
  public Map<String, String> sweep(BooleanSupplier timeLeft) {
    return sweep(timeLeft, id -> {});
  }

  /** As {@link #sweep(BooleanSupplier)}, telling {@code recounted} of each distribution it recounted. */
  public Map<String, String> sweep(BooleanSupplier timeLeft, java.util.function.Consumer<String> after) {
    int recounted = 0;
    int left = 0;
    String cursor = null;
    do {
      Page<Distribution> page = distributions.list(null, null, cursor, 100);
      for (Distribution d : page.items()) {
        Instant moved = stats.lastMoved(d.id()).orElse(null);
        if (moved == null) continue;
        Instant last = stats.lastRecount(d.id()).map(Recount::at).orElse(null);
        if (last != null && !moved.isAfter(last)) continue;
        if (timeLeft.getAsBoolean() && reconcile(d.id(), timeLeft).isPresent()) {
          recounted++;
          after.accept(d.id());
        } else {
          left++;
        }
      }
      cursor = page.next();
    } while (cursor != null);
    Map<String, String> done = new HashMap<>();
    done.put("recounted", String.valueOf(recounted));
    done.put("left", String.valueOf(left));
    return done;
  }

  /** A time budget for a recount run inline (a manual send that just finished): {@code budget} from now. */
  public BooleanSupplier budget(Duration budget) {
    Instant until = clock.instant().plus(budget);
    return () -> clock.instant().isBefore(until);
  }

  private static void add(Map<String, Map<Engagement, Long>> engaged, String channel, Engagement what) {
    engaged.computeIfAbsent(channel, c -> new EnumMap<>(Engagement.class)).merge(what, 1L, Long::sum);
  }
}
