package herald.domain.channels.webhook;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelField;
import herald.domain.channels.ChannelFields;
import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelSettings;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.channels.JsonWriter;
import herald.domain.channels.MessageContext;
import herald.domain.channels.Outgoing;
import herald.domain.common.Invalid;
import herald.domain.templates.Templates;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTPS POST to the user's URL, signed per Standard Webhooks with the channel's secret (and, for 24 h after a
 * rotation, the previous one), carrying the message id as its webhook-id and Idempotency-Key: the envelope or the designed body. The URL must be public (or its host on the deployment's
 * allowlist), checked when saved and again, after resolving DNS, when sent. The receiver deduplicates on the
 * key, so a webhook found in doubt is simply sent again. Saved secrets live in the secret store
 * ({@link WebhookSecrets}); the document keeps references, and only the sender reads the secrets, to sign.
 */
public final class WebhookKind implements ChannelKind {
  public static final String TYPE = "webhook";
  private static final String EXPIRES = "rotation_overlap_ends_at";
  private static final List<ChannelField> FIELDS = List.of(
      ChannelField.required("url", "string"),
      ChannelField.optionalSecret("secret"),
      ChannelField.optional("headers", "object"),
      ChannelField.optional("payload", "object").withTemplates(),
      ChannelField.answerOnly(EXPIRES, "string"));
  private static final String PREVIOUS = "previous_secret";
  private static final String REF = "secret_ref";
  private static final String PREVIOUS_REF = "previous_secret_ref";
  private final Templates templates;
  private final JsonWriter json;
  private final Clock clock;
  private final WebhookAllowlist allowlist;
  private final Provider<WebhookSender> sender;
  private final Provider<WebhookSecrets> secrets;

  @Inject
  public WebhookKind(Templates templates, JsonWriter json, Clock clock, WebhookAllowlist allowlist,
      Provider<WebhookSender> sender, Provider<WebhookSecrets> secrets) {
    this.templates = templates;
    this.json = json;
    this.clock = clock;
    this.allowlist = allowlist;
    this.sender = sender;
    this.secrets = secrets;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String description() {
    return "An HTTPS POST of the envelope or your own JSON body to your URL, signed per Standard Webhooks"
        + " (webhook-id, webhook-timestamp, webhook-signature) with the whsec_ secret, Herald's own when none is"
        + " given; it carries the message id as webhook-id and Idempotency-Key, times out after 10 s and never"
        + " follows redirects.";
  }

  @Override
  public List<ChannelField> fields() {
    return FIELDS;
  }

  @Override
  public Channel parse(ChannelFields f) {
    ChannelFields payload = f.object("payload", Set.of("type", "body"));
    return new WebhookChannel(f.text("url"), f.text("secret"), f.texts("headers"),
        payload == null ? null : new WebhookPayload(payload.text("type"), payload.value("body")),
        f.text(PREVIOUS), instant(f.text(EXPIRES)), false, f.text(REF), f.text(PREVIOUS_REF));
  }

  @Override
  public Set<String> storedFields() {
    return Set.of(PREVIOUS, EXPIRES, REF, PREVIOUS_REF);
  }

  /** A secret shown once: the one Herald generated or rotated in, in the answer to that call. */
  @Override
  public Map<String, Object> answerOnly(Channel channel) {
    WebhookChannel webhook = (WebhookChannel) channel;
    if (webhook.revealed()) return Map.of("secret", webhook.secret());
    return webhook.sealed() ? Map.of("secret_set", true) : Map.of();
  }

  /** An edit that gives no secret keeps the stored channel's, held or referenced, and its rotation. */
  @Override
  public Optional<Channel> keepSecrets(Channel edited, Channel stored) {
    WebhookChannel webhook = (WebhookChannel) edited;
    return webhook.secretSet() ? Optional.of(edited) : Optional.of(webhook.keeping((WebhookChannel) stored));
  }

  @Override
  public Channel seal(String distributionId, Channel channel) {
    return secrets.get().seal(distributionId, (WebhookChannel) channel);
  }

  @Override
  public void secretsReplaced(String distributionId, Channel before, Channel after) {
    secrets.get().replaced(distributionId, (WebhookChannel) before, (WebhookChannel) after);
  }

  @Override
  public Channel completeForSave(Channel channel) {
    return ((WebhookChannel) channel).withSecret();
  }

  @Override
  public Channel rotateSecret(Channel channel, Instant now) {
    return ((WebhookChannel) channel).rotated(WebhookSignature.generate(), now);
  }

  @Override
  public Map<String, Object> write(Channel channel) {
    WebhookChannel webhook = (WebhookChannel) channel;
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("url", webhook.url());
    if (webhook.secretRef() != null) form.put(REF, webhook.secretRef());
    else if (webhook.secret() != null) form.put("secret", webhook.secret());
    if (webhook.previousSecretRef() != null) form.put(PREVIOUS_REF, webhook.previousSecretRef());
    else if (webhook.previousSecret() != null) form.put(PREVIOUS, webhook.previousSecret());
    if (webhook.previousSecretExpiresAt() != null) form.put(EXPIRES, webhook.previousSecretExpiresAt().toString());
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
        "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "headers", Map.of("X-Team", "growth"),
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
  public InDoubt inDoubt() {
    return InDoubt.RESEND;
  }

  @Override
  public Outgoing render(Channel channel, MessageContext context) {
    WebhookChannel webhook = secrets.get().open(context.distributionId(), (WebhookChannel) channel);
    Instant now = clock.instant();
    String body;
    try {
      body = json.write(body(webhook, context));
    } catch (IllegalArgumentException e) {
      throw DeliveryFailure.permanent("body_not_serialisable", e);
    }
    return new WebhookCall(context.messageId(), webhook.url(), new LinkedHashMap<>(webhook.headers()), body,
        webhook.signingSecrets(now), now);
  }

  @Override
  public String send(Outgoing message) {
    return sender.get().send((WebhookCall) message);
  }

  @Override
  public void connect() {
    sender.get();
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new Invalid("invalid_value", ChannelSettings.AT + EXPIRES, EXPIRES + " must be an ISO-8601 instant");
    }
  }

  private Object body(WebhookChannel webhook, MessageContext context) {
    return webhook.payload().custom() ? templates.renderJson(webhook.payload().body(), context.scope())
        : WebhookEnvelope.of(context.messageId(), context.action(), context.distributionId(), context.event(),
            context.data(), context.createdAt());
  }
}
