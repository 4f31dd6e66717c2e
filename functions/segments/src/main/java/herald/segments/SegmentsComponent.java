package herald.segments;

import dagger.BindsInstance;
import dagger.Component;
import herald.domain.customers.ChangedCustomers;
import herald.domain.jobs.AsyncActions;
import herald.domain.segments.Segments;
import herald.platform.ChangesModule;
import herald.platform.Env;
import herald.platform.JobsModule;
import herald.platform.SegmentsModule;
import herald.platform.Startup;
import herald.platform.StoresModule;
import jakarta.inject.Singleton;

@Singleton
@Component(modules = {StoresModule.class, SegmentsModule.class, JobsModule.class, ChangesModule.class})
interface SegmentsComponent extends Startup.Primed {
  SegmentsInput input();

  ChangedCustomers changed();

  Segments segments();

  AsyncActions actions();

  /**
   * Before the SnapStart snapshot: a customer's item read, the segments listed, an action looked up and one shard
   * of the marks read (as the sweep reads them), changing nothing.
   */
  @Override
  default void prime() {
    changed().stored("cust_priming");
    segments().all();
    actions().get("act_priming");
    changed().markedBefore(0, java.time.Instant.EPOCH, null, 1);
  }

  @Component.Factory
  interface Factory {
    SegmentsComponent create(@BindsInstance Env env);
  }
}
