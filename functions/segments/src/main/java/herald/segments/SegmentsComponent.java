package herald.segments;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;
import herald.domain.customers.TrackBehaviour;
import herald.domain.segments.Segments;
import herald.platform.Env;
import herald.platform.SegmentsModule;
import herald.platform.StoresModule;
import java.time.Clock;
import javax.inject.Singleton;

@Singleton
@Component(modules = SegmentsComponent.SegmentsFunctionModule.class)
interface SegmentsComponent {
  TrackBehaviour track();

  Customers customers();

  Segments segments();

  /** Before the SnapStart snapshot: a customer read and the segments listed, changing nothing. */
  default void prime() {
    customers().get("cust_priming");
    segments().all();
  }

  @Component.Factory
  interface Factory {
    SegmentsComponent create(@BindsInstance Env env);
  }

  @Module(includes = {StoresModule.class, SegmentsModule.class})
  final class SegmentsFunctionModule {
    private SegmentsFunctionModule() {}

    @Provides @Singleton static TrackBehaviour track(Customers customers, CustomerChanges changes, Clock clock) {
      return new TrackBehaviour(customers, changes, clock);
    }
  }
}
