package herald.domain.common;

/** A thing the caller named does not exist. */
public final class NotFound extends RuntimeException {
  private final String field;

  public NotFound(String what, String field, String id) {
    super(what + " " + id + " does not exist", null, false, false);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
