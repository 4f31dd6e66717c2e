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
 * id (null: the account's only audience), merge fields (TAG -> template, TAG = [A-Z0-9_]{1,10}; none: Herald's
 * defaults), up to 20 tags (none: the distribution's name) and the status of a member Mailchimp adds ({@code
 * status_if_new}; null: from the customer's email consent).
 */
public record MailchimpChannel(String integrationId, String audienceId, Map<String, String> mergeFields,
    List<String> tags, String statusIfNew) implements Channel {
  /** The statuses a new member may be given: subscribed, pending (Mailchimp asks them to confirm), transactional. */
  public static final List<String> STATUSES = List.of("subscribed", "pending", "transactional");

  public MailchimpChannel {
    integrationId = IntegrationRefs.read(integrationId, ChannelSettings.AT + IntegrationRefs.FIELD);
    if (audienceId != null && !audienceId.matches("[A-Za-z0-9_-]{1,100}")) {
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
    if (statusIfNew != null && !STATUSES.contains(statusIfNew)) {
      throw new Invalid("invalid_value", "channels[].status_if_new",
          "channels[].status_if_new must be one of " + String.join(", ", STATUSES));
    }
  }

  public MailchimpChannel(String integrationId, String audienceId, Map<String, String> mergeFields,
      List<String> tags) {
    this(integrationId, audienceId, mergeFields, tags, null);
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
