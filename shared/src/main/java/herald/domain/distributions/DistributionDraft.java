package herald.domain.distributions;

import herald.domain.channels.Channel;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a caller sends to create or replace a distribution. Each part checks itself; the rules between
 * parts (compatibility, templates, patterns, webhook hosts, secrets) are {@link DistributionRules}.
 */
public record DistributionDraft(String name, String description, Trigger trigger, Audience audience, Action action,
    List<Channel> channels) {

  public DistributionDraft {
    name = Text.plain(Text.maxLength(Text.required(name, "name"), 200, "name"), "name");
    description = Text.maxLength(Text.optional(description), 2000, "description");
    if (trigger == null) throw Invalid.required("trigger");
    if (audience == null) throw Invalid.required("audience");
    if (action == null) throw Invalid.required("action");
    if (channels == null || channels.isEmpty()) throw Invalid.required("channels");
    channels = List.copyOf(channels);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < channels.size(); i++) {
      if (!seen.add(channels.get(i).type())) {
        throw new Invalid("duplicate_channel", "channels[" + i + "].type",
            "channel " + channels.get(i).type() + " appears more than once; each channel type may appear once");
      }
    }
  }

  /** This draft with other channels (an edit's, with the stored secrets it left out). */
  public DistributionDraft withChannels(List<Channel> replaced) {
    return new DistributionDraft(name, description, trigger, audience, action, replaced);
  }
}
