package herald.domain.distributions;

/** One way a distribution's message arrives; each type has its own settings. */
public sealed interface Channel permits EmailChannel {
  ChannelType type();
}
