package herald.domain.delivery;

/** What a recipient did with an email, as its provider reports it: opened it, clicked a link in it. */
public enum Engagement {
  OPENED, CLICKED;

  /** The message's field that holds when it first happened: {@code opened_at}, {@code clicked_at}. */
  public String field() {
    return name().toLowerCase(java.util.Locale.ROOT) + "_at";
  }
}
