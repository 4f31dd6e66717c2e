package herald.domain.limits;

import java.util.Map;

/** What the account sent today, this month and in total, and what is left under each limit of its plan. */
public record Usage(Plan plan, Map<Counter, Tally> tallies) {
  public Usage {
    tallies = Map.copyOf(tallies);
  }

  /**
   * One counter: messages sent (or being sent), whatever the plan; its limit and what the limit still lets through
   * (both null when not limited), which counts only the messages sent while that limit applied.
   */
  public record Tally(long sent, Long limit, Long left) {}

  /** How many more messages the plan lets through now ({@link Long#MAX_VALUE} when nothing is limited). */
  public long room() {
    return tallies.values().stream().filter(t -> t.left() != null).mapToLong(Tally::left).min()
        .orElse(Long.MAX_VALUE);
  }
}
