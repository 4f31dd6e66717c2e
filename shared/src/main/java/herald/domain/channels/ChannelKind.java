package herald.domain.channels;

import herald.domain.brand.Brand;
import herald.domain.common.Invalid;
import herald.domain.customers.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything Herald knows of one type of channel, in that channel's own package, bound into the registry
 * ({@link ChannelKinds}) under its type: its configuration (read, written, checked when saved), its catalogue
 * entry, how it renders for a preview and for a send, the checks before sending that depend on it, its provider,
 * and what it does with a message found in doubt. Each method is given a channel of this kind's type.
 */
public interface ChannelKind {
  /** Its type, the key it is bound under ({@code email}). */
  String type();

  /** One sentence for the catalogue: what the recipient gets, through which provider. */
  String description();

  /** The fields of its configuration (the {@code type} aside), in the order they are written. */
  List<ChannelField> fields();

  /** Its configuration from its fields; the record refuses bad values naming {@code channels[].<field>}. */
  Channel parse(ChannelFields fields);

  /** Its configuration as stored, secrets included, without {@code type}; null fields left out. */
  Map<String, Object> write(Channel channel);

  /**
   * Fields only the stored form holds (state Herald keeps, such as a rotated secret), accepted when it is read back
   * but never from a client, nor shown; an edit that keeps the secrets keeps them too.
   */
  default Set<String> storedFields() {
    return Set.of();
  }

  /** The channel as saved, once checked: what the kind makes up when left out (a webhook's secret). */
  default Channel completeForSave(Channel channel) {
    return channel;
  }

  /**
   * The channel with a new secret, shown once in the answer; the old one may keep working for a while. Kinds
   * without a secret of their own to rotate refuse ({@code not_rotatable}).
   */
  default Channel rotateSecret(Channel channel, Instant now) {
    throw new Invalid("not_rotatable", "index", "a " + type() + " channel has no secret Herald can rotate");
  }

  /**
   * The edited channel (of this kind) keeping the stored one's secrets its own way, or empty for the generic way
   * ({@link ChannelKinds#keepSecrets}).
   */
  default Optional<Channel> keepSecrets(Channel edited, Channel stored) {
    return Optional.empty();
  }

  /**
   * The channel as the distribution's document may hold it: a kind whose secrets live in the secret store puts
   * them there and keeps references.
   */
  default Channel seal(String distributionId, Channel channel) {
    return channel;
  }

  /**
   * After the document holding {@code before} was replaced by one holding {@code after} (null: the channel or the
   * distribution is gone): deletes what {@link #seal} stored that no document names any more.
   */
  default void secretsReplaced(String distributionId, Channel before, Channel after) {}

  /** What answers add to the configuration (its answer-only fields): nothing unless the kind says so. */
  default Map<String, Object> answerOnly(Channel channel) {
    return Map.of();
  }

  /**
   * The rules checked when a distribution is saved beyond the record's own (a webhook's host against the
   * allowlist); {@code at} is the channel's prefix ({@code channels[1].}). Templates and required secrets are
   * checked for every kind.
   */
  default void checkForSave(Channel channel, String at) {}

  /** A valid configuration, {@code type} included, as a client would send it: the catalogue shows it. */
  Map<String, Object> example();

  /** What it would send, rendered, as the preview shows it; sends nothing and shows no secret. */
  Map<String, Object> preview(Channel channel, MessageContext context);

  /**
   * What it does with a message found in doubt (its provider may or may not have taken it): ends it FAILED
   * outcome_unknown, unless the kind says resending is harmless.
   */
  default InDoubt inDoubt() {
    return InDoubt.OUTCOME_UNKNOWN;
  }

  /**
   * What it does in doubt with this channel's configuration, where that matters (Braze: attributes alone may go
   * again, an event or a campaign trigger may not); {@link #inDoubt()} unless the kind says so. The catalogue
   * shows {@link #inDoubt()}.
   */
  default InDoubt inDoubt(Channel channel) {
    return inDoubt();
  }

  /** Whether its messages carry the customer's unsubscribe link (and templates see {@code unsubscribe_url}). */
  default boolean carriesUnsubscribeLink() {
    return false;
  }

  /** Why it cannot reach this customer (an address it needs, their consent, ...), checked before rendering. */
  default Optional<Refusal> refusal(Customer customer, Brand brand) {
    return Optional.empty();
  }

  /**
   * This kind for one batch of messages (one thread) to these customers: what {@link #refusal} looks up for each of
   * them may be read here at once (the email kind's suppression list); itself unless the kind says so.
   */
  default ChannelKind forBatch(java.util.Collection<Customer> customers) {
    return this;
  }

  /** The message for its provider. */
  Outgoing render(Channel channel, MessageContext context);

  /**
   * Sends through its provider and returns the provider's id; throws {@link DeliveryFailure}, permanent when the
   * provider refused the message for good.
   */
  String send(Outgoing message);

  /**
   * Whether its messages need the brand details (sender name and address, postal address): without them they end
   * SKIPPED missing_brand_details, and activating a distribution with such a channel warns.
   */
  default boolean needsBrandDetails() {
    return false;
  }

  /** The most messages per second its provider takes from this account, when the provider says (SES does). */
  default OptionalInt providerRate() {
    return OptionalInt.empty();
  }

  /** Builds its provider's client now rather than on the first send (the sender's start-up). */
  default void connect() {}
}
