package herald.domain.campaigns;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: the codes of the campaigns, one item per (campaign, code): a code is its own key, so one campaign never
 * holds one code twice. Each code remembers its {@code origin} (the generation part or import row that made it).
 */
public interface Codes {
  /** Of these codes, the ones the campaign holds, each with its origin. */
  Map<String, String> existing(String campaignId, Collection<String> codes);

  /**
   * Writes codes the campaign does not hold (checked with {@link #existing} just before), available, with their
   * origin; a batch write, with no condition.
   */
  void add(String campaignId, Collection<String> codes, String origin, Instant now);

  /** Adds one code unless the campaign holds it (a conditional write): empty when added, else the origin there. */
  Optional<String> addIfAbsent(String campaignId, String code, String origin, Instant now);

  /**
   * Takes an available code of the campaign for the publication, with a conditional write, so no two publications
   * ever get one code; publishers start at random places of the pool, so they rarely reach for the same one.
   */
  default Claim claim(String campaignId, String publicationId, String customerId, Instant now) {
    return claim(campaignId, publicationId, customerId, now, code -> {});
  }

  /**
   * As {@link #claim(String, String, String, Instant)}, calling {@code beforeTaking} with each code before trying
   * to take it (so the publication names it first); an exception thrown there ends the claim.
   */
  Claim claim(String campaignId, String publicationId, String customerId, Instant now, Consumer<String> beforeTaking);

  /** What {@link #take} found. */
  enum Taken { FRESH, ALREADY_MINE, LOST }

  /**
   * Takes this code for the publication if it is still in the pool ({@code FRESH}) or already the publication's
   * ({@code ALREADY_MINE}); {@code LOST} when another publication has it, or the campaign has no such code.
   */
  Taken take(String campaignId, String code, String publicationId, String customerId, Instant now);

  /** Puts a code claimed for the publication back into the pool; false when it is not claimed for it. */
  boolean release(String campaignId, String code, String publicationId);

  /** Deletes the first {@code limit} codes of a deleted campaign: how many (fewer than the limit: none are left). */
  int purge(String campaignId, int limit);
}
