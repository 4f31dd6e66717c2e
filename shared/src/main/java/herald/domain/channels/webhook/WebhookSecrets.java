package herald.domain.channels.webhook;

import herald.domain.channels.DeliveryFailure;
import herald.domain.common.Ids;
import herald.domain.common.SecretStore;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Webhook secrets in the {@link SecretStore}, each under {@code webhooks/<distribution id>/<reference>}: the
 * reference ({@code whr_...}) is random and names one {@code whsec_} value that never changes, and the
 * distribution's document keeps only the references. A secret is created before a document names it and deleted
 * only after no document names it, so a save never overwrites what another save, a cached read or the stored
 * document relies on, and a channel keeps its secret wherever an edit moves it in the list.
 */
public final class WebhookSecrets {
  private static final String VALUE = "secret";
  private final SecretStore store;

  @Inject
  public WebhookSecrets(SecretStore store) {
    this.store = store;
  }

  /** The name of one secret, relative to the stack's prefix. */
  public static String name(String distributionId, String ref) {
    return "webhooks/" + distributionId + "/" + ref;
  }

  /** The channel holding only references, each plain secret it held (new, rotated or from an old document) stored. */
  public WebhookChannel seal(String distributionId, WebhookChannel channel) {
    if (channel.secret() == null && channel.previousSecret() == null) return channel;
    String ref = channel.secret() == null ? channel.secretRef() : stored(distributionId, channel.secret());
    String previousRef = channel.previousSecret() == null ? channel.previousSecretRef()
        : stored(distributionId, channel.previousSecret());
    return channel.sealedAs(ref, previousRef);
  }

  /**
   * The channel with the secrets it references, to sign; an unsealed one as it is. A current secret missing from
   * the store fails the message for good ({@code webhook_secret_missing}); a previous one missing signs no more.
   */
  public WebhookChannel open(String distributionId, WebhookChannel channel) {
    if (!channel.sealed() || channel.secret() != null) return channel;
    String current = value(distributionId, channel.secretRef());
    if (current == null) throw DeliveryFailure.permanent("webhook_secret_missing", null);
    return channel.opened(current, channel.previousSecretRef() == null ? null
        : value(distributionId, channel.previousSecretRef()));
  }

  /** Deletes the secrets {@code before} references that {@code after} (null: none) no longer does. */
  public void replaced(String distributionId, WebhookChannel before, WebhookChannel after) {
    Set<String> gone = refs(before);
    if (after != null) gone.removeAll(refs(after));
    gone.forEach(ref -> store.delete(name(distributionId, ref)));
  }

  private String stored(String distributionId, String secret) {
    String ref = Ids.random("whr_");
    store.put(name(distributionId, ref), Map.of(VALUE, secret));
    return ref;
  }

  private String value(String distributionId, String ref) {
    return store.get(name(distributionId, ref)).map(values -> values.get(VALUE)).orElse(null);
  }

  private static Set<String> refs(WebhookChannel channel) {
    Set<String> refs = new HashSet<>();
    if (channel.secretRef() != null) refs.add(channel.secretRef());
    if (channel.previousSecretRef() != null) refs.add(channel.previousSecretRef());
    return refs;
  }
}
