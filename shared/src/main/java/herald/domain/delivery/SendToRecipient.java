package herald.domain.delivery;

import herald.domain.channels.ChannelKind;
import herald.domain.channels.ChannelKinds;
import herald.domain.channels.DeliveryFailure;
import herald.domain.channels.InDoubt;
import herald.domain.limits.Limits;
import herald.domain.activity.Activity;
import herald.domain.activity.ActivityEntry;
import herald.domain.distributions.ManageDistributions;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import java.util.Optional;

/**
 * Sends one job: claims its message with a conditional write (a claimed or finished message is never sent
 * again), checks it may still go, renders it for its channel, sends it and records the outcome. A failure a
 * retry may mend gives the claim back and throws, so the queue redelivers the job later; a permanent one is
 * recorded FAILED with its reason, whether the provider refused it or the message could not even be made (a body
 * that cannot be written, a URL no retry will mend: a kind says so by throwing a permanent {@link DeliveryFailure}
 * while rendering). A job found half-done (SENDING: an earlier delivery stopped after the
 * claim) is resolved without sending blindly: stopped before the provider was called, it is simply sent;
 * stopped after, its channel's kind says what to do ({@link InDoubt}): a webhook goes again with the same
 * Idempotency-Key, which the receiver deduplicates, and an email or text, whose provider cannot tell us whether it
 * took it, ends FAILED outcome_unknown. The window left is the provider call itself. A job whose message another delivery is sending right now (the same job
 * queued twice) comes back later, when that delivery has finished it. A publish_code message's code is published
 * once the message is sent, and given back when no channel of the recipient could send it ({@link CodeEscrow}); a
 * crash between recording SENT and publishing leaves the publication pending (the code held, not counted).
 * Just before the provider is called, the message's unit of the plan's limits is reserved and a token of its
 * channel's send rate taken ({@link Limits}): over a limit it ends SKIPPED quota_exceeded; told to wait for its rate,
 * it gives the claim back and is queued again with that delay (the job is acknowledged, so waiting spends none of
 * its retries); so is a message whose kind was too busy to call its provider ({@link DeliveryFailure#busy}). A
 * message that ends without being sent gives its unit back (one whose outcome is unknown keeps it).
 * A message of a manual send that ends may be its last: {@link SendCompletion} is told. A message over the plan's
 * limits notes {@code quota_reached} in its distribution's activity log, once an hour.
 */
public final class SendToRecipient {
  static final String OUTCOME_UNKNOWN = "outcome_unknown";
  private final Messages messages;
  private final PrepareMessage prepare;
  private final ChannelKinds kinds;
  private final StatusCounters stats;
  private final CodeEscrow escrow;
  private final Limits limits;
  private final SendQueue queue;
  private final Clock clock;
  private final SendCompletion completion;
  private final Activity activity;
  /** Where a batch's counts wait for its end; null when each message counts at once ({@link #handle}). */
  private final SendBatch batch;

  public SendToRecipient(Messages messages, PrepareMessage prepare, ChannelKinds kinds, StatusCounters stats,
      CodeEscrow escrow, Limits limits, SendQueue queue, Clock clock, SendCompletion completion) {
    this(messages, prepare, kinds, stats, escrow, limits, queue, clock, completion, Activity.NONE);
  }

  @Inject
  public SendToRecipient(Messages messages, PrepareMessage prepare, ChannelKinds kinds, StatusCounters stats,
      CodeEscrow escrow, Limits limits, SendQueue queue, Clock clock, SendCompletion completion, Activity activity) {
    this(messages, prepare, kinds, stats, escrow, limits, queue, clock, completion, activity, null);
  }

  private SendToRecipient(Messages messages, PrepareMessage prepare, ChannelKinds kinds, StatusCounters stats,
      CodeEscrow escrow, Limits limits, SendQueue queue, Clock clock, SendCompletion completion, Activity activity,
      SendBatch batch) {
    this.batch = batch;
    this.activity = activity;
    this.messages = messages;
    this.prepare = prepare;
    this.kinds = kinds;
    this.stats = stats;
    this.escrow = escrow;
    this.limits = limits;
    this.queue = queue;
    this.clock = clock;
    this.completion = completion;
  }

  /** For event-triggered sends only: no manual send is told it finished. */
  public SendToRecipient(Messages messages, PrepareMessage prepare, ChannelKinds kinds, StatusCounters stats,
      CodeEscrow escrow, Limits limits, SendQueue queue, Clock clock) {
    this(messages, prepare, kinds, stats, escrow, limits, queue, clock, SendCompletion.NONE);
  }

  /**
   * A batch of jobs (one thread): each message's status is written as it changes, as {@link #handle} does, but
   * what the batch's messages share is read once ({@link PrepareMessage#forBatch}, {@link Limits#forBatch}) and
   * the counters are written when the batch is closed, once per distribution, channel and status: the status
   * counts ({@link StatusCounters}), the usage counted where no limit holds a unit ({@link Limits#sent}); then each
   * manual send with a message that ended is checked for its end ({@link SendCompletion}), the counts written.
   * The send rate's tokens are taken for the batch's messages of a channel at once, and the unused handed back at
   * the close ({@link Limits#forBatch}).
   * A process that dies before the close leaves the messages' statuses right and their counts short: the recount
   * ({@link ReconcileStats}) puts the status counts right, and a redelivered job finds its message finished and
   * counts nothing twice.
   */
  public SendBatch batch() {
    return batch(java.util.List.of());
  }

