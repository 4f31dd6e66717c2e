package herald.domain.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.domain.common.Conflict;
import herald.domain.fakes.InMemoryAsyncActions;
import herald.domain.fakes.InMemoryCampaigns;
import herald.domain.fakes.TestClock;
import herald.domain.jobs.AsyncAction;
import herald.domain.jobs.AsyncActionType;
import herald.domain.jobs.Progress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodesJobsTest {
  private static final String CAMPAIGN = "camp_00000000000000000000000000000001";
  private final TestClock clock = new TestClock();
  private final InMemoryCampaigns campaigns = new InMemoryCampaigns();
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final CodesJobs jobs = new CodesJobs(campaigns, actions, clock);

  @Test
  void aSecondJobWaitsWhileTheFirstIsInProgressAndStartsOnceItIsDone() {
    String first = started(AsyncActionType.CODES_GENERATION, 1);
    assertThatThrownBy(() -> jobs.take(CAMPAIGN)).isInstanceOf(Conflict.class)
        .hasFieldOrPropertyWithValue("code", "codes_job_running").hasMessageContaining(first);

    actions.record(first, new Progress("0", "0", Map.of("generated", 5L), List.of()));
    assertThat(jobs.take(CAMPAIGN)).startsWith("act_").isNotEqualTo(first);
  }

  @Test
  void anActionThatRecordedNothingForFifteenMinutesNoLongerHoldsTheCampaign() {
    started(AsyncActionType.CODES_IMPORT, null);
    clock.advance(CodesJobs.STALE.minusSeconds(1));
    assertThatThrownBy(() -> jobs.take(CAMPAIGN)).isInstanceOf(Conflict.class);
    clock.advance(Duration.ofSeconds(2));
    assertThat(jobs.take(CAMPAIGN)).startsWith("act_");
  }

  @Test
  void aNamedActionThatWasNeverCreatedHoldsNothing() {
    jobs.take(CAMPAIGN);
    assertThat(jobs.take(CAMPAIGN)).startsWith("act_");
  }

  @Test
  void ofTwoStartsThatReadTheSameHolderOnlyOneNamesItsAction() {
    String held = jobs.take(CAMPAIGN);
    assertThat(campaigns.takeCodesJob(CAMPAIGN, held, "act_a")).isTrue();
    assertThat(campaigns.takeCodesJob(CAMPAIGN, held, "act_b")).isFalse();
    assertThat(campaigns.codesJob(CAMPAIGN)).contains("act_a");
  }

  private String started(AsyncActionType type, Integer parts) {
    String id = jobs.take(CAMPAIGN);
    actions.create(AsyncAction.start(id, type, parts, clock.instant()));
    return id;
  }
}
