package herald.domain.segments.rules;

/** How a group combines its rules: all must match ({@code and}) or one must ({@code or}). */
public enum Logic {
  AND("and"), OR("or");

  private final String key;

  Logic(String key) {
    this.key = key;
  }

  /** The group's key in JSON: {@code and} or {@code or}. */
  public String key() {
    return key;
  }
}
