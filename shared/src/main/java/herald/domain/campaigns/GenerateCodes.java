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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Makes one part of a code generation: draws random codes from a generator seeded by the part (so a part run
 * again draws the same codes), reads which of each {@value #BATCH} the campaign already holds, and writes the
 * others in batches, {@link Parallel} batches at once. A code already there counts as made when this part made it
 * before (its origin), and as a collision otherwise (another draw replaces it). The part is recorded once on the
 * async action, the campaign's total counted then, and the next part queued. Parts run one after another, and no
 * other job makes the campaign's codes meanwhile ({@link CodesJobs}), so nothing writes a code between a part's
 * read and its write. A part whose
 * draws keep hitting codes the campaign holds (imports can fill the space) stops, counting what it could not
 * make, and the action ends.
 */
public final class GenerateCodes implements JobWork {
  public static final int PART = 5_000;
  public static final int BATCH = 100;
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
    SplittableRandom random = new SplittableRandom(seed(origin));
    CodeConfig config = campaign.settings().codeConfig();
    long wanted = Math.min(PART, part.count());
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
      List<long[]> outcomes = Parallel.map(batches, batch -> write(campaign.id(), batch, origin));
      for (long[] outcome : outcomes) {
        made += outcome[0];
        collisions += outcome[1];
      }
    }
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
        part.count() - PART)));
  }

  private static long seed(String origin) {
    return Long.parseUnsignedLong(Ids.derived("", origin).substring(0, 15), 16);
  }
}
