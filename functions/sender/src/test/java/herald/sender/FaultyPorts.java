package herald.sender;

import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.email.Email;
import herald.domain.channels.email.EmailSender;
import herald.domain.channels.webhook.WebhookCall;
import herald.domain.channels.webhook.WebhookSender;
import herald.domain.common.Page;
import herald.domain.customers.Customer;
import herald.domain.customers.Customers;
import herald.domain.delivery.Claim;
import herald.domain.delivery.Message;
import herald.domain.delivery.MessageStatus;
import herald.domain.delivery.Messages;
import herald.domain.delivery.StatusCounters;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The real adapters, wrapped so that {@link Faults} can break them and watch what goes through them. */
final class FaultyPorts {
  private FaultyPorts() {}

  /**
   * Messages whose writes fail at random before or after they reach the table. Per thread it follows the claim
   * being worked on, to tell which failures fall in the window of doubt and whether a claim outlived its lease.
   */
  static final class FaultyMessages implements Messages {
    private record Hold(String id, long since, boolean called) {}

    private final Messages store;
    private final Faults faults;
    private final long leaseNanos;
    private final ThreadLocal<Hold> hold = new ThreadLocal<>();

    FaultyMessages(Messages store, Faults faults, Duration lease) {
      this.store = store;
      this.faults = faults;
      this.leaseNanos = lease.toNanos();
    }

    @Override
    public Claim claim(Message message) {
      faults.maybe("claim.before");
      long since = System.nanoTime();
      Claim claim = store.claim(message);
      if (claim.claimed()) hold.set(new Hold(message.id(), since, false));
      faults.maybe("claim.after");
      return claim;
    }

    @Override
    public boolean resume(String id) {
      faults.maybe("resume.before");
      long since = System.nanoTime();
      boolean resumed = store.resume(id);
      if (resumed) hold.set(new Hold(id, since, false));
      faults.maybe("resume.after");
      return resumed;
    }

    @Override
    public void calling(String id) {
      faults.maybe("calling.before");
      store.calling(id);
      Hold held = hold.get();
      if (held != null && held.id().equals(id)) hold.set(new Hold(id, held.since(), true));
      faults.maybe("calling.after", () -> faults.inDoubt.add(id));
    }

    @Override
    public void finish(String id, MessageStatus status, String reason, String providerId) {
      boolean called = letGo(id);
      faults.maybe("finish.before", () -> {
        if (called) faults.inDoubt.add(id);
      });
      store.finish(id, status, reason, providerId);
      faults.finished(id, status);
      faults.maybe("finish.after");
    }

    @Override
    public void release(String id, String error) {
      boolean called = letGo(id);
      faults.maybe("release.before", () -> {
        if (called) faults.inDoubt.add(id);
      });
      store.release(id, error);
      faults.maybe("release.after");
    }

    @Override
    public Claim failUnlessFinished(Message message, String reason) {
      faults.maybe("dead_letter.before");
      Claim failed = store.failUnlessFinished(message, reason);
      if (failed.claimed()) faults.finished(message.id(), MessageStatus.FAILED);
      faults.maybe("dead_letter.after");
      return failed;
    }

    @Override
    public boolean feedback(String id, MessageStatus to, String reason) {
      return store.feedback(id, to, reason);
    }

    @Override
    public Optional<Message> get(String id) {
      return store.get(id);
    }

    @Override
    public Page<Message> forDistribution(String distributionId, herald.domain.delivery.MessageFilter filter,
        String cursor, int limit) {
      return store.forDistribution(distributionId, filter, cursor, limit);
    }

    @Override
    public boolean engaged(String id, herald.domain.delivery.Engagement what, java.time.Instant at) {
      return store.engaged(id, what, at);
    }

    @Override
    public Claim retry(String id) {
      return store.retry(id);
    }

    /** The claim on {@code id} ends here: whether its provider was called, and a note if it outlived its lease. */
    private boolean letGo(String id) {
      Hold held = hold.get();
      if (held == null || !held.id().equals(id)) return false;
      hold.remove();
      long took = System.nanoTime() - held.since();
      faults.longestHoldMillis.accumulate(took / 1_000_000);
      if (took > leaseNanos) faults.leaseOverruns.add(id + " held " + took / 1_000_000 + " ms");
      return held.called();
    }
  }

