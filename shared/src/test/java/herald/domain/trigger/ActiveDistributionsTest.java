package herald.domain.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import herald.domain.distributions.Distribution;
import herald.domain.distributions.DistributionStatus;
import herald.domain.fakes.InMemoryDistributions;
import herald.domain.fakes.Samples;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ActiveDistributionsTest {
  private final InMemoryDistributions distributions = new InMemoryDistributions();
  private final AtomicLong ticker = new AtomicLong();

  @Test
  void aTypesActiveDistributionsAreReadOnceForTheCacheTimeThenAfresh() {
    ActiveDistributions active = new ActiveDistributions(distributions,
        new ActiveDistributions.CacheTime(Duration.ofSeconds(5)), ticker::get);
    Distribution first = Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid());
    distributions.create(first);

    assertThat(active.activeFor(Samples.ORDER_PAID)).extracting(Distribution::id).containsExactly("d1");
    distributions.create(Samples.distribution("d2", DistributionStatus.ACTIVE, Samples.orderPaid()));
    distributions.replace(new Distribution(first.id(), first.name(), first.description(), DistributionStatus.PAUSED,
        first.trigger(), first.audience(), first.action(), first.channels(), first.version() + 1, first.createdAt(),
        first.updatedAt()), first.version());
    ticker.addAndGet(Duration.ofMillis(4_999).toNanos());

    assertThat(active.activeFor(Samples.ORDER_PAID)).as("the read of 5 s ago, used again")
        .extracting(Distribution::id).containsExactly("d1");
    assertThat(active.activeFor("customer.custom_event")).as("another type, read on its own").isEmpty();

    ticker.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(active.activeFor(Samples.ORDER_PAID)).extracting(Distribution::id).containsExactly("d2");
  }

  @Test
  void withoutACacheTimeEveryCallReads() {
    ActiveDistributions active = ActiveDistributions.uncached(distributions);
    assertThat(active.activeFor(Samples.ORDER_PAID)).isEmpty();

    distributions.create(Samples.distribution("d1", DistributionStatus.ACTIVE, Samples.orderPaid()));

    assertThat(active.activeFor(Samples.ORDER_PAID)).extracting(Distribution::id).containsExactly("d1");
  }
}
