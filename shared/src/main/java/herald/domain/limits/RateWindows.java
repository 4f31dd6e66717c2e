package herald.domain.limits;

/**
 * Port: the shared token bucket of each channel type, one window per second: a message takes one of the window's
 * {@code capacity} tokens with a conditional update, so all senders together never take more.
 */
public interface RateWindows {
  /**
   * Takes a token of the channel's window {@code second} (Unix seconds): 0 when taken; otherwise the window was
   * full, and the answer is how many were refused in it so far, this one included (a place in the line).
   */
  long take(String channel, long second, int capacity);
}
