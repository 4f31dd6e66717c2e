package herald.domain.activity;

import java.time.Instant;
import java.util.Map;

/**
 * One change to something Herald keeps, or one thing that happened to it: who did what to which subject, when, with
 * the details that say more ({@code changes}: the fields an edit changed; {@code event_type}, {@code count}: what
 * triggered it and how often in that minute; {@code count}: how many messages failed...), values being text, numbers
 * or lists of text.
 */
public record ActivityEntry(String subject, Instant at, String actor, String action, long version,
    Map<String, Object> details) {
  public ActivityEntry {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public ActivityEntry(String subject, Instant at, String actor, String action, long version) {
    this(subject, at, actor, action, version, Map.of());
  }
}
