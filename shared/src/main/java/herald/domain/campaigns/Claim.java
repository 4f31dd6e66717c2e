package herald.domain.campaigns;

/**
 * The outcome of claiming a code from a campaign's pool: the code (null when the pool was empty) and how many
 * conditional writes lost to another publisher on the way.
 */
public record Claim(String code, int conflicts) {
  public boolean exhausted() {
    return code == null;
  }
}
