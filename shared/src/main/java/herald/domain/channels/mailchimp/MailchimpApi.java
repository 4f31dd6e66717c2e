package herald.domain.channels.mailchimp;

/**
 * Port: Mailchimp's Marketing API 3.0 for one rendered member. Adds or updates the member of the audience (the
 * channel's, or the account's only one), then, when there are tags, tags them; returns Mailchimp's id for the
 * member. Throws {@link herald.domain.channels.DeliveryFailure}: transient for a 429, a 5xx, or when all of the
 * account's connections Herald may use are busy; permanent for Mailchimp's refusal of the data.
 */
public interface MailchimpApi {
  String upsert(MailchimpMember member);
}
