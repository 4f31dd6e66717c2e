package herald.domain.jobs;

/** What an async action does; {@code wire} is its name in the API. */
public enum AsyncActionType {
  CUSTOMERS_IMPORT("customers.import"),
  SEGMENT_EVALUATION("segment.evaluation"),
  CODES_GENERATION("campaign.codes.generation"),
  CODES_IMPORT("campaign.codes.import");

  private final String wire;

  AsyncActionType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static AsyncActionType ofWire(String wire) {
    for (AsyncActionType type : values()) if (type.wire.equals(wire)) return type;
    throw new IllegalArgumentException("unknown action type " + wire);
  }
}
