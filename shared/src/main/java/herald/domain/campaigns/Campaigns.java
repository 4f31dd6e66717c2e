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

  /** Deletes the campaign and its counts; false when there was none. */
  boolean delete(String id);

  /** The campaigns in creation order. */
  Page<Campaign> list(String cursor, int limit);

  CodeCounts counts(String id);

  /** Adds to a campaign's counts (codes made, codes published: negative when a publication is rolled back). */
  void count(String id, long made, long published);
}
