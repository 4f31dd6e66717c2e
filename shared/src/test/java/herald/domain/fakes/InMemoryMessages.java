package herald.domain.fakes;

import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Messages;
import herald.domain.delivery.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages in a map, with the port's conditional writes: a claim succeeds only on a missing or
 * released (QUEUED) message; a release only gives back a SENDING one; failUnlessFinished only
 * changes a missing, QUEUED or SENDING one; finish needs a claimed (SENDING) message.
 */
public final class InMemoryMessages implements Messages {
  private final Map<String, Message> messages = new LinkedHashMap<>();
  private final Clock clock;
  private int releases;

  public InMemoryMessages(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean claim(Message message) {
    Message existing = messages.get(message.id());
    if (existing != null && existing.status() != MessageStatus.QUEUED) return false;
    messages.put(message.id(), with(message, MessageStatus.SENDING, null, null,
        existing == null ? message.createdAt() : existing.createdAt()));
    return true;
  }

  @Override
  public synchronized void release(String id) {
    Message existing = messages.get(id);
    if (existing == null || existing.status() != MessageStatus.SENDING) return;
    releases++;
    messages.put(id, with(existing, MessageStatus.QUEUED, existing.reason(), existing.providerId(),
        existing.createdAt()));
  }

  @Override
  public synchronized void finish(String id, MessageStatus status, String reason, String providerId) {
    Message existing = messages.get(id);
    if (existing == null || existing.status() != MessageStatus.SENDING) {
      throw new IllegalStateException("finish of message " + id + " that is not claimed: " + existing);
    }
    messages.put(id, with(existing, status, reason,
        providerId != null ? providerId : existing.providerId(), existing.createdAt()));
  }

  @Override
  public synchronized boolean failUnlessFinished(Message message, String reason) {
    Message existing = messages.get(message.id());
    if (existing != null && existing.status().finished()) return false;
    Message base = existing == null ? message : existing;
    messages.put(message.id(), with(base, MessageStatus.FAILED, reason, base.providerId(), base.createdAt()));
    return true;
  }

  @Override
  public synchronized Optional<Message> get(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public synchronized Page<Message> forDistribution(String distributionId, String cursor, int limit) {
    List<Message> all = messages.values().stream()
        .filter(m -> m.distributionId().equals(distributionId))
        .sorted(Comparator.comparing(Message::createdAt).thenComparing(Message::id))
        .toList();
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(all.size(), from + limit);
    return new Page<>(new ArrayList<>(all.subList(from, to)), to < all.size() ? String.valueOf(to) : null);
  }

  /** Stores a message as it is, to set up a test. */
  public synchronized void put(Message message) {
    messages.put(message.id(), message);
  }

  /** How many claims were given back. */
  public synchronized int releases() {
    return releases;
  }

  public synchronized List<Message> all() {
    return List.copyOf(messages.values());
  }

  private Message with(Message m, MessageStatus status, String reason, String providerId,
      java.time.Instant createdAt) {
    return new Message(m.id(), m.distributionId(), m.eventId(), m.customerId(), m.channel(), status, reason,
        providerId, createdAt, clock.instant());
  }
}
