package herald.trigger;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.delivery.DispatchEvent;
import herald.domain.delivery.JobQueue;
import herald.domain.distributions.Distributions;
import herald.domain.distributions.PatternMatcher;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.StoresModule;
import javax.inject.Singleton;

@Singleton
@Component(modules = TriggerComponent.TriggerModule.class)
interface TriggerComponent {
  DispatchEvent dispatch();

  Distributions distributions();

  /** Before the SnapStart snapshot: an event read and the distributions index queried once. */
  default void prime() {
    distributions().activeFor(Priming.sampleJob().event().type());
  }

  @Component.Factory
  interface Factory {
    TriggerComponent create(@BindsInstance Env env);
  }

  @Module(includes = StoresModule.class)
  final class TriggerModule {
    private TriggerModule() {}

    @Provides @Singleton static DispatchEvent dispatch(Distributions distributions, JobQueue queue,
        PatternMatcher patterns) {
      return new DispatchEvent(distributions, queue, patterns);
    }
  }
}
