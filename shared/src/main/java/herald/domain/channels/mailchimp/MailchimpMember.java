package herald.domain.channels.mailchimp;

import herald.domain.channels.Outgoing;
import herald.domain.integrations.ToolAccess;
import java.util.List;
import java.util.Map;

/**
 * A rendered Mailchimp message: the customer as a member of an audience.
 *
 * @param audienceId the channel's audience, or null for the account's only audience
 * @param statusIfNew the member's status when Mailchimp adds them ({@code subscribed}, {@code pending} or {@code
 *     transactional}); an existing member keeps theirs
 * @param mergeFields the channel's merge fields, rendered: sent as they are
 * @param defaultMergeFields Herald's default merge fields, rendered and not empty: sent only where the audience has
 *     the field
 * @param tags the tags made active on the member
 */
public record MailchimpMember(String messageId, ToolAccess access, String audienceId, String email,
    String statusIfNew, Map<String, String> mergeFields, Map<String, String> defaultMergeFields, List<String> tags)
    implements Outgoing {
  public MailchimpMember {
    mergeFields = Map.copyOf(mergeFields);
    defaultMergeFields = Map.copyOf(defaultMergeFields);
    tags = List.copyOf(tags);
  }

  @Override
  public String toString() {
    return "MailchimpMember[message_id=" + messageId + ", integration_id=" + access.integrationId()
        + ", audience_id=" + audienceId + ", merge_fields=" + mergeFields.keySet() + ", tags=" + tags.size() + "]";
  }
}
