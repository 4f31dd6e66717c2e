package herald.domain.campaigns;

import herald.domain.common.Page;
import java.util.Optional;

/** Port: the campaigns, and the counts of their codes. */
public interface Campaigns {
  Optional<Campaign> get(String id);

  /** Creates the campaign; false when one with its id exists. */
  boolean create(Campaign campaign);

  /** Saves a changed campaign if the stored one still has {@code expectedVersion}; false otherwise. */
  boolean replace(Campaign campaign, long expectedVersion);

  /** What the campaign records of the jobs making its codes ({@link CodesJobs}); empty when none ever started. */
  Optional<CodesJob> codesJob(String id);

  /**
   * Records {@code next} if the job named now is still {@code held} (null: none is named); false when another start
   * came first.
   */
  boolean takeCodesJob(String id, String held, CodesJob next);

  /**
   * Records that part {@code part} of the action making the campaign's codes starts: false when it started before
   * (a retry) or when another action holds the campaign now.
   */
  boolean startPart(String id, String actionId, int part);

  /** Deletes the campaign, its counts and its codes job; false when there was no campaign. */
  boolean delete(String id);

  /** The campaigns in creation order. */
  Page<Campaign> list(String cursor, int limit);

  CodeCounts counts(String id);

  /** Adds to a campaign's counts (codes made, codes published: negative when a publication is rolled back). */
  void count(String id, long made, long published);
}
