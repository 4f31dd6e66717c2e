package herald.domain.campaigns;

import herald.domain.common.Ids;
import herald.domain.common.Parallel;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.Job;
import herald.domain.jobs.JobWork;
import herald.domain.jobs.Jobs;
import herald.domain.jobs.Progress;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Makes one part of a code generation. Most parts take their codes from the campaign's {@link CodeSequence}: the
 * part's {@value #PART} indexes give codes no other index gives, and no other job makes the campaign's codes
 * meanwhile ({@link CodesJobs}), so they are written with batch writes and no read. The part's first run marks it
 * started on the campaign; a run after that (a retry) reads which of its codes exist and counts those with its
 * origin as made, so nothing it wrote before is written again.
 *
 * <p>Otherwise (the campaign may hold codes the sequence did not make, its code configuration changed during the
 * generation, or another job holds it now) the part draws random codes from a generator seeded by the part (so a
 * part run again draws the same codes), reads which of each {@value #BATCH} the campaign already holds, and writes
 * the others; a code already there counts as made when this part made it before (its origin), and as a collision
 * otherwise (another draw replaces it). A part whose draws keep hitting codes the campaign holds (imports can fill
 * the space) stops, counting what it could not make, and the action ends.
 *
 * <p>Batches are written {@link Parallel} at once. The part is recorded once on the async action, the campaign's
 * total counted then, and the next part queued.
 */
public final class GenerateCodes implements JobWork {
  public static final int PART = 5_000;
  public static final int BATCH = 100;
  /** Codes a blind write sends at once (one BatchWriteItem), so the batches of a part spread evenly over threads. */
  static final int WRITE_BATCH = 25;
  public static final String GENERATED = "generated";
  public static final String COLLISIONS = "collisions";
  /** Codes a part could not make: its draws kept hitting codes the campaign holds (imports filled the space). */
  public static final String NOT_GENERATED = "not_generated";
  private static final int MAX_DRAWS = 20;
  private final Campaigns campaigns;
  private final Codes codes;
  private final AsyncActions actions;
  private final Jobs jobs;
  private final Clock clock;

  @Inject
  public GenerateCodes(Campaigns campaigns, Codes codes, AsyncActions actions, Jobs jobs, Clock clock) {
    this.campaigns = campaigns;
    this.codes = codes;
    this.actions = actions;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public Class<CodeJob> kind() {
    return CodeJob.class;
  }

  @Override
  public Map<String, String> run(Job job, BooleanSupplier timeLeft) {
    CodeJob part = (CodeJob) job;
    Campaign campaign = campaigns.get(part.campaignId()).orElse(null);
    String partId = Integer.toString(part.part());
    if (campaign == null) {
      actions.record(part.actionId(), new Progress(partId, partId, Map.of(), List.of()));
      if (part.part() + 1 < part.parts()) next(part);
      return Map.of("campaign", "deleted");
    }
    String origin = part.actionId() + "#" + part.part();
    CodeConfig config = campaign.settings().codeConfig();
    long wanted = Math.min(PART, part.count());
    CodeSequence sequence = sequence(campaign, part);
    long[] outcome = sequence != null
        ? fromSequence(campaign.id(), sequence, part, wanted, origin)
        : drawn(campaign.id(), config, wanted, origin);
    long made = outcome[0];
    long collisions = outcome[1];
    boolean exhausted = made < wanted;
    boolean first = actions.record(part.actionId(), new Progress(partId, partId,
        exhausted ? Map.of(GENERATED, made, COLLISIONS, collisions, NOT_GENERATED, part.count() - made)
            : Map.of(GENERATED, made, COLLISIONS, collisions), List.of()));
    if (first) campaigns.count(campaign.id(), made, 0);
    if (exhausted) {
      for (int rest = part.part() + 1; rest < part.parts(); rest++) {
        actions.record(part.actionId(), new Progress(Integer.toString(rest), Integer.toString(rest), Map.of(), List.of()));
      }
    } else if (part.part() + 1 < part.parts()) {
      next(part);
    }
    return Map.of();
  }

  /** The campaign's sequence, when this part can take its codes from it; null otherwise. */
  private CodeSequence sequence(Campaign campaign, CodeJob part) {
    if (part.firstIndex() < 0) return null;
    CodesJob recorded = campaigns.codesJob(campaign.id()).orElse(null);
    if (recorded == null || recorded.key() == null || !part.actionId().equals(recorded.actionId())
        || !campaign.settings().codeConfig().toString().equals(recorded.config())) {
      return null;
    }
    return new CodeSequence(campaign.settings().codeConfig(), Base64.getDecoder().decode(recorded.key()));
  }

  /** The part's codes of the sequence, written blind on its first run, read first on a retry: {made, collisions}. */
  private long[] fromSequence(String campaignId, CodeSequence sequence, CodeJob part, long wanted, String origin) {
    boolean retry = !campaigns.startPart(campaignId, part.actionId(), part.part());
    List<String> drawn = sequence.codes(part.firstIndex() + (long) part.part() * PART, (int) wanted);
    int size = retry ? BATCH : WRITE_BATCH;
    List<List<String>> batches = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i += size) batches.add(drawn.subList(i, Math.min(drawn.size(), i + size)));
    Instant now = clock.instant();
    List<long[]> outcomes = Parallel.map(batches, batch -> {
      if (retry) return write(campaignId, batch, origin);
      codes.add(campaignId, batch, origin, now);
      return new long[] {batch.size(), 0};
    });
    return sum(outcomes);
  }

  /** Random codes, read first, drawn until the part has made its codes or gives up: {made, collisions}. */
  private long[] drawn(String campaignId, CodeConfig config, long wanted, String origin) {
    SplittableRandom random = new SplittableRandom(seed(origin));
    Set<String> drawn = new HashSet<>();
    long made = 0;
    long collisions = 0;
    long draws = 0;
    while (made < wanted && draws < MAX_DRAWS * wanted) {
      List<String> candidates = new ArrayList<>();
      while (candidates.size() < Math.min(wanted - made, BATCH * Parallel.AT_ONCE) && draws++ < MAX_DRAWS * wanted) {
        String code = config.generate(random);
        if (drawn.add(code)) candidates.add(code);
      }
      List<List<String>> batches = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i += BATCH) {
        batches.add(candidates.subList(i, Math.min(candidates.size(), i + BATCH)));
      }
      long[] outcome = sum(Parallel.map(batches, batch -> write(campaignId, batch, origin)));
      made += outcome[0];
      collisions += outcome[1];
    }
    return new long[] {made, collisions};
  }

  private static long[] sum(List<long[]> outcomes) {
    long[] sum = new long[2];
    for (long[] outcome : outcomes) {
      sum[0] += outcome[0];
      sum[1] += outcome[1];
    }
    return sum;
  }

  /** Writes the batch's codes the campaign does not hold: {made, collisions}. */
  private long[] write(String campaignId, List<String> batch, String origin) {
    Map<String, String> existing = codes.existing(campaignId, batch);
    List<String> fresh = batch.stream().filter(code -> !existing.containsKey(code)).toList();
    if (!fresh.isEmpty()) codes.add(campaignId, fresh, origin, clock.instant());
    long mine = existing.values().stream().filter(origin::equals).count();
    return new long[] {fresh.size() + mine, existing.size() - mine};
  }

  private void next(CodeJob part) {
    jobs.put(List.of(new CodeJob(part.actionId(), part.campaignId(), part.part() + 1, part.parts(),
        part.count() - PART, part.firstIndex())));
  }

  private static long seed(String origin) {
    return Long.parseUnsignedLong(Ids.derived("", origin).substring(0, 15), 16);
  }
}
