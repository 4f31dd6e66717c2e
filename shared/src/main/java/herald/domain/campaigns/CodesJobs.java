package herald.domain.campaigns;

import herald.domain.common.Conflict;
import herald.domain.common.Ids;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionStatus;
import herald.domain.jobs.AsyncActions;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * One job at a time makes a campaign's codes: a generation writes its codes with unconditional batch writes, so
 * another job creating codes meanwhile (an import, a second generation) could be overwritten. Starting a job
 * records its async action on the campaign ({@link CodesJob}) with a conditional write; a second start while that
 * action is in progress is 409 {@code codes_job_running}. An action that has recorded nothing for {@link #STALE}
 * (a part stuck in a dead-letter queue) no longer holds the campaign.
 *
 * <p>A generation takes the next indexes of the campaign's {@link CodeSequence}, whose codes are new by
 * construction, unless the campaign may hold codes the sequence did not make; then it draws random codes and
 * reads which exist before writing ({@code firstIndex} -1).
 */
public final class CodesJobs {
  public static final Duration STALE = Duration.ofMinutes(15);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Campaigns campaigns;
  private final AsyncActions actions;
  private final Clock clock;

  /** A started job: its action's id, and the first sequence index of a generation (-1: read first). */
  public record Start(String actionId, long firstIndex) {}

  @Inject
  public CodesJobs(Campaigns campaigns, AsyncActions actions, Clock clock) {
    this.campaigns = campaigns;
    this.actions = actions;
    this.clock = clock;
  }

  /** Starts a generation of {@code count} codes; Conflict while another job makes the campaign's codes. */
  public Start generation(Campaign campaign, long count) {
    CodesJob held = free(campaign.id());
    String config = campaign.settings().codeConfig().toString();
    String id = Ids.random(AsyncAction.PREFIX);
    String key = held == null || held.key() == null ? newKey() : held.key();
    boolean sameConfig = held != null && config.equals(held.config());
    long next = sameConfig ? held.nextIndex() : 0;
    boolean mixed = held == null ? campaigns.counts(campaign.id()).total() > 0
        : held.mixed() || held.key() == null || !sameConfig && held.nextIndex() > 0;
    mixed |= BigInteger.valueOf(next + count).compareTo(campaign.settings().codeConfig().space()) > 0
        || next + count > CodeSequence.MAX_DOMAIN;
    take(campaign.id(), held, new CodesJob(id, key, mixed ? next : next + count, config, mixed));
    return new Start(id, mixed ? -1 : next);
  }

  /** Starts an import: its action's id. Conflict while another job makes the campaign's codes. */
  public String importing(Campaign campaign) {
    CodesJob held = free(campaign.id());
    String id = Ids.random(AsyncAction.PREFIX);
    take(campaign.id(), held, held == null
        ? new CodesJob(id, newKey(), 0, campaign.settings().codeConfig().toString(), true)
        : new CodesJob(id, held.key(), held.nextIndex(), held.config(), true));
    return id;
  }

  /** What the campaign records now, unless a job in progress holds it. */
  private CodesJob free(String campaignId) {
    CodesJob held = campaigns.codesJob(campaignId).orElse(null);
    if (held != null && running(held.actionId())) throw running(campaignId, held.actionId());
    return held;
  }

  private void take(String campaignId, CodesJob held, CodesJob next) {
    if (!campaigns.takeCodesJob(campaignId, held == null ? null : held.actionId(), next)) {
      throw running(campaignId, campaigns.codesJob(campaignId).map(CodesJob::actionId).orElse("another action"));
    }
  }

  private boolean running(String actionId) {
    return actions.get(actionId)
        .filter(a -> a.status() == AsyncActionStatus.IN_PROGRESS)
        .filter(a -> a.updatedAt().isAfter(clock.instant().minus(STALE)))
        .isPresent();
  }

  private static String newKey() {
    byte[] key = new byte[16];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static Conflict running(String campaignId, String actionId) {
    return new Conflict("codes_job_running", "async action " + actionId + " is making the codes of campaign "
        + campaignId + "; start this when it is done (GET /v1/async-actions/" + actionId + ")");
  }
}
