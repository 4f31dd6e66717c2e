package herald.domain.campaigns;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

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
}
