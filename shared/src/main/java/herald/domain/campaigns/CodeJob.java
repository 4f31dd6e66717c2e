package herald.domain.campaigns;

import herald.domain.jobs.Job;

/**
 * A part of a code generation: part {@code part} (from 0) of {@code parts} makes {@code count} new codes for the
 * campaign, then queues the next part. The parts run one after another, never two of one campaign at once.
 */
public record CodeJob(String actionId, String campaignId, int part, int parts, long count) implements Job {
  public CodeJob {
    if (actionId == null || campaignId == null || part < 0 || part >= parts || count < 1) {
      throw new IllegalArgumentException("a code job has its action, campaign, part of parts and a count");
    }
  }
}
