package herald.domain.distributions;

import java.util.Map;
import java.util.Optional;

/**
 * One way a distribution's message arrives; each type has its own settings, validated when built.
 * Fields in refusals read {@code channels[].<field>}; {@link Channels#at} puts the channel's index in.
 */
public sealed interface Channel
    permits EmailChannel, SmsChannel, WebhookChannel, BrazeChannel, MailchimpChannel, KlaviyoChannel, IntercomChannel {
  ChannelType type();

  /** Its Mustache templates, by their field under the channel ({@code subject}, {@code attributes.first_name}). */
  Map<String, String> templates();

  /**
   * This channel, with the write-only secret it lacks taken from {@code previous} when that is the same
   * channel type: a PUT that leaves a secret out keeps the stored one.
   */
  default Channel withSecretsFrom(Channel previous) {
    return this;
  }

  /** The field of a required write-only secret this channel does not have yet ({@code secret}, {@code api_key}). */
  default Optional<String> missingSecret() {
    return Optional.empty();
  }
}
