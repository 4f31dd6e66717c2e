package herald.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleModelTest {
  /** 500 members a page, 40 pages a run, 100 ms a page, 10 ms to start a run, 20 ms a follow-up, 1 s cold. */
  private static ScaleModel model(int shards, int fanoutConcurrency) {
    return new ScaleModel(shards, fanoutConcurrency, 1000, 50, 500, 40, 100, 10, 20, 1000);
  }

  @Test
  void oneShardReadsItsPagesInRunsOfFortyWithAFollowUpBetween() {
    ScaleModel.Outcome outcome = model(1, 50).run(50_000);   // 100 pages: runs of 40, 40 and 20

    assertThat(outcome.runs()).isEqualTo(3);
    assertThat(outcome.environments()).isEqualTo(1);
    assertThat(outcome.seconds()).isCloseTo(1.0 + 3 * 0.010 + 100 * 0.1 + 2 * 0.020, within(0.01));
  }

  @Test
  void theEventSourceStartsFiveInvocationsThenAddsFiveASecond() {
    ScaleModel model = model(64, 1000);

    assertThat(model.concurrencyAt(0)).isEqualTo(5);
    assertThat(model.concurrencyAt(1.0)).isEqualTo(10);
    assertThat(model.concurrencyAt(60)).isEqualTo(305);
    assertThat(model.concurrencyAt(600)).isEqualTo(950);   // the account's 1,000 less the sender's 50
    assertThat(model(64, 20).concurrencyAt(600)).isEqualTo(20);
  }

  @Test
  void shardsBeyondTheConcurrencyWaitTheirTurn() {
    double allAtOnce = model(10, 10).run(10 * 500).seconds();   // one page per shard
    double twoAtOnce = model(10, 2).run(10 * 500).seconds();

    assertThat(allAtOnce).isCloseTo(1.0 + 0.010 + 0.1 + 1.0, within(0.01));   // the last five start after a second
    assertThat(twoAtOnce).isCloseTo(1.0 + 5 * 0.110, within(0.01));   // two environments, five turns each
  }
}
