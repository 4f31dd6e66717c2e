package herald.domain.limits;

import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Paces each channel type to its send rate, shared by every sender: the account's rate for the channel, capped by
 * its provider's own maximum (SES's MaxSendRate for email), whichever is lower. A message takes a token of the
 * current second, or of the next one and waits for it (at most a second); when both are full it is told how long to
 * wait, from its place in the line of the next second, and goes back to the queue for that long. For a batch of
 * messages ({@link #forBatch}) the first to ask takes the tokens the batch's messages of its channel still need, as
 * many as the window has left, in one write; the next ones use them while their second lasts, and what is left when
 * the batch ends is handed back ({@link #handBack}).
 */
public final class SendRate {
  /** The longest a message is put back for: SQS's largest message delay. */
  static final Duration MAX_WAIT = Duration.ofSeconds(900);
  private final ChannelKinds kinds;
  private final RateWindows windows;
  private final Pause pause;
  private final Clock clock;
  /** For one batch only: the messages of each channel that may still ask, and the tokens held (null: no batch). */
  private final Map<String, Integer> expected;
  private final Map<String, Held> held = new HashMap<>();

  private record Held(long second, int tokens) {}

  @Inject
  public SendRate(ChannelKinds kinds, RateWindows windows, Pause pause, Clock clock) {
    this(kinds, windows, pause, clock, null);
  }

  private SendRate(ChannelKinds kinds, RateWindows windows, Pause pause, Clock clock, Map<String, Integer> expected) {
    this.kinds = kinds;
    this.windows = windows;
    this.pause = pause;
    this.clock = clock;
    this.expected = expected;
  }

  /** This rate for one batch (one thread) of {@code jobsPerChannel} messages by channel type. */
  public SendRate forBatch(Map<String, Integer> jobsPerChannel) {
    return new SendRate(kinds, windows, pause, clock, new HashMap<>(jobsPerChannel));
  }

  /** Empty when the message may go now; otherwise how long it waits before its next try. */
  public Optional<Duration> admit(String channel, Account account) {
    OptionalInt rate = rate(channel, account);
    int wanted = 1;
    if (expected != null) {
      wanted = Math.max(1, expected.getOrDefault(channel, 0));
      expected.put(channel, wanted - 1);
    }
    if (rate.isEmpty()) return Optional.empty();
    long second = clock.millis() / 1000;
    if (useHeld(channel, second)) return Optional.empty();
    int capacity = rate.getAsInt();
    if (taken(channel, second, capacity, wanted)) return Optional.empty();
    RateWindows.Taken next = windows.take(channel, second + 1, capacity, wanted);
    if (next.tokens() > 0) {
      hold(channel, second + 1, next.tokens() - 1);
      pause.until(Instant.ofEpochSecond(second + 1));
      return Optional.empty();
    }
    long seconds = 1 + (next.place() + capacity - 1) / capacity;
    return Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds())));
  }

  private boolean taken(String channel, long second, int capacity, int wanted) {
    RateWindows.Taken now = windows.take(channel, second, capacity, wanted);
    if (now.tokens() == 0) return false;
    hold(channel, second, now.tokens() - 1);
    return true;
  }

  /** A token this batch holds for the channel's current second (held ones of a second gone are dropped). */
  private boolean useHeld(String channel, long second) {
    Held tokens = held.remove(channel);
    if (tokens == null || tokens.second() < second) return false;
    if (tokens.second() > second) pause.until(Instant.ofEpochSecond(tokens.second()));
    hold(channel, tokens.second(), tokens.tokens() - 1);
    return true;
  }

  private void hold(String channel, long second, int tokens) {
    if (expected != null && tokens > 0) held.put(channel, new Held(second, tokens));
  }

  /** At the end of a batch: hands back the tokens it took and did not use, of a second not yet gone. */
  public void handBack() {
    long second = clock.millis() / 1000;
    held.forEach((channel, tokens) -> {
      if (tokens.second() >= second) windows.handBack(channel, tokens.second(), tokens.tokens());
    });
    held.clear();
  }

  /** The channel's rate in messages per second: the account's, capped by the provider's; empty when unpaced. */
  public OptionalInt rate(String channel, Account account) {
    Integer configured = account.sendRates().get(channel);
    OptionalInt provider = kinds.find(channel).map(ChannelKind::providerRate).orElse(OptionalInt.empty());
    if (provider.isEmpty()) return configured == null ? OptionalInt.empty() : OptionalInt.of(configured);
    return OptionalInt.of(configured == null ? provider.getAsInt() : Math.min(configured, provider.getAsInt()));
  }
}
