package herald.domain.activity;

import static herald.domain.fakes.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Page;
import herald.domain.fakes.InMemoryActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TalliesTest {
  private final InMemoryActivity activity = new InMemoryActivity();
  private final AtomicLong ticker = new AtomicLong();
  private final Tallies tallies = new Tallies(activity, Duration.ofSeconds(10), ticker::get);

  private static ActivityEntry entry(Instant minute, String eventId) {
    return new ActivityEntry("distribution:d1", minute, "herald", "triggered", 1, Map.of("event_id", eventId));
  }

  private long count() {
    return activity.all().stream().mapToLong(e -> (Long) e.details().get("count")).sum();
  }

  @Test
  void theFirstOccurrenceIsWrittenAtOnceTheNextOnesEveryTenSecondsAsOneAddition() {
    for (int i = 0; i < 50; i++) tallies.add(entry(T0, "evt_" + i));

    assertThat(activity.tallies()).isEqualTo(1);
    assertThat(activity.all()).singleElement().satisfies(e -> assertThat(e.details())
        .containsEntry("event_id", "evt_0").containsEntry("count", 1L));

    ticker.addAndGet(Duration.ofSeconds(10).toNanos());
    tallies.add(entry(T0, "evt_50"));

    assertThat(activity.tallies()).isEqualTo(2);
    assertThat(count()).isEqualTo(51);
  }

  @Test
  void aLaterMinuteWritesWhatTheEarlierOneAddedUpAndTenSecondsLaterTheRest() {
    tallies.add(entry(T0, "evt_1"));
    tallies.add(entry(T0, "evt_2"));
    tallies.add(entry(T0.plusSeconds(60), "evt_3"));
    tallies.add(entry(T0.plusSeconds(60), "evt_4"));

    assertThat(activity.all()).hasSize(2);
    assertThat(count()).isEqualTo(3);
    ticker.addAndGet(Duration.ofSeconds(10).toNanos());
    tallies.add(entry(T0.plusSeconds(60), "evt_5"));
    assertThat(count()).isEqualTo(5);
    assertThat(activity.tallies()).isEqualTo(4);
  }

  @Test
  void aFailedWriteKeepsItsCountForTheNext() {
    Activity failing = new Activity() {
      private int calls;

      @Override public void record(ActivityEntry entry) {}

      @Override public boolean recordOnce(ActivityEntry entry) {
        return true;
      }

      @Override public void tally(ActivityEntry entry, long count) {
        if (++calls == 2) throw new IllegalStateException("down");
        activity.tally(entry, count);
      }

      @Override public Page<ActivityEntry> of(String subject, String cursor, int limit) {
        return activity.of(subject, cursor, limit);
      }
    };
    Tallies flaky = new Tallies(failing, Duration.ofSeconds(10), ticker::get);
    flaky.add(entry(T0, "evt_1"));
    flaky.add(entry(T0, "evt_2"));
    ticker.addAndGet(Duration.ofSeconds(10).toNanos());

    assertThatThrownBy(() -> flaky.add(entry(T0, "evt_3"))).hasMessage("down");
    flaky.add(entry(T0, "evt_4"));

    assertThat(count()).isEqualTo(4);
  }
}
