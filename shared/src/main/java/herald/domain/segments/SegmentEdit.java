package herald.domain.segments;

import herald.domain.common.Text;

/** A change to a segment: a new name and/or new rules (null: keep); {@code type}, if given, must not change. */
public record SegmentEdit(String name, SegmentType type, SegmentRule rule) {
  public SegmentEdit {
    name = Text.plain(Text.maxLength(Text.optional(name), 200, "name"), "name");
  }
}
