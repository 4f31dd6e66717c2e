package herald.domain.segments;

import herald.domain.common.Invalid;

/** A static segment holds the customers added to it; an auto-update one the customers its rules match. */
public enum SegmentType {
  STATIC("static"), AUTO_UPDATE("auto-update");

  private final String key;

  SegmentType(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static SegmentType of(String key, String field) {
    for (SegmentType type : values()) if (type.key.equals(key)) return type;
    throw new Invalid("invalid_value", field, field + " must be static or auto-update");
  }
}
