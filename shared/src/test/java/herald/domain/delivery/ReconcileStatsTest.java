package herald.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.events.TriggerEvent;
import herald.domain.fakes.InMemoryActivity;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.InMemoryMessages;
import herald.domain.fakes.InMemoryStatusCounters;
import herald.domain.fakes.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileStatsTest {
  private static final Instant T0 = Instant.parse("2026-12-06T07:15:00Z");
  private final TestClock clock = new TestClock(T0);
  private final InMemoryMessages messages = new InMemoryMessages(clock);
  private final InMemoryStatusCounters stats = new InMemoryStatusCounters(clock);
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final InMemoryActivity activity = new InMemoryActivity();
  private final ReconcileStats reconcile = new ReconcileStats(messages, stats, distributions, activity, clock);

  @Test
  void aRecountWritesWhatTheMessagesSayOverTheCounters() {
    message("dist_1", "cust_1", "email", MessageStatus.SENT, null);
    message("dist_1", "cust_2", "email", MessageStatus.FAILED, "rejected");
    stats.moved("dist_1", "email", null, MessageStatus.SENT);   // a count with no message

    Recount recount = reconcile.reconcile("dist_1", () -> true).orElseThrow();

    assertThat(stats.of("dist_1").get("email")).isEqualTo(Map.of(MessageStatus.SENT, 1L, MessageStatus.FAILED, 1L));
    assertThat(recount.reasons()).isEqualTo(Map.of(MessageStatus.FAILED, Map.of("rejected", 1L)));
    assertThat(recount.hours()).isEqualTo(Map.of(Instant.parse("2026-12-06T07:00:00Z"),
        Map.of(MessageStatus.SENT, 1L, MessageStatus.FAILED, 1L)));
    assertThat(stats.lastRecount("dist_1")).contains(recount);
  }

  @Test
  void aRecountThatRunsOutOfTimeWritesNothing() {
    message("dist_1", "cust_1", "email", MessageStatus.SENT, null);
    stats.moved("dist_1", "email", null, MessageStatus.SENT);

    assertThat(reconcile.reconcile("dist_1", () -> false)).isEmpty();
    assertThat(stats.count("dist_1", "email", MessageStatus.SENT)).isEqualTo(2);
    assertThat(stats.lastRecount("dist_1")).isEmpty();
  }

  @Test
  void theSweepRecountsOnlyDistributionsWhoseCountsMovedSinceTheirLastRecount() {
    distributions.create(herald.domain.fakes.Samples.active("dist_1", herald.domain.fakes.Samples.email()));
    distributions.create(herald.domain.fakes.Samples.active("dist_2", herald.domain.fakes.Samples.email()));
    message("dist_1", "cust_1", "email", MessageStatus.SENT, null);
    message("dist_2", "cust_1", "email", MessageStatus.SENT, null);

    assertThat(reconcile.sweep(() -> true)).containsEntry("recounted", "2");
    clock.advance(Duration.ofMinutes(15));
    assertThat(reconcile.sweep(() -> true)).containsEntry("recounted", "0");
    clock.advance(Duration.ofSeconds(1));
    message("dist_2", "cust_2", "email", MessageStatus.FAILED, "http_404");
    assertThat(reconcile.sweep(() -> true)).containsEntry("recounted", "1");
  }

  @Test
  void tenMoreFailuresThanTheLastRecountAreNotedInTheActivityLog() {
    distributions.create(herald.domain.fakes.Samples.active("dist_1", herald.domain.fakes.Samples.email()));
    for (int i = 0; i < 10; i++) message("dist_1", "cust_" + i, "webhook", MessageStatus.FAILED, "http_500");

    reconcile.reconcile("dist_1", () -> true);
    reconcile.reconcile("dist_1", () -> true);

    assertThat(activity.all()).singleElement().satisfies(e -> {
      assertThat(e.action()).isEqualTo("messages_failed");
      assertThat(e.details()).containsEntry("count", "10");
    });
  }

  private void message(String distribution, String customer, String channel, MessageStatus status, String reason) {
    TriggerEvent event = new TriggerEvent("evt_1", "customer.custom_event", T0,
        new TriggerEvent.CustomerRef(customer, customer), Map.of());
    SendJob job = new SendJob(distribution, channel, customer, event);
    messages.claim(Message.sending(job, clock.instant()));
    messages.finish(job.messageId(), status, reason, null);
    stats.moved(distribution, channel, null, status);
  }
}
