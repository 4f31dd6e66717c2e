package herald.domain.distributions;

import herald.domain.Conflict;
import herald.domain.Ids;
import herald.domain.NotFound;
import herald.domain.templates.Templates;
import java.time.Clock;
import java.time.Instant;

/** Creates distributions and moves them through their lifecycle. */
public final class ManageDistributions {
  private final Distributions distributions;
  private final Templates templates;
  private final Clock clock;

  public ManageDistributions(Distributions distributions, Templates templates, Clock clock) {
    this.distributions = distributions;
    this.templates = templates;
    this.clock = clock;
  }

  public Distribution create(NewDistribution draft) {
    for (int i = 0; i < draft.channels().size(); i++) {
      if (draft.channels().get(i) instanceof EmailChannel email) {
        String at = "channels[" + i + "].";
        templates.check(email.subject(), at + "subject");
        templates.check(email.html(), at + "html");
        templates.check(email.text(), at + "text");
      }
    }
    Instant now = clock.instant();
    Distribution distribution = new Distribution(Ids.random("dist_"), draft.name(), DistributionStatus.DRAFT,
        draft.trigger(), draft.audience(), draft.action(), draft.channels(), 1, now, now);
    distributions.create(distribution);
    return distribution;
  }

  public Distribution get(String id) {
    return distributions.get(id).orElseThrow(() -> new NotFound("distribution", "id", id));
  }

  /** Moves a distribution to a new status; a concurrent change makes it a 409. */
  public Distribution moveTo(String id, DistributionStatus next) {
    Distribution current = get(id);
    Distribution moved = current.moveTo(next, clock.instant());
    if (moved == current) return current;
    if (!distributions.replace(moved, current.version())) {
      throw new Conflict("version_conflict", "distribution " + id + " was changed by another call; try again");
    }
    return moved;
  }
}
