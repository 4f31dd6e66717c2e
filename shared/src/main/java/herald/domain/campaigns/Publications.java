package herald.domain.campaigns;

import herald.domain.common.Page;
import java.util.Optional;

/** Port: the publications, pending or published. */
public interface Publications {
  Optional<Publication> get(String id);

  /** Writes a new pending publication; false when one with its id exists. */
  boolean createPending(Publication pending);

  /** Records another code on a pending publication that still names {@code previousCode}; false otherwise. */
  boolean recode(Publication pending, String previousCode);

  /** Marks a pending publication published; false when it was not pending (published already, or gone). */
  boolean markPublished(String id);

  /** Deletes a publication while it is pending and names {@code code}; false otherwise. */
  boolean deletePending(String id, String code);

  /**
   * The published publications matching every filter given (null: any), newest first when a filter is given, in
   * no order without one.
   */
  Page<Publication> list(PublicationFilter filter, String cursor, int limit);

  /**
   * Deletes the first {@code limit} publications, pending or published, of a deleted campaign: how many (fewer than
   * the limit: none are left).
   */
  int purge(String campaignId, int limit);
}
