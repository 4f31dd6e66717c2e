package herald.domain.delivery;

/** Where a message is. SENT and after, FAILED and SKIPPED are terminal for the sender. */
public enum MessageStatus {
  QUEUED, SENDING, SENT, DELIVERED, BOUNCED, COMPLAINED, FAILED, SKIPPED;

  public boolean finished() {
    return this != QUEUED && this != SENDING;
  }
}
