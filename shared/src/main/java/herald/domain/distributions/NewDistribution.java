package herald.domain.distributions;

import herald.domain.Invalid;
import herald.domain.Text;
import java.util.List;
import java.util.Objects;

/** What a caller gives to create a distribution; checks what this version of Herald can deliver. */
public record NewDistribution(String name, Trigger trigger, AudienceType audience, ActionType action,
    List<Channel> channels) {

  public NewDistribution {
    name = Text.maxLength(Text.required(name, "name"), 200, "name");
    Objects.requireNonNull(trigger, "trigger");
    if (audience == null) throw Invalid.required("audience.type");
    if (action == null) throw Invalid.required("action.type");
    if (channels == null || channels.isEmpty()) throw Invalid.required("channels");
    channels = List.copyOf(channels);
    if (audience != AudienceType.EVENT_CUSTOMER) {
      throw new Invalid("unsupported_audience", "audience.type", "audience " + audience.name().toLowerCase(java.util.Locale.ROOT)
          + " is not supported yet; use event_customer");
    }
    if (action != ActionType.PLAIN_MESSAGE) {
      throw new Invalid("unsupported_action", "action.type", "action " + action.name().toLowerCase(java.util.Locale.ROOT)
          + " is not supported yet; use plain_message");
    }
    if (channels.stream().map(Channel::type).distinct().count() != channels.size()) {
      throw new Invalid("duplicate_channel", "channels", "each channel type may appear once");
    }
  }
}
