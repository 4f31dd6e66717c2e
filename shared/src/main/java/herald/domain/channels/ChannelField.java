package herald.domain.channels;

/**
 * One field of a channel's configuration, as the catalogue shows it: its JSON type ({@code string},
 * {@code object}, {@code array}, {@code integer}), whether a distribution needs it, whether it is a write-only
 * secret (required when saved, kept by an edit that leaves it out, shown only as {@code <name>_set}), whether it
 * holds templates, and whether only answers carry it (derived, such as an SMS's {@code segments}).
 */
public record ChannelField(String name, String type, boolean required, boolean secret, boolean template,
    boolean answerOnly) {

  public static ChannelField required(String name, String type) {
    return new ChannelField(name, type, true, false, false, false);
  }

  public static ChannelField optional(String name, String type) {
    return new ChannelField(name, type, false, false, false, false);
  }

  /** A write-only secret text, needed when the distribution is saved. */
  public static ChannelField secret(String name) {
    return new ChannelField(name, "string", true, true, false, false);
  }

  /** A write-only secret text the kind makes up when none is given (a webhook's signing secret). */
  public static ChannelField optionalSecret(String name) {
    return new ChannelField(name, "string", false, true, false, false);
  }

  /** A field answers carry and a client may send back unchanged: accepted and ignored on input. */
  public static ChannelField answerOnly(String name, String type) {
    return new ChannelField(name, type, false, false, false, true);
  }

  /** This field, holding Mustache templates (a text, or the texts inside an object). */
  public ChannelField withTemplates() {
    return new ChannelField(name, type, required, secret, true, answerOnly);
  }

  /** The flag answers carry for a secret: whether one is stored. */
  public String setFlag() {
    return name + "_set";
  }
}