  /** Counters whose updates fail at random, before or after they are made. */
  static final class FaultyStats implements StatusCounters {
    private final StatusCounters store;
    private final Faults faults;

    FaultyStats(StatusCounters store, Faults faults) {
      this.store = store;
      this.faults = faults;
    }

    @Override
    public void moved(String distributionId, String channel, MessageStatus from, MessageStatus to) {
      faults.maybe("stats.before");
      store.moved(distributionId, channel, from, to);
      faults.maybe("stats.after");
    }

    @Override
    public void moved(java.util.Collection<Move> moves) {
      faults.maybe("stats.before");
      store.moved(moves);
      faults.maybe("stats.after");
    }

    @Override
    public Map<String, Map<MessageStatus, Long>> of(String distributionId) {
      return store.of(distributionId);
    }

    @Override
    public void engaged(String distributionId, String channel, herald.domain.delivery.Engagement what) {
      store.engaged(distributionId, channel, what);
    }

    @Override
    public Map<String, Map<herald.domain.delivery.Engagement, Long>> engagement(String distributionId) {
      return store.engagement(distributionId);
    }

    @Override
    public void recounted(String distributionId, herald.domain.delivery.Recount recount) {
      store.recounted(distributionId, recount);
    }

    @Override
    public java.util.Optional<herald.domain.delivery.Recount> lastRecount(String distributionId) {
      return store.lastRecount(distributionId);
    }

    @Override
    public java.util.Optional<java.time.Instant> lastMoved(String distributionId) {
      return store.lastMoved(distributionId);
    }

    @Override
    public Map<java.time.Instant, Map<MessageStatus, Long>> hours(String distributionId, java.time.Instant from,
        java.time.Instant to) {
      return store.hours(distributionId, from, to);
    }

    @Override
    public Map<java.time.LocalDate, Map<String, Map<MessageStatus, Long>>> daily(java.time.LocalDate from,
        java.time.LocalDate to) {
      return store.daily(from, to);
    }
  }

  /** Customers whose reads fail at random (before sending: the claim is given back). */
  static final class FaultyCustomers implements Customers {
    private final Customers store;
    private final Faults faults;

    FaultyCustomers(Customers store, Faults faults) {
      this.store = store;
      this.faults = faults;
    }

    @Override
    public java.util.Map<String, Customer> getAll(java.util.Collection<String> ids) {
      faults.maybe("customer.before");
      java.util.Map<String, Customer> customers = store.getAll(ids);
      faults.maybe("customer.after");
      return customers;
    }

    @Override
    public Optional<Customer> get(String id) {
      faults.maybe("customer.before");
      Optional<Customer> customer = store.get(id);
      faults.maybe("customer.after");
      return customer;
    }

    @Override
    public Customer save(Customer customer) {
      return store.save(customer);
    }

    @Override
    public boolean erase(String id) {
      return store.erase(id);
    }

    @Override
    public Page<Customer> scan(int part, int parts, String cursor, int limit) {
      return store.scan(part, parts, cursor, limit);
    }
  }

  /** The webhook sender, watched: never called for a finished message; calls without an answer noted. */
  static final class WatchedWebhooks implements WebhookSender {
    private static final Set<String> NO_ANSWER = Set.of("timeout", "connection_failed", "interrupted");
    private final WebhookSender sender;
    private final Faults faults;

    WatchedWebhooks(WebhookSender sender, Faults faults) {
      this.sender = sender;
      this.faults = faults;
    }

    @Override
    public String send(WebhookCall call) {
      faults.providerCall(call.messageId());
      try {
        return sender.send(call);
      } catch (DeliveryFailure failure) {
        if (NO_ANSWER.contains(failure.reason())) faults.noAnswer.add(call.messageId());
        throw failure;
      }
    }
  }

  /** The email sender, watched: never called for a finished message. */
  static final class WatchedEmails implements EmailSender {
    private final EmailSender sender;
    private final Faults faults;

    WatchedEmails(EmailSender sender, Faults faults) {
      this.sender = sender;
      this.faults = faults;
    }

    @Override
    public String send(Email email) {
      faults.providerCall(email.messageId());
      return sender.send(email);
    }
  }
}
