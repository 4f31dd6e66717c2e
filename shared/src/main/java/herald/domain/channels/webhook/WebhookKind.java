package herald.domain.channels.webhook;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.InDoubt;
import herald.domain.channels.JsonWriter;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTPS POST to the user's URL, signed with the channel's secret, carrying the message id as its
 * Idempotency-Key: the envelope or the designed body. The URL must be public (or its host on the deployment's
 * allowlist), checked when saved and again, after resolving DNS, when sent. The receiver deduplicates on the
 * key, so a webhook found in doubt is simply sent again.
 */
public final class WebhookKind implements ChannelKind {
  public static final String TYPE = "webhook";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required("url", "string"),
      ChannelField.secret("secret"),
      ChannelField.optional("headers", "object"),
      ChannelField.optional("payload", "object").withTemplates());
  private final Templates templates;
  private final JsonWriter json;
  private final Clock clock;
  private final WebhookAllowlist allowlist;
  private final Provider<WebhookSender> sender;

  @Inject
  public WebhookKind(Templates templates, JsonWriter json, Clock clock, WebhookAllowlist allowlist,
      Provider<WebhookSender> sender) {
    this.templates = templates;
    this.json = json;
    this.clock = clock;
    this.allowlist = allowlist;
    this.sender = sender;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "An HTTPS POST of the envelope or your own JSON body to your URL, signed with the secret"
        + " (X-Herald-Signature) and carrying the message id as its Idempotency-Key; it times out after 10 s and"
        + " never follows redirects.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    ChannelFields payload = f.object("payload", Set.of("type", "body"));
    return new WebhookChannel(f.text("url"), f.text("secret"), f.texts("headers"),
        payload == null ? null : new WebhookPayload(payload.text("type"), payload.value("body")));
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    WebhookChannel webhook = (WebhookChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("url", webhook.url());
    if (webhook.secret() != null) form.put("secret", webhook.secret());
    form.put("headers", webhook.headers());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", webhook.payload().type());
    if (webhook.payload().custom()) payload.put("body", webhook.payload().body());
    form.put("payload", payload);
    return form;
  }

  @Override
  public void checkForSave(Channel channel, String at) {
    WebhookUrls.check(((WebhookChannel) channel).url(), allowlist.hosts(), at + "url");
  }

  @Override
  public Map<String, Object> example() {
    return ChannelSettings.ordered("type", TYPE, "url", "https://hooks.example.com/herald",
        "secret", "whsec_example0123456789", "headers", Map.of("X-Team", "growth"),
        "payload", ChannelSettings.ordered("type", "custom", "body", ChannelSettings.ordered(
            "customer", "{{customer.source_id}}", "message", "Hi {{customer.name}}")));
  }

  /** The request it would make, but its signature: URL, headers and body. */
  @Override
  public Map<String, Object> preview(Channel channel, MessageContext context) {
    WebhookChannel webhook = (WebhookChannel) channel;
    Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
    headers.put("Content-Type", "application/json");
    return ChannelSettings.ordered("url", webhook.url(), "headers", headers, "body", body(webhook, context));
  }

  @Override
  public boolean delivered() {
    return true;
  }

  @Override
  public InDoubt inDoubt() {
    return InDoubt.RESEND;
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    WebhookChannel webhook = (WebhookChannel) channel;
    return new WebhookCall(context.messageId(), webhook.url(), new LinkedHashMap<>(webhook.headers()),
        json.write(body(webhook, context)), webhook.secret(), clock.instant());
  }

  @Override
  public String send(Outgoing message) {
    return sender.get().send((WebhookCall) message);
  }

  @Override
  public void connect() {
    sender.get();
  }

  private Object body(WebhookChannel webhook, MessageContext context) {
    return webhook.payload().custom() ? templates.renderJson(webhook.payload().body(), context.scope())
        : WebhookEnvelope.of(context.messageId(), context.action(), context.distributionId(), context.event(),
            context.data(), context.createdAt());
  }
}
