package herald.domain.segments;

/** A segment with how many members it has now. */
public record CountedSegment(Segment segment, long memberCount) {}
