package herald.domain.campaigns;

import herald.domain.jobs.Job;

/**
 * A part of a code generation: part {@code part} (from 0) of {@code parts} makes {@code count} new codes for the
 * campaign, then queues the next part. The parts run one after another, never two of one campaign at once.
 * {@code firstIndex}: the generation's first index of the campaign's {@link CodeSequence} (part p takes the
 * {@link GenerateCodes#PART} indexes from {@code firstIndex + p * PART}); -1 when it draws random codes and reads
 * which exist first.
 */
public record CodeJob(String actionId, String campaignId, int part, int parts, long count, long firstIndex)
    implements Job {
  public CodeJob {
    if (actionId == null || campaignId == null || part < 0 || part >= parts || count < 1) {
      throw new IllegalArgumentException("a code job has its action, campaign, part of parts and a count");
    }
  }
}
