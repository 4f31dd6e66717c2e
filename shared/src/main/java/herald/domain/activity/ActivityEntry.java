package herald.domain.activity;

import java.time.Instant;

/** One change to something Herald keeps: who did what to which subject, when. */
public record ActivityEntry(String subject, Instant at, String actor, String action, long version) {}
