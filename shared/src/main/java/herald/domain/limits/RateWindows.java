package herald.domain.limits;

/**
 * Port: the shared token bucket of each channel type, one window per second: a message takes one of the window's
 * {@code capacity} tokens with a conditional update, so all senders together never take more. A batch of messages
 * may take several at once ({@link #take(String, long, int, int)}) and hand back what it did not use.
 */
public interface RateWindows {
  /**
   * Takes a token of the channel's window {@code second} (Unix seconds): 0 when taken; otherwise the window was
   * full, and the answer is how many were refused in it so far, this one included (a place in the line).
   */
  default long take(String channel, long second, int capacity) {
    Taken taken = take(channel, second, capacity, 1);
    return taken.tokens() > 0 ? 0 : taken.place();
  }

  /**
   * Takes up to {@code wanted} tokens of the window, as many as it has left: at least one, or none when it is full,
   * and then this attempt is refused as {@link #take(String, long, int)} refuses one (its place in the line).
   */
  Taken take(String channel, long second, int capacity, int wanted);

  /** Hands back {@code tokens} taken from the window and not used, for others to take. */
  void handBack(String channel, long second, int tokens);

  /** The tokens taken (1 to the number wanted), or none and the refused attempt's place in the line. */
  record Taken(int tokens, long place) {}
}
