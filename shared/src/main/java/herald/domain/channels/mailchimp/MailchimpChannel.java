package herald.domain.channels.mailchimp;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import herald.domain.integrations.IntegrationRefs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Mailchimp audience member: the saved integration holding the API key ({@code integration_id}), the audience
 * id, merge fields (TAG -> template, TAG = [A-Z0-9_]{1,10}) and up to 20 tags.
 */
public record MailchimpChannel(String integrationId, String audienceId, Map<String, String> mergeFields,
    List<String> tags) implements Channel {
  public MailchimpChannel {
    integrationId = IntegrationRefs.read(integrationId, ChannelSettings.AT + IntegrationRefs.FIELD);
    audienceId = Text.required(audienceId, "channels[].audience_id");
    if (!audienceId.matches("[A-Za-z0-9_-]{1,100}")) {
      throw new Invalid("invalid_value", "channels[].audience_id", "channels[].audience_id is not a Mailchimp audience id");
    }
    mergeFields = ChannelSettings.templateMap(mergeFields, "merge_fields", 30);
    mergeFields.keySet().forEach(tag -> {
      if (!tag.matches("[A-Z0-9_]{1,10}")) {
        throw new Invalid("invalid_value", "channels[].merge_fields." + tag,
            "merge field tag " + tag + " must be 1 to 10 of A-Z, 0-9 and _");
      }
    });
    tags = tags(tags);
  }

  @Override
  public String integration() {
    return integrationId;
  }

  @Override
  public String type() {
    return MailchimpKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    Map<String, String> templates = new LinkedHashMap<>();
    mergeFields.forEach((tag, template) -> templates.put("merge_fields." + tag, template));
    return templates;
  }

  private static List<String> tags(List<String> given) {
    if (given == null) return List.of();
    String field = ChannelSettings.AT + "tags";
    if (given.size() > 20) throw new Invalid("too_many", field, field + " has more than 20 tags");
    List<String> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String at = field + "[" + i + "]";
      String tag = Text.maxLength(Text.required(given.get(i), at), 100, at);
      if (!seen.add(tag)) throw new Invalid("invalid_value", at, "tag " + tag + " is given twice");
      tags.add(tag);
    }
    return List.copyOf(tags);
  }
}
