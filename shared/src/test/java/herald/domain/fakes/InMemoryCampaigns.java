package herald.domain.fakes;

import herald.domain.campaigns.Campaign;
import herald.domain.campaigns.Campaigns;
import herald.domain.campaigns.CodeCounts;
import herald.domain.campaigns.CodesJob;
import herald.domain.common.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Campaigns in a map, in creation order; their counts beside them. */
public final class InMemoryCampaigns implements Campaigns {
  private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
  private final Map<String, CodeCounts> counts = new LinkedHashMap<>();
  private final Map<String, CodesJob> codesJobs = new LinkedHashMap<>();
  private final Map<String, Integer> startedParts = new LinkedHashMap<>();

  @Override
  public synchronized Optional<Campaign> get(String id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  @Override
  public synchronized boolean create(Campaign campaign) {
    return campaigns.putIfAbsent(campaign.id(), campaign) == null;
  }

  @Override
  public synchronized boolean replace(Campaign campaign, long expectedVersion) {
    Campaign current = campaigns.get(campaign.id());
    if (current == null || current.version() != expectedVersion) return false;
    campaigns.put(campaign.id(), campaign);
    return true;
  }

  @Override
  public synchronized Optional<CodesJob> codesJob(String id) {
    return Optional.ofNullable(codesJobs.get(id));
  }

  @Override
  public synchronized boolean takeCodesJob(String id, String held, CodesJob next) {
    CodesJob now = codesJobs.get(id);
    if (!Objects.equals(now == null ? null : now.actionId(), held)) return false;
    codesJobs.put(id, next);
    startedParts.remove(id);
    return true;
  }

  @Override
  public synchronized boolean startPart(String id, String actionId, int part) {
    CodesJob now = codesJobs.get(id);
    if (now == null || !now.actionId().equals(actionId) || startedParts.getOrDefault(id, -1) >= part) return false;
    startedParts.put(id, part);
    return true;
  }

  @Override
  public synchronized boolean delete(String id) {
    counts.remove(id);
    codesJobs.remove(id);
    return campaigns.remove(id) != null;
  }

  @Override
  public synchronized Page<Campaign> list(String cursor, int limit) {
    return new Page<>(new ArrayList<>(campaigns.values()), null);
  }

  @Override
  public synchronized CodeCounts counts(String id) {
    return counts.getOrDefault(id, new CodeCounts(0, 0));
  }

  @Override
  public synchronized void count(String id, long made, long published) {
    CodeCounts c = counts(id);
    counts.put(id, new CodeCounts(c.total() + made, c.published() + published));
  }
}
