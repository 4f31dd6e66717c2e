package herald.domain.fakes;

import herald.domain.common.Page;
import herald.domain.delivery.Claim;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Messages;
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
  private final Map<String, String> lastErrors = new LinkedHashMap<>();
  private final java.util.Set<String> called = new java.util.HashSet<>();
  private final Map<String, java.time.Instant> leases = new LinkedHashMap<>();
  /** How long a claim holds a message, as DynamoDbMessages's. */
  public static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);
  private int releases;

  public InMemoryMessages(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Claim claim(Message message) {
    Message existing = messages.get(message.id());
    MessageStatus previous = existing == null ? null : existing.status();
    if (existing != null && existing.status() != MessageStatus.QUEUED) {
      return new Claim(false, previous, called.contains(message.id()), lapsed(message.id()));
    }
    leases.put(message.id(), clock.instant().plus(LEASE));
    called.remove(message.id());
    Message base = existing == null ? message : existing;
    messages.put(message.id(), new Message(message.id(), message.distributionId(), message.eventId(),
        message.customerId(), message.channel(), MessageStatus.SENDING, null, null, base.createdAt(), clock.instant(),
        base.attempts() + 1, base.openedAt(), base.clickedAt(), message.job() != null ? message.job() : base.job()));
    return new Claim(true, previous, false, true);
  }

  @Override
  public synchronized boolean resume(String id) {
    Message existing = messages.get(id);
    if (existing == null || existing.status() != MessageStatus.SENDING || !lapsed(id)) return false;
    leases.put(id, clock.instant().plus(LEASE));
    return true;
  }

  private boolean lapsed(String id) {
    java.time.Instant until = leases.get(id);
    return until == null || until.isBefore(clock.instant());
  }

  @Override
  public synchronized void calling(String id) {
    Message existing = messages.get(id);
    if (existing != null && existing.status() == MessageStatus.SENDING) called.add(id);
  }

  @Override
  public synchronized void release(String id, String error) {
    Message existing = messages.get(id);
    if (existing == null || existing.status() != MessageStatus.SENDING) return;
    releases++;
    called.remove(id);
    lastErrors.put(id, error);
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
  public synchronized Claim failUnlessFinished(Message message, String reason) {
    Message existing = messages.get(message.id());
    MessageStatus previous = existing == null ? null : existing.status();
    if (existing != null && existing.status().finished()) return new Claim(false, previous);
    Message base = existing == null ? message : existing;
    messages.put(message.id(), with(base, MessageStatus.FAILED, lastErrors.getOrDefault(message.id(), reason),
        base.providerId(), base.createdAt()));
    return new Claim(true, previous);
  }

  @Override
  public synchronized boolean feedback(String id, MessageStatus to, String reason) {
    Message existing = messages.get(id);
    if (existing == null) return false;
    MessageStatus from = existing.status();
    boolean allowed = switch (to) {
      case DELIVERED -> from == MessageStatus.SENT
          || from == MessageStatus.FAILED && "outcome_unknown".equals(existing.reason());
      case BOUNCED, COMPLAINED -> from == MessageStatus.SENT || from == MessageStatus.DELIVERED;
      case FAILED -> from == MessageStatus.SENT;
      default -> false;
    };
    if (allowed) messages.put(id, with(existing, to, reason, existing.providerId(), existing.createdAt()));
    return allowed;
  }

  @Override
  public synchronized boolean engaged(String id, herald.domain.delivery.Engagement what, java.time.Instant at) {
    Message m = messages.get(id);
    if (m == null) return false;
    boolean opened = what == herald.domain.delivery.Engagement.OPENED;
    if ((opened ? m.openedAt() : m.clickedAt()) != null) return false;
    messages.put(id, new Message(m.id(), m.distributionId(), m.eventId(), m.customerId(), m.channel(), m.status(),
        m.reason(), m.providerId(), m.createdAt(), m.updatedAt(), m.attempts(), opened ? at : m.openedAt(),
        opened ? m.clickedAt() : at, m.job()));
    return true;
  }

  @Override
  public synchronized Claim retry(String id) {
    Message m = messages.get(id);
    MessageStatus previous = m == null ? null : m.status();
    if (m == null || m.status() != MessageStatus.FAILED || "outcome_unknown".equals(m.reason())) {
      return new Claim(false, previous);
    }
    called.remove(id);
    messages.put(id, m.with(MessageStatus.QUEUED, null, clock.instant()));
    return new Claim(true, previous);
  }

  @Override
  public synchronized Optional<Message> get(String id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public synchronized Page<Message> forDistribution(String distributionId,
      herald.domain.delivery.MessageFilter filter, String cursor, int limit) {
    List<Message> all = messages.values().stream()
        .filter(m -> m.distributionId().equals(distributionId)).filter(filter::matches)
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
        providerId, createdAt, clock.instant(), m.attempts(), m.openedAt(), m.clickedAt(), m.job());
  }
}
