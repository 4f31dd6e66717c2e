package herald.domain.intake;

/** Port: the ids of events already accepted, so that posting the same id twice triggers once. */
public interface EventKeys {
  /** Records the key; false when it was recorded before. */
  boolean claim(String key);

  /** Forgets a key whose event could not be put on the bus, so a retry can succeed. */
  void release(String key);
}
