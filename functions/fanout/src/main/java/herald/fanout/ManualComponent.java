package herald.fanout;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.ManualStartJson;
import herald.domain.distributions.Distributions;
import herald.domain.manual.ManualStart;
import herald.domain.manual.StartManualSend;
import herald.platform.Env;
import herald.platform.JobsModule;
import herald.platform.ManualModule;
import herald.platform.SegmentsModule;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;

/** The manual function: starts of manual sends, off the manual queue. */
@Singleton
@Component(modules = {StoresModule.class, SegmentsModule.class, JobsModule.class, ManualModule.class})
interface ManualComponent extends Startup.Primed {
  StartManualSend start();

  Distributions distributions();

  /** Before the SnapStart snapshot: a start read and written, and the distributions table read once. */
  @Override
  default void prime() {
    ManualStart start = ManualStartJson.read(ManualStartJson.write(new ManualStart("dist_priming", "sch_priming")));
    distributions().get(start.distributionId());
  }

  @Component.Factory
  interface Factory {
    ManualComponent create(@BindsInstance Env env);
  }
}
