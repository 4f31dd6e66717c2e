package herald.domain.manual;

import herald.domain.campaigns.Campaigns;
import herald.domain.channels.Channel;
import herald.domain.common.Conflict;
import herald.domain.common.Invalid;
import herald.domain.customers.Customers;
import herald.domain.distributions.ActionType;
import herald.domain.distributions.AudienceType;
import herald.domain.distributions.ConfirmationTokens;
import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.distributions.DistributionWarnings;
import herald.domain.distributions.ManageDistributions;
import herald.domain.distributions.SendSchedule;
import herald.domain.limits.Forecast;
import herald.domain.limits.Quota;
import herald.domain.segments.Memberships;
import herald.domain.segments.RunningEvaluations;
import herald.domain.segments.Segment;
import herald.domain.segments.Segments;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/distributions/{id}/send} in two steps. Without a token, a dry run: what the send would do now,
 * and a {@link ConfirmationTokens confirmation token} bound to this version; nothing changes. With the token (and
 * optionally a {@code send_at}, up to a year ahead), the distribution is SCHEDULED under a new {@link SendSchedule}
 * and its start is put on the manual queue: after the grace period, or at {@code send_at}. Until the start runs, it
 * can be stopped or edited; the start reads it again ({@link StartManualSend}).
 */
public final class SendManually {
  public static final Duration MAX_AHEAD = Duration.ofDays(365);
  private final ManageDistributions manage;
  private final ConfirmationTokens tokens;
  private final Segments segments;
  private final Memberships memberships;
  private final RunningEvaluations evaluations;
  private final Customers customers;
  private final Campaigns campaigns;
  private final ManualStarts starts;
  private final GracePeriod grace;
  private final DistributionWarnings distributionWarnings;
  private final Quota quota;
  private final Clock clock;

  @Inject
  public SendManually(ManageDistributions manage, ConfirmationTokens tokens, Segments segments,
      Memberships memberships, RunningEvaluations evaluations, Customers customers, Campaigns campaigns,
      ManualStarts starts, GracePeriod grace, DistributionWarnings distributionWarnings, Quota quota, Clock clock) {
    this.distributionWarnings = distributionWarnings;
    this.quota = quota;
    this.manage = manage;
    this.tokens = tokens;
    this.segments = segments;
    this.memberships = memberships;
    this.evaluations = evaluations;
    this.customers = customers;
    this.campaigns = campaigns;
    this.starts = starts;
    this.grace = grace;
    this.clock = clock;
  }

  public record Warning(String code, String message) {}

  /**
   * What a send would do now; {@code codesNeeded} and {@code codesAvailable} are null unless it publishes codes;
   * {@code quota}: of its messages, how many the plan's limits would let go now and how many they would skip, and
   * {@code quotaLeft} what the limits leave now (null: the plan has no count limit).
   */
  public record DryRun(Distribution distribution, long audienceSize, List<String> channels, long messages,
      Long codesNeeded, Long codesAvailable, Forecast quota, Long quotaLeft, List<Warning> warnings,
      ConfirmationTokens.Token token, Instant sendAt) {}

  public DryRun dryRun(String id) {
    Distribution d = sendable(manage.get(id));
    List<Warning> warnings = new ArrayList<>();
    long audience = audienceSize(d, warnings);
    List<String> channels = d.channels().stream().map(Channel::type).toList();
    Long needed = null;
    Long available = null;
    if (d.action().type() == ActionType.PUBLISH_CODE) {
      needed = audience;
      available = campaigns.counts(d.action().campaignId()).available();
      if (available < needed) {
        warnings.add(new Warning("not_enough_codes", "the campaign has " + available + " codes available for "
            + needed + " recipients; the others' messages would end SKIPPED code_pool_exhausted"));
      }
    }
    distributionWarnings.of(d).forEach(w -> warnings.add(new Warning(w.code(), w.message())));
    long messages = audience * channels.size();
    Forecast forecast = quota.forecast(messages);
    if (forecast.skip() > 0) {
      warnings.add(new Warning("quota_exceeded", forecast.skip() + " of the " + messages + " messages would be over "
          + "the plan's limits and end SKIPPED quota_exceeded"));
    }
    long room = quota.usage().room();
    Instant now = clock.instant();
    return new DryRun(d, audience, channels, messages, needed, available, forecast,
        room == Long.MAX_VALUE ? null : room, warnings, tokens.issue(d, now), now.plus(grace.duration()));
  }

  /** Schedules the send of the version the token was issued for; {@code sendAt} null: after the grace period. */
  public Distribution confirm(String id, String token, Instant sendAt, String actor) {
    Distribution d = sendable(manage.get(id));
    Instant now = clock.instant();
    tokens.check(d, token, now);
    Instant earliest = now.plus(grace.duration());
    if (sendAt != null && sendAt.isBefore(earliest.minusSeconds(1))) {
      throw new Invalid("invalid_value", "send_at", "send_at must be at least the grace period ("
          + grace.duration().toSeconds() + " s) ahead: " + earliest + " or later");
    }
    if (sendAt != null && sendAt.isAfter(now.plus(MAX_AHEAD))) {
      throw new Invalid("invalid_value", "send_at", "send_at may be at most a year ahead");
    }
    SendSchedule schedule = SendSchedule.at(sendAt == null ? earliest : sendAt);
    Distribution scheduled = manage.schedule(d, schedule, actor);
    ManualStart start = new ManualStart(d.id(), schedule.id());
    if (sendAt == null) {
      starts.afterGracePeriod(start);
    } else {
      starts.at(start, schedule.sendAt());
    }
    return scheduled;
  }

  /** Conflict unless it is a manual distribution that may be sent (DRAFT, or SCHEDULED: sent again, rescheduled). */
  private Distribution sendable(Distribution d) {
    if (!d.manual()) {
      throw new Conflict("invalid_transition", "only a manual distribution is sent by hand; activate this one");
    }
    if (d.status() != DistributionStatus.DRAFT && d.status() != DistributionStatus.SCHEDULED) {
      throw new Conflict("invalid_transition", "a " + d.status() + " distribution cannot be sent");
    }
    manage.checkReferences(d);
    return d;
  }

  private long audienceSize(Distribution d, List<Warning> warnings) {
    if (d.audience().type() == AudienceType.CUSTOMER) {
      if (customers.get(d.audience().customerId()).isPresent()) return 1;
      warnings.add(new Warning("unknown_customer", "customer " + d.audience().customerId() + " does not exist; "
          + "its messages would end SKIPPED no_address"));
      return 1;
    }
    Segment segment = segments.get(d.audience().segmentId()).orElseThrow();
    if (evaluations.running(segment)) {
      warnings.add(new Warning("segment_evaluating", "segment " + segment.id() + " is still being evaluated: the "
          + "count may change, and the send starts once the evaluation is done"));
    }
    long members = memberships.count(segment);
    if (members == 0) warnings.add(new Warning("empty_audience", "segment " + segment.id() + " has no members"));
    return members;
  }
}
