package herald.domain.limits;

import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Paces each channel type to its send rate, shared by every sender: the account's rate for the channel, capped by
 * its provider's own maximum (SES's MaxSendRate for email), whichever is lower. A message takes a token of the
 * current second, or of the next one and waits for it (at most a second); when both are full it is told how long to
 * wait, from its place in the line of the next second, and goes back to the queue for that long.
 */
public final class SendRate {
  /** The longest a message is put back for: SQS's largest message delay. */
  static final Duration MAX_WAIT = Duration.ofSeconds(900);
  private final ChannelKinds kinds;
  private final RateWindows windows;
  private final Pause pause;
  private final Clock clock;

  @Inject
  public SendRate(ChannelKinds kinds, RateWindows windows, Pause pause, Clock clock) {
    this.kinds = kinds;
    this.windows = windows;
    this.pause = pause;
    this.clock = clock;
  }

  /** Empty when the message may go now; otherwise how long it waits before its next try. */
  public Optional<Duration> admit(String channel, Account account) {
    OptionalInt rate = rate(channel, account);
    if (rate.isEmpty()) return Optional.empty();
    long second = clock.millis() / 1000;
    if (windows.take(channel, second, rate.getAsInt()) == 0) return Optional.empty();
    long inLine = windows.take(channel, second + 1, rate.getAsInt());
    if (inLine == 0) {
      pause.until(Instant.ofEpochSecond(second + 1));
      return Optional.empty();
    }
    long seconds = 1 + (inLine + rate.getAsInt() - 1) / rate.getAsInt();
    return Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds())));
  }

  /** The channel's rate in messages per second: the account's, capped by the provider's; empty when unpaced. */
  public OptionalInt rate(String channel, Account account) {
    Integer configured = account.sendRates().get(channel);
    OptionalInt provider = kinds.find(channel).map(ChannelKind::providerRate).orElse(OptionalInt.empty());
    if (provider.isEmpty()) return configured == null ? OptionalInt.empty() : OptionalInt.of(configured);
    return OptionalInt.of(configured == null ? provider.getAsInt() : Math.min(configured, provider.getAsInt()));
  }
}
