package herald.domain.deadletters;

/** Port: the work queues dead letters go back to, their bodies as they were. */
public interface Redrives {
  void put(DeadLetterQueue queue, String body);
}
