package herald.fanout;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.FanoutJobJson;
import herald.domain.distributions.Distributions;
import herald.domain.fanout.FanOut;
import herald.domain.fanout.FanoutJob;
import herald.domain.segments.Memberships;
import herald.domain.segments.Segments;
import herald.platform.Env;
import herald.platform.Metrics;
import herald.platform.Priming;
import herald.platform.SegmentsModule;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = {StoresModule.class, SegmentsModule.class})
interface FanoutComponent extends Startup.Primed {
  FanOut fanOut();

  Metrics metrics();

  Distributions distributions();

  Segments segments();

  Memberships memberships();

  /** Before the SnapStart snapshot: a job read and written, and each table read once. */
  @Override
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
}
