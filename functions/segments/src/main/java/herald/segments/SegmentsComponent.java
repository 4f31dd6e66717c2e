package herald.segments;

import dagger.BindsInstance;
import dagger.Component;
import herald.domain.customers.Customers;
import herald.domain.jobs.AsyncActions;
import herald.domain.segments.Segments;
import herald.platform.Env;
import herald.platform.JobsModule;
import herald.platform.SegmentsModule;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = {StoresModule.class, SegmentsModule.class, JobsModule.class})
interface SegmentsComponent extends Startup.Primed {
  SegmentsInput input();

  Customers customers();

  Segments segments();

  AsyncActions actions();

  /** Before the SnapStart snapshot: a customer read, the segments listed and an action looked up, changing nothing. */
  @Override
  default void prime() {
    customers().get("cust_priming");
    segments().all();
    actions().get("act_priming");
  }

  @Component.Factory
  interface Factory {
    SegmentsComponent create(@BindsInstance Env env);
  }
}
