package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelType;

import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller sends to create or replace a distribution. Each part checks itself; the rules between
 * parts (compatibility, templates, patterns, webhook hosts, secrets) are {@link DistributionRules}.
 */
public record DistributionDraft(String name, String description, Trigger trigger, Audience audience, Action action,
    List<Channel> channels) {

  public DistributionDraft {
    name = Text.maxLength(Text.required(name, "name"), 200, "name");
    description = Text.maxLength(Text.optional(description), 2000, "description");
    if (trigger == null) throw Invalid.required("trigger");
    if (audience == null) throw Invalid.required("audience");
    if (action == null) throw Invalid.required("action");
    if (channels == null || channels.isEmpty()) throw Invalid.required("channels");
    channels = List.copyOf(channels);
    Set<ChannelType> seen = EnumSet.noneOf(ChannelType.class);
    for (int i = 0; i < channels.size(); i++) {
      if (!seen.add(channels.get(i).type())) {
        throw new Invalid("duplicate_channel", "channels[" + i + "].type",
            "channel " + channels.get(i).type().key() + " appears more than once; each channel type may appear once");
      }
    }
  }

  /** This draft with each channel's missing write-only secrets taken from the stored distribution's same channel. */
  public DistributionDraft withSecretsFrom(Distribution stored) {
    List<Channel> merged = new ArrayList<>();
    for (Channel channel : channels) {
      Channel previous = stored.channels().stream().filter(c -> c.type() == channel.type()).findFirst().orElse(null);
      merged.add(previous == null ? channel : channel.withSecretsFrom(previous));
    }
    return new DistributionDraft(name, description, trigger, audience, action, merged);
  }
}
