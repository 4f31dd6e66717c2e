package herald.jobs;

import dagger.BindsInstance;
import dagger.Component;
import herald.adapters.json.JobJson;
import herald.domain.intake.ImportJob;
import herald.domain.intake.ImportRow;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.RunJob;
import herald.platform.CampaignsModule;
import herald.platform.ChangesModule;
import herald.platform.Env;
import herald.platform.JobsModule;
import herald.platform.SegmentsModule;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
@Component(modules = {JobsModule.class, StoresModule.class, SegmentsModule.class, ChangesModule.class,
    CampaignsModule.class})
interface JobsComponent extends Startup.Primed {
  RunJob run();

  AsyncActions actions();

  /** Before the SnapStart snapshot: a job written and read back, and an action that does not exist looked up. */
  @Override
  default void prime() {
    JobJson.parse(JobJson.write(new ImportJob("act_priming", 0,
        List.of(ImportRow.of(2, "{\"source_id\":\"priming\"}")))));
    actions().get("act_priming");
  }

  @Component.Factory
  interface Factory {
    JobsComponent create(@BindsInstance Env env);
  }
}
