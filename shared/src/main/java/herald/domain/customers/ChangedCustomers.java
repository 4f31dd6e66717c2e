package herald.domain.customers;

import herald.domain.common.Ids;
import herald.domain.common.Page;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: the mark every save and erase leaves on a customer's item ({@link Customers}) until the segments function
 * has brought the customer's segment membership in line with that version: an outbox written with the profile
 * itself, so that no change is lost when its announcement ({@link CustomerChanges}) is. The marks are kept in
 * {@link #SHARDS} shards of the customer ids, each in order of the time of the latest save.
 */
public interface ChangedCustomers {
  int SHARDS = 16;

  /** The customer's item as it is now, a tombstone included; empty when there is none. */
  Optional<StoredCustomer> stored(String customerId);

  /**
   * The customer's segments follow {@code version}: the mark is cleared if the item is still at that version, or
   * if every save since was an unmarked one ({@link Customers#saveBehaviour}: a change no segment tells apart); a
   * newer marked save, or an erase, keeps its own mark.
   */
  void settled(String customerId, long version);

  /** Deletes the customer's tombstone if it is still at {@code version}: their segments have let go of them. */
  void forget(String customerId, long version);

  /**
   * One page of the ids of the customers of shard {@code shard} (0 &le; shard &lt; {@link #SHARDS}) still marked
   * by a save made before {@code before}, the oldest first; {@code cursor} is null for the first page, then the
   * page's {@code next}. The marks are read from an index that may lag a moment behind the items.
   */
  Page<String> markedBefore(int shard, Instant before, String cursor, int limit);

  /** The shard of a customer's mark: the same for a customer id, always. */
  static int shardOf(String customerId) {
    return Ids.shard(customerId, SHARDS);
  }
}
