package herald.domain.common;

/** Input that breaks a rule of the domain: carries a machine-readable code and the field at fault. */
public final class Invalid extends RuntimeException {
  private final String code;
  private final String field;

  public Invalid(String code, String field, String message) {
    super(message, null, false, false);
    this.code = code;
    this.field = field;
  }

  public static Invalid required(String field) {
    return new Invalid("missing_field", field, field + " is required");
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