  /** As {@link #batch()}, with these jobs' customers read together first. */
  public SendBatch batch(java.util.List<SendJob> jobs) {
    Limits batchLimits = limits.forBatch(jobs.stream()
        .collect(java.util.stream.Collectors.toMap(SendJob::channel, job -> 1, Integer::sum)));
    SendBatch batch = new SendBatch(stats, batchLimits, completion);
    PrepareMessage forBatch = prepare.forBatch();
    forBatch.prefetch(jobs);
    batch.sendWith(new SendToRecipient(messages, forBatch, kinds, stats, escrow, batchLimits, queue, clock,
        completion, activity, batch));
    return batch;
  }

  /** Returns the status recorded, or empty when another delivery of the job already claimed it. */
  public Optional<MessageStatus> handle(SendJob job) {
    Claim claim = messages.claim(Message.sending(job, clock.instant()));
    if (claim.claimed()) {
      moved(job, claim.previous(), MessageStatus.SENDING);
      if (claim.previous() == null) return Optional.of(attempt(job, true));
    } else if (claim.busy()) {
      throw DeliveryFailure.transientFailure("claimed_by_another_delivery", null);
    } else if (!claim.interrupted()) {
      return Optional.empty();
    } else if (claim.called() && inDoubt(job) == InDoubt.OUTCOME_UNKNOWN) {
      return Optional.of(finish(job, MessageStatus.FAILED, OUTCOME_UNKNOWN, null));
    } else if (!messages.resume(job.messageId())) {
      return Optional.empty();
    }
    return Optional.of(attempt(job, false));
  }

  /** {@code first}: the message did not exist before this claim (no earlier attempt reserved anything). */
  private MessageStatus attempt(SendJob job, boolean first) {
    PrepareMessage.Prepared prepared;
    try {
      prepared = prepare.prepare(job);
    } catch (DeliveryFailure failure) {
      if (failure.permanent()) return finish(job, MessageStatus.FAILED, failure.reason(), null);
      release(job, failure.reason());
      throw failure;
    } catch (RuntimeException beforeSending) {
      release(job, "internal_error");
      throw beforeSending;
    }
    if (prepared.outcome() != null) {
      MessageStatus status = finish(job, prepared.outcome(), prepared.reason(), null);
      escrow.undelivered(job, prepared.distribution());
      return status;
    }
    Limits.Admission admission = limits.admit(job.messageId(), job.channel(), first);
    if (admission.exceeded()) {
      activity.recordOnce(new ActivityEntry(ManageDistributions.subject(job.distributionId()),
          clock.instant().truncatedTo(ChronoUnit.HOURS), "herald", "quota_reached",
          prepared.distribution() == null ? 0 : prepared.distribution().version()));
      MessageStatus status = finish(job, MessageStatus.SKIPPED, SkipReason.QUOTA_EXCEEDED.code(), null);
      escrow.undelivered(job, prepared.distribution());
      return status;
    }
    if (admission.delay() != null) {
      release(job, "rate_limited");
      queue.later(job, admission.delay());
      return MessageStatus.QUEUED;
    }
    messages.calling(job.messageId());
    String providerId;
    try {
      providerId = prepared.kind().send(prepared.message());
    } catch (DeliveryFailure failure) {
      if (failure.busy()) {
        release(job, failure.reason());
        queue.later(job, failure.retryAfter().orElseThrow());
        return MessageStatus.QUEUED;
      }
      if (!failure.permanent()) {
        release(job, failure.reason());
        throw failure;
      }
      MessageStatus status = finish(job, MessageStatus.FAILED, failure.reason(), null);
      escrow.undelivered(job, prepared.distribution());
      return status;
    }
    MessageStatus status = finish(job, MessageStatus.SENT, null, providerId);
    if (batch == null) limits.sent(admission.reservation());
    else batch.sent(admission.reservation());
    ActionScope.Provided provided = prepared.provided();
    if (provided != null && provided.held() != null) {
      escrow.delivered(provided.campaign(), prepared.customer(), provided.held());
    }
    return status;
  }

  /**
   * What the job's channel does in doubt, with its configuration as saved (or its kind's rule when the channel is
   * gone); a channel no kind is bound for any more cannot be resent safely.
   */
  private InDoubt inDoubt(SendJob job) {
    Optional<ChannelKind> kind = kinds.find(job.channel());
    if (kind.isEmpty()) return InDoubt.OUTCOME_UNKNOWN;
    return prepare.channel(job).map(channel -> kind.get().inDoubt(channel)).orElse(kind.get().inDoubt());
  }

  /** Records the outcome; a message ending unsent gives its unit of the limits back first (a crash then retries). */
  private MessageStatus finish(SendJob job, MessageStatus status, String reason, String providerId) {
    if ((status == MessageStatus.FAILED || status == MessageStatus.SKIPPED) && !OUTCOME_UNKNOWN.equals(reason)) {
      limits.giveBack(job.messageId());
    }
    messages.finish(job.messageId(), status, reason, providerId);
    moved(job, MessageStatus.SENDING, status);
    if (job.event().manual()) {
      if (batch == null) completion.check(job.distributionId());
      else batch.ended(job.distributionId());
    }
    return status;
  }

  private void release(SendJob job, String error) {
    messages.release(job.messageId(), error);
    moved(job, MessageStatus.SENDING, MessageStatus.QUEUED);
  }

  private void moved(SendJob job, MessageStatus from, MessageStatus to) {
    if (batch == null) stats.moved(job.distributionId(), job.channel(), from, to);
    else batch.moved(new StatusCounters.Move(job.distributionId(), job.channel(), from, to));
  }
}
