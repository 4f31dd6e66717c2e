package herald.trigger;

import dagger.BindsInstance;
import dagger.Component;
import herald.domain.distributions.Distributions;
import herald.domain.segments.Segments;
import herald.domain.trigger.DispatchEvent;
import herald.platform.Env;
import herald.platform.Priming;
import herald.platform.SegmentsModule;
import herald.platform.Startup;
import herald.platform.StoresModule;
import herald.platform.TriggerModule;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = {StoresModule.class, SegmentsModule.class, TriggerModule.class})
interface TriggerComponent extends Startup.Primed {
  DispatchEvent dispatch();

  AdmitEvent admit();

  Distributions distributions();

  Segments segments();

  /** Before the SnapStart snapshot: an event read, the distributions index and the segments queried once. */
  @Override
  default void prime() {
    distributions().activeFor(Priming.sampleJob().event().type());
    segments().get("seg_priming");
  }

  @Component.Factory
  interface Factory {
    TriggerComponent create(@BindsInstance Env env);
  }
}
