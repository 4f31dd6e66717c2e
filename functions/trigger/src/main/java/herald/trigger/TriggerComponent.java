package herald.trigger;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.trigger.DispatchEvent;
import herald.domain.delivery.SendQueue;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.PatternMatcher;
import herald.domain.fanout.FanoutQueue;
import herald.domain.segments.Segments;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.SegmentsModule;
import herald.platform.StoresModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = TriggerComponent.TriggerModule.class)
interface TriggerComponent {
  DispatchEvent dispatch();

  Distributions distributions();

  Segments segments();

  /** Before the SnapStart snapshot: an event read, the distributions index and the segments queried once. */
  default void prime() {
    distributions().activeFor(Priming.sampleJob().event().type());
    segments().get("seg_priming");
  }

  @Component.Factory
  interface Factory {
    TriggerComponent create(@BindsInstance Env env);
  }

  @Module(includes = {StoresModule.class, SegmentsModule.class})
  final class TriggerModule {
    private TriggerModule() {}

    @Provides @Singleton static DispatchEvent dispatch(Distributions distributions, SendQueue queue,
        FanoutQueue fanout, Segments segments, PatternMatcher patterns) {
      return new DispatchEvent(distributions, queue, fanout, segments, patterns);
    }
  }
}
