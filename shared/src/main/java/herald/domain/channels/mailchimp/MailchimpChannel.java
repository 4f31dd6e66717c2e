package herald.domain.channels.mailchimp;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Mailchimp audience member: a write-only API key ({@code <32 hex>-<data center>}, e.g. ...-us21), the
 * audience id, merge fields (TAG -> template, TAG = [A-Z0-9_]{1,10}) and up to 20 tags.
 */
public record MailchimpChannel(String apiKey, String audienceId, Map<String, String> mergeFields, List<String> tags)
    implements Channel {
  public MailchimpChannel {
    apiKey = ChannelSettings.secret(apiKey, "api_key");
    if (apiKey != null && !apiKey.matches("[0-9a-f]{32}-[a-z]{2,}[0-9]+")) {
      throw new Invalid("invalid_value", "channels[].api_key",
          "channels[].api_key must look like a Mailchimp API key: 32 hex characters, a dash and the data center (-us21)");
    }
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

  /** The data center the API key belongs to ({@code us21}), or null without a key. */
  public String dataCenter() {
    return apiKey == null ? null : apiKey.substring(apiKey.indexOf('-') + 1);
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

  @Override
  public String toString() {
    return "MailchimpChannel[api_key=" + (apiKey == null ? "unset" : "***") + ", audience_id=" + audienceId
        + ", merge_fields=" + mergeFields + ", tags=" + tags + "]";
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
