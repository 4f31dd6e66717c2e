package herald.domain.channels.webhook;

import herald.domain.channels.DeliveryFailure;
import herald.domain.common.Ids;
import herald.domain.common.SecretStore;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook secrets in the {@link SecretStore}, one secret per distribution, {@code webhooks/<distribution id>}: a
 * distribution has at most one webhook channel (channel types are unique in it) and an edit matches channels by
 * type, so the name follows the channel wherever it moves in the list. The secret maps references ({@code whr_...},
 * random, never reused) to {@code whsec_} values; the distribution's document keeps only the references. A value
 * under a reference never changes, so a cached read that holds the reference is right, and one that does not is
 * read again. Saving keeps the values the stored document still names beside the new ones, so a save that loses
 * its race leaves the stored document working.
 */
public final class WebhookSecrets {
  private final SecretStore store;

  @Inject
  public WebhookSecrets(SecretStore store) {
    this.store = store;
  }

  public static String name(String distributionId) {
    return "webhooks/" + distributionId;
  }

  /**
   * The channel holding only references, its plain secrets (new, rotated or from an old document) put in the store
   * first; {@code stored} is the channel the document holds now (null: none).
   */
  public WebhookChannel seal(String distributionId, WebhookChannel channel, WebhookChannel stored) {
    if (channel.secret() == null && channel.previousSecret() == null) return channel;
    Map<String, String> existing = store.get(name(distributionId)).orElse(Map.of());
    Map<String, String> values = new HashMap<>();
    keep(values, existing, channel.secretRef());
    keep(values, existing, channel.previousSecretRef());
    if (stored != null) {
      keep(values, existing, stored.secretRef());
      keep(values, existing, stored.previousSecretRef());
    }
    String ref = channel.secretRef();
    if (channel.secret() != null) {
      ref = Ids.random("whr_");
      values.put(ref, channel.secret());
    }
    String previousRef = channel.previousSecretRef();
    if (channel.previousSecret() != null) {
      previousRef = Ids.random("whr_");
      values.put(previousRef, channel.previousSecret());
    }
    store.put(name(distributionId), values);
    return channel.sealedAs(ref, previousRef);
  }

  /**
   * The channel with the secrets it references, to sign; an unsealed one as it is. A current secret missing from
   * the store fails the message for good ({@code webhook_secret_missing}); a previous one missing signs no more.
   */
  public WebhookChannel open(String distributionId, WebhookChannel channel) {
    if (!channel.sealed() || channel.secret() != null) return channel;
    String name = name(distributionId);
    Map<String, String> values = store.get(name).orElse(Map.of());
    if (!values.containsKey(channel.secretRef())) values = store.getFresh(name).orElse(Map.of());
    String current = Optional.ofNullable(values.get(channel.secretRef()))
        .orElseThrow(() -> DeliveryFailure.permanent("webhook_secret_missing", null));
    return channel.opened(current, channel.previousSecretRef() == null ? null : values.get(channel.previousSecretRef()));
  }

  /** Deletes the distribution's webhook secrets; nothing happens when it has none. */
  public void delete(String distributionId) {
    store.delete(name(distributionId));
  }

  private static void keep(Map<String, String> values, Map<String, String> existing, String ref) {
    if (ref != null && existing.containsKey(ref)) values.put(ref, existing.get(ref));
  }
}
