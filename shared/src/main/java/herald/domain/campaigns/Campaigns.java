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

  /**
   * The async action that last started making the campaign's codes ({@link CodesJobs}), whatever its state; empty
   * when none did.
   */
  Optional<String> codesJob(String id);

  /**
   * Names {@code actionId} as the job making the campaign's codes if the one named now is still {@code held} (null:
   * none is named); false when another start named one first.
   */
  boolean takeCodesJob(String id, String held, String actionId);

  /** Deletes the campaign, its counts and its codes job; false when there was no campaign. */
  boolean delete(String id);

  /** The campaigns in creation order. */
  Page<Campaign> list(String cursor, int limit);

  CodeCounts counts(String id);

  /** Adds to a campaign's counts (codes made, codes published: negative when a publication is rolled back). */
  void count(String id, long made, long published);
}
