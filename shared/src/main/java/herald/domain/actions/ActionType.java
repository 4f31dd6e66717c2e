package herald.domain.actions;

/** What an async action does; {@code wire} is its name in the API. */
public enum ActionType {
  CUSTOMERS_IMPORT("customers.import"),
  SEGMENT_EVALUATION("segment.evaluation");

  private final String wire;

  ActionType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static ActionType ofWire(String wire) {
    for (ActionType type : values()) if (type.wire.equals(wire)) return type;
    throw new IllegalArgumentException("unknown action type " + wire);
  }
}
