package herald.domain.channels;

import java.util.Map;

/**
 * One way a distribution's message arrives, as configured: each type's record (in its own package) checks its
 * settings when built. Fields in refusals read {@code channels[].<field>}; {@link ChannelSettings#at} puts the
 * channel's index in. Everything else Herald knows of a type is its {@link ChannelKind}.
 */
public interface Channel {
  /** Its type: the key its kind is bound under ({@code email}). */
  String type();

  /** Its Mustache templates, by their field under the channel ({@code subject}, {@code attributes.first_name}). */
  Map<String, String> templates();

  /** The saved integration it sends through ({@code integration_id}), for the marketing tools; null otherwise. */
  default String integration() {
    return null;
  }
}
