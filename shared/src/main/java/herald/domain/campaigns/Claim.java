package herald.domain.campaigns;

/**
 * The outcome of claiming a code from a campaign's pool: the code (null when the pool was empty), how many
 * conditional writes lost to another publisher on the way, and whether this claim took the code out of the pool
 * ({@code fresh}; false when it was the publication's already).
 */
public record Claim(String code, int conflicts, boolean fresh) {
  public Claim(String code, int conflicts) {
    this(code, conflicts, code != null);
  }

  public boolean exhausted() {
    return code == null;
  }
}
