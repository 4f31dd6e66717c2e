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
  private final TestClock clock = new TestClock();
  private final InMemoryCampaigns campaigns = new InMemoryCampaigns();
  private final InMemoryAsyncActions actions = new InMemoryAsyncActions(clock);
  private final CodesJobs jobs = new CodesJobs(campaigns, actions, clock);
  private final Campaign campaign = campaign(CodeConfig.defaults());

  @Test
  void aSecondJobWaitsWhileTheFirstIsInProgressAndStartsOnceItIsDone() {
    String first = created(jobs.generation(campaign, 10).actionId(), 1);
    assertThatThrownBy(() -> jobs.importing(campaign)).isInstanceOf(Conflict.class)
        .hasFieldOrPropertyWithValue("code", "codes_job_running").hasMessageContaining(first);
    assertThatThrownBy(() -> jobs.generation(campaign, 10)).isInstanceOf(Conflict.class);

    actions.record(first, new Progress("0", "0", Map.of("generated", 10L), List.of()));
    assertThat(jobs.importing(campaign)).startsWith("act_").isNotEqualTo(first);
  }

  @Test
  void anActionThatRecordedNothingForFifteenMinutesNoLongerHoldsTheCampaign() {
    created(jobs.importing(campaign), null);
    clock.advance(CodesJobs.STALE.minusSeconds(1));
    assertThatThrownBy(() -> jobs.generation(campaign, 1)).isInstanceOf(Conflict.class);
    clock.advance(Duration.ofSeconds(2));
    assertThat(jobs.generation(campaign, 1).actionId()).startsWith("act_");
  }

  @Test
  void ofTwoStartsThatReadTheSameHolderOnlyOneRecordsItsAction() {
    String held = jobs.importing(campaign);
    CodesJob recorded = campaigns.codesJob(campaign.id()).orElseThrow();
    assertThat(campaigns.takeCodesJob(campaign.id(), held, recorded)).isTrue();
    assertThat(campaigns.takeCodesJob(campaign.id(), held, new CodesJob("act_b", null, 0, "", true))).isTrue();
    assertThat(campaigns.takeCodesJob(campaign.id(), held, new CodesJob("act_c", null, 0, "", true))).isFalse();
  }

  @Test
  void generationsTakeTheNextIndexesOfTheSequenceUntilTheCampaignMayHoldOtherCodes() {
    assertThat(jobs.generation(campaign, 100).firstIndex()).isZero();
    assertThat(jobs.generation(campaign, 50).firstIndex()).isEqualTo(100);
    String key = campaigns.codesJob(campaign.id()).orElseThrow().key();
    assertThat(jobs.generation(campaign, 1).firstIndex()).isEqualTo(150);

    jobs.importing(campaign);
    assertThat(jobs.generation(campaign, 1).firstIndex()).as("after an import, read first").isEqualTo(-1);
    assertThat(campaigns.codesJob(campaign.id()).orElseThrow().key()).isEqualTo(key);
  }

  @Test
  void aNewCodeConfigurationAfterCodesWereMadeReadsFirstForever() {
    jobs.generation(campaign, 100);
    Campaign edited = campaign.edit(settings(new CodeConfig(12, "uppercase", "", "", null)), clock.instant());
    assertThat(jobs.generation(edited, 10).firstIndex()).isEqualTo(-1);
    assertThat(jobs.generation(campaign, 10).firstIndex()).isEqualTo(-1);
  }

  @Test
  void aCampaignWithCodesFromBeforeSequencesReadsFirst() {
    campaigns.count(campaign.id(), 20, 0);
    assertThat(jobs.generation(campaign, 10).firstIndex()).isEqualTo(-1);
  }

  @Test
  void aGenerationTheSequenceCannotHoldReadsFirst() {
    Campaign tiny = campaign(new CodeConfig(8, "numbers", "", "", "##"));
    assertThat(jobs.generation(tiny, 50).firstIndex()).isZero();
    assertThat(jobs.generation(tiny, 51).firstIndex()).isEqualTo(-1);
  }

  private String created(String id, Integer parts) {
    actions.create(AsyncAction.start(id, AsyncActionType.CODES_GENERATION, parts, clock.instant()));
    return id;
  }

  private Campaign campaign(CodeConfig config) {
    return Campaign.create("camp_" + "0".repeat(31) + (config.slots() % 10), settings(config), clock.instant());
  }

  private static CampaignSettings settings(CodeConfig config) {
    return new CampaignSettings("Welcome", CampaignType.DISCOUNT_VOUCHERS, null, null, false, config, false, null, null);
  }
}
