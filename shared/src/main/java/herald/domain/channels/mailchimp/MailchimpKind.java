package herald.domain.channels.mailchimp;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.MessageContext;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import herald.domain.integrations.IntegrationRefs;
import herald.domain.integrations.Integrations;
import jakarta.inject.Provider;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The customer as a Mailchimp audience member, stored, checked and previewed; Herald does not deliver it yet. */
public final class MailchimpKind implements ChannelKind {
  public static final String TYPE = "mailchimp";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required(IntegrationRefs.FIELD, "string"),
      ChannelField.required("audience_id", "string"),
      ChannelField.optional("merge_fields", "object").withTemplates(),
      ChannelField.optional("tags", "array"));
  private final Templates templates;
  private final Provider<Integrations> integrations;

  @Inject
  public MailchimpKind(Templates templates, Provider<Integrations> integrations) {
    this.templates = templates;
    this.integrations = integrations;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "Mailchimp: the customer's email address as a member of your audience, with merge fields and tags."
        + " Not delivered yet: its messages end FAILED channel_not_supported.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    return new MailchimpChannel(f.text(IntegrationRefs.FIELD), f.text("audience_id"), f.texts("merge_fields"), f.list("tags"));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    MailchimpChannel mailchimp = (MailchimpChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    if (mailchimp.integrationId() != null) form.put(IntegrationRefs.FIELD, mailchimp.integrationId());
    form.put("audience_id", mailchimp.audienceId());
    form.put("merge_fields", mailchimp.mergeFields());
    form.put("tags", mailchimp.tags());
    return form;
  }

  /** Fields of channels stored before integrations (their credentials): read back and dropped. */
  @Override
  public Set<String> storedFields() {
    return Set.of("api_key");
  }

  @Override
  public void checkForSave(Channel channel, String at) {
    IntegrationRefs.check(integrations.get(), channel.integration(), TYPE, at + IntegrationRefs.FIELD);
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, IntegrationRefs.FIELD, "int_example_mailchimp",
        "audience_id", "a1b2c3d4e5", "merge_fields", Map.of("FNAME", "{{customer.name}}"), "tags", List.of("welcome"));
  }

  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    MailchimpChannel mailchimp = (MailchimpChannel) channel;
    return ChannelSettings.ordered("audience_id", mailchimp.audienceId(), "email", context.customer().email(),
        "merge_fields", templates.renderJson(mailchimp.mergeFields(), context.scope()), "tags", mailchimp.tags());
  }
}
