package herald.fanout;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.adapters.json.FanoutJobJson;
import herald.domain.delivery.SendQueue;
import herald.domain.distributions.Distributions;
import herald.domain.fanout.FanOut;
import herald.domain.fanout.FanoutJob;
import herald.domain.fanout.FanoutQueue;
import herald.domain.segments.Memberships;
import herald.domain.segments.Segments;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.SegmentsModule;
import herald.platform.StoresModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = FanoutComponent.FanoutModule.class)
interface FanoutComponent {
  FanOut fanOut();

  Distributions distributions();

  Segments segments();

  Memberships memberships();

  /** Before the SnapStart snapshot: a job read and written, and each table read once. */
  default void prime() {
    FanoutJob job = FanoutJobJson.read(FanoutJobJson.write(
        FanoutJob.forEvent("dist_priming", "seg_priming", 0, Priming.sampleJob().event())));
    distributions().get(job.distributionId());
    segments().get(job.segmentId());
    memberships().members(job.segmentId(), job.shard(), null, 1);
  }

  @Component.Factory
  interface Factory {
    FanoutComponent create(@BindsInstance Env env);
  }

  @Module(includes = {StoresModule.class, SegmentsModule.class})
  final class FanoutModule {
    private FanoutModule() {}

    @Provides @Singleton static FanOut fanOut(Distributions distributions, Segments segments,
        Memberships memberships, SendQueue sendQueue, FanoutQueue fanoutQueue) {
      return new FanOut(distributions, segments, memberships, sendQueue, fanoutQueue, FanOut.Limits.DEFAULT);
    }
  }
}
