package herald.domain.channels.webhook;

import herald.domain.channels.Channel;
import herald.domain.channels.ChannelSettings;
import herald.domain.common.Invalid;
import herald.domain.common.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An HTTP POST to the user's URL, signed per Standard Webhooks with a write-only {@code whsec_} secret (Herald
 * generates one when none is given, and shows it once: {@code revealed}), with up to 20 custom headers, posting
 * the envelope or a custom body. After a rotation the previous secret signs too until
 * {@code previousSecretExpiresAt}. Host rules for the URL depend on the deployment's allowlist:
 * {@link WebhookUrls#check}. Once saved, the secrets live in the secret store ({@link WebhookSecrets}) and the
 * channel holds only their references ({@code secretRef}, {@code previousSecretRef}): it is <em>sealed</em>, and
 * the sender opens it to sign. A channel stored before that holds the secrets themselves.
 */
public record WebhookChannel(String url, String secret, Map<String, String> headers, WebhookPayload payload,
    String previousSecret, Instant previousSecretExpiresAt, boolean revealed, String secretRef,
    String previousSecretRef) implements Channel {
  /** How long a rotated secret keeps signing beside the new one. */
  public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
  private static final Set<String> RESERVED = Set.of("host", "content-length", "connection", "expect", "upgrade",
      "transfer-encoding", "content-type", "idempotency-key", "webhook-id", "webhook-timestamp",
      "webhook-signature");
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  public WebhookChannel {
    url = Text.maxLength(Text.required(url, "channels[].url"), 2048, "channels[].url");
    WebhookUrls.parse(url, "channels[].url");
    secret = secret == null || secret.isEmpty() ? null : checkedSecret(secret, "channels[].secret");
    if (secret == null && secretRef == null || previousSecretExpiresAt == null
        || previousSecret == null && previousSecretRef == null) {
      previousSecret = null;
      previousSecretRef = null;
      previousSecretExpiresAt = null;
    } else if (previousSecret != null) {
      checkedSecret(previousSecret, "channels[].previous_secret");
    }
    headers = checked(headers);
    payload = payload == null ? WebhookPayload.ENVELOPE : payload;
  }

  public WebhookChannel(String url, String secret, Map<String, String> headers, WebhookPayload payload) {
    this(url, secret, headers, payload, null, null, false);
  }

  /** With its secrets themselves, not sealed. */
  public WebhookChannel(String url, String secret, Map<String, String> headers, WebhookPayload payload,
      String previousSecret, Instant previousSecretExpiresAt, boolean revealed) {
    this(url, secret, headers, payload, previousSecret, previousSecretExpiresAt, revealed, null, null);
  }

  /** Whether it holds references to stored secrets rather than (or beside) the secrets themselves. */
  public boolean sealed() {
    return secretRef != null;
  }

  /** Whether a current secret is set, held or referenced. */
  public boolean secretSet() {
    return secret != null || secretRef != null;
  }

  /** The same channel holding only references to its secrets, stored under them. */
  public WebhookChannel sealedAs(String ref, String previousRef) {
    return new WebhookChannel(url, null, headers, payload, null, previousRef == null ? null : previousSecretExpiresAt,
        false, ref, previousRef);
  }

  /** The sealed channel with the secrets its references name (a previous one gone from the store: none). */
  public WebhookChannel opened(String current, String previous) {
    return new WebhookChannel(url, current, headers, payload, previous, previousSecretExpiresAt, false, secretRef,
        previous == null ? null : previousSecretRef);
  }

  /** The edited channel keeping this stored channel's secrets (it gave none). */
  public WebhookChannel keeping(WebhookChannel stored) {
    return new WebhookChannel(url, stored.secret, headers, payload, stored.previousSecret,
        stored.previousSecretExpiresAt, false, stored.secretRef, stored.previousSecretRef);
  }

  @Override
  public String type() {
    return WebhookKind.TYPE;
  }

  @Override
  public Map<String, String> templates() {
    return payload.templates();
  }

  /** With a new secret, shown once; the current one keeps signing beside it until {@code now} + 24 h. */
  public WebhookChannel rotated(String newSecret, Instant now) {
    boolean had = secretSet();
    return new WebhookChannel(url, newSecret, headers, payload, secret, had ? now.plus(ROTATION_OVERLAP) : null, true,
        null, secret == null ? secretRef : null);
  }

  /** With a generated secret, shown once, when it has none. */
  public WebhookChannel withSecret() {
    return secretSet() ? this : new WebhookChannel(url, WebhookSignature.generate(), headers, payload, null, null,
        true);
  }

  /** The secrets that sign a request made at {@code now}: the current one, and the previous one until it expires. */
  public List<String> signingSecrets(Instant now) {
    List<String> secrets = new ArrayList<>();
    if (secret != null) secrets.add(secret);
    if (previousSecret != null && now.isBefore(previousSecretExpiresAt)) secrets.add(previousSecret);
    return secrets;
  }

  @Override
  public String toString() {
    return "WebhookChannel[url=" + url + ", secret=" + (secretSet() ? "***" : "unset") + ", headers=" + headers
        + ", payload=" + payload + ", rotation_overlap_ends_at=" + previousSecretExpiresAt + "]";
  }

  private static String checkedSecret(String secret, String field) {
    if (WebhookSignature.keyOrNull(secret) == null) {
      throw new Invalid("invalid_value", field, field + " must be whsec_ followed by the base64 of 24 to 64 random"
          + " bytes (Standard Webhooks); leave it out and Herald generates one");
    }
    return secret;
  }

  private static Map<String, String> checked(Map<String, String> headers) {
    if (headers == null) return Map.of();
    String field = ChannelSettings.AT + "headers";
    if (headers.size() > 20) throw new Invalid("too_many", field, field + " has more than 20 headers");
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String at = field + "." + name;
      if (name == null || !name.matches(TOKEN)) {
        throw new Invalid("invalid_value", at, "header name " + name + " is not a valid HTTP token");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (RESERVED.contains(lower) || lower.startsWith("x-herald-")) {
        throw new Invalid("forbidden_header", at, "header " + name + " is set by Herald and cannot be configured");
      }
      if (!seen.add(name)) throw new Invalid("invalid_value", at, "header " + name + " is given twice");
      if (value == null) throw Invalid.required(at);
      Text.plain(value, at);
      if (value.length() > 1024) throw new Invalid("invalid_value", at, at + " must be at most 1024 characters");
      copy.put(name, value);
    });
    return Collections.unmodifiableMap(copy);
  }
}
