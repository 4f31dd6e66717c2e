package herald.domain.common;

/** The request is valid but the current state does not allow it. */
public final class Conflict extends RuntimeException {
  private final String code;

  public Conflict(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
