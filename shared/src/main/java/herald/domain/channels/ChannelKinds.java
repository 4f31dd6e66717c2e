package herald.domain.channels;

import herald.domain.common.Invalid;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry: every channel kind by its type, as the platform binds them. It reads and writes any channel's
 * configuration the same way: type first, strict input, and write-only secrets (fields a kind marks secret) that
 * the stored form keeps, answers show only as {@code <name>_set}, an edit that leaves them out keeps, and a save
 * without them refuses.
 */
@Singleton
public final class ChannelKinds {
  private final Map<String, ChannelKind> kinds;

  @Inject
  public ChannelKinds(Map<String, ChannelKind> kinds) {
    Map<String, ChannelKind> copy = new LinkedHashMap<>();
    kinds.forEach((type, kind) -> {
      if (!type.equals(kind.type())) {
        throw new IllegalStateException("channel kind " + kind.getClass().getName() + " is bound under " + type
            + " but its type is " + kind.type());
      }
      copy.put(type, kind);
    });
    this.kinds = Collections.unmodifiableMap(copy);
  }

  /** Every kind, in the order they are bound. */
  public Collection<ChannelKind> all() {
    return kinds.values();
  }

  public Optional<ChannelKind> find(String type) {
    return Optional.ofNullable(kinds.get(type));
  }

  /** The kind of a type Herald knows (a channel's, a job's); throws for any other. */
  public ChannelKind get(String type) {
    return find(type).orElseThrow(() -> new IllegalArgumentException("no channel kind is bound for " + type));
  }

  /**
   * The channel at {@code index} of a distribution, from its configuration as JSON arrives in the domain:
   * refusals name {@code channels[index].<field>}. Answer-only fields and secret flags are accepted and ignored,
   * so what an answer shows can be sent back.
   */
  public Channel parse(Object configuration, int index) {
    String at = "channels[" + index + "]";
    if (!(configuration instanceof Map<?, ?> fields)) {
      throw new Invalid("invalid_type", at, at + " must be a JSON object");
    }
    ChannelKind kind = kind(fields.get("type"), at + ".type");
    return ChannelSettings.at(index, () -> kind.parse(ChannelFields.of(fields, accepted(kind))));
  }

  /** A channel as {@link #writeStored} wrote it: its stored-only fields ({@link ChannelKind#storedFields}) too. */
  public Channel parseStored(Object configuration, int index) {
    String at = "channels[" + index + "]";
    if (!(configuration instanceof Map<?, ?> fields)) {
      throw new Invalid("invalid_type", at, at + " must be a JSON object");
    }
    ChannelKind kind = kind(fields.get("type"), at + ".type");
    return ChannelSettings.at(index, () -> kind.parse(ChannelFields.of(fields, stored(kind))));
  }

  /** The stored form: {@code type}, then the configuration with its secrets. */
  public Map<String, Object> writeStored(Channel channel) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("type", channel.type());
    form.putAll(get(channel.type()).write(channel));
    return form;
  }

  /** The form answers show: each secret replaced by whether it is set, and the answer-only fields added. */
  public Map<String, Object> writeAnswer(Channel channel) {
    ChannelKind kind = get(channel.type());
    Map<String, Object> stored = kind.write(channel);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("type", channel.type());
    for (ChannelField field : kind.fields()) {
      if (field.secret()) answer.put(field.setFlag(), stored.get(field.name()) != null);
      else if (stored.get(field.name()) != null) answer.put(field.name(), stored.get(field.name()));
    }
    answer.putAll(kind.answerOnly(channel));
    return answer;
  }

  /** The edited channel, with each secret it leaves out taken from the stored channel of the same type. */
  public Channel keepSecrets(Channel edited, Channel stored) {
    if (!edited.type().equals(stored.type())) return edited;
    ChannelKind kind = get(edited.type());
    Optional<Channel> own = kind.keepSecrets(edited, stored);
    if (own.isPresent()) return own.get();
    Map<String, Object> form = new LinkedHashMap<>(kind.write(edited));
    Map<String, Object> previous = kind.write(stored);
    boolean kept = false;
    for (ChannelField field : kind.fields()) {
      if (field.secret() && form.get(field.name()) == null && previous.get(field.name()) != null) {
        form.put(field.name(), previous.get(field.name()));
        kept = true;
      }
    }
    if (!kept) return edited;
    for (String name : kind.storedFields()) form.put(name, previous.get(name));
    return kind.parse(ChannelFields.of(form, stored(kind)));
  }

  /** The channel about to be saved, completed by its kind (a generated secret). */
  public Channel completeForSave(Channel channel) {
    return get(channel.type()).completeForSave(channel);
  }

  /** The channel with a new secret ({@link ChannelKind#rotateSecret}). */
  public Channel rotateSecret(Channel channel, java.time.Instant now) {
    return get(channel.type()).rotateSecret(channel, now);
  }

  /**
   * The checks when a distribution is saved, beyond the record's own: the kind's rules, and every secret the kind
   * needs. {@code at} is the channel's prefix, {@code channels[1].}.
   */
  public void checkForSave(Channel channel, String at) {
    ChannelKind kind = get(channel.type());
    kind.checkForSave(channel, at);
    Map<String, Object> form = kind.write(channel);
    for (ChannelField field : kind.fields()) {
      if (field.secret() && field.required() && form.get(field.name()) == null) throw Invalid.required(at + field.name());
    }
  }

  /** Builds every provider's client now (the sender's start-up) rather than on the first send. */
  public void connect() {
    kinds.values().forEach(ChannelKind::connect);
  }

  private ChannelKind kind(Object type, String field) {
    if (type == null) throw Invalid.required(field);
    if (!(type instanceof String name)) throw new Invalid("invalid_type", field, field + " must be a string");
    ChannelKind kind = kinds.get(name);
    if (kind == null) {
      throw new Invalid("invalid_value", field, field + " has no value " + name + "; use one of "
          + String.join(", ", kinds.keySet()));
    }
    return kind;
  }

  private static Set<String> stored(ChannelKind kind) {
    Set<String> names = accepted(kind);
    names.addAll(kind.storedFields());
    return names;
  }

  private static Set<String> accepted(ChannelKind kind) {
    Set<String> names = new HashSet<>();
    names.add("type");
    for (ChannelField field : kind.fields()) {
      names.add(field.name());
      if (field.secret()) names.add(field.setFlag());
    }
    return names;
  }
}
