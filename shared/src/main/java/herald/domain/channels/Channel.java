package herald.domain.channels;

import herald.domain.channels.braze.BrazeChannel;
import herald.domain.channels.email.EmailChannel;
import herald.domain.channels.intercom.IntercomChannel;
import herald.domain.channels.klaviyo.KlaviyoChannel;
import herald.domain.channels.mailchimp.MailchimpChannel;
import herald.domain.channels.sms.SmsChannel;
import herald.domain.channels.webhook.WebhookChannel;

import java.util.Map;
import java.util.Optional;

/**
 * One way a distribution's message arrives; each type has its own settings, validated when built.
 * Fields in refusals read {@code channels[].<field>}; {@link ChannelSettings#at} puts the channel's index in.
 */
public interface Channel {
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
