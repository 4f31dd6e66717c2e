package herald.domain.campaigns;

/** A campaign's codes: how many exist and how many of them are published; the rest are available. */
public record CodeCounts(long total, long published) {
  public long available() {
    return total - published;
  }
}
