package herald.segments;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import herald.domain.jobs.AsyncActions;
import herald.domain.segments.RefreshTimedSegments;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;
import herald.domain.segments.TrackBehaviour;
import herald.domain.segments.SegmentEvaluations;
import herald.domain.segments.Segments;
import herald.platform.ActionsModule;
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

  RefreshTimedSegments refresh();

  AsyncActions actions();

  /** Before the SnapStart snapshot: a customer read, the segments listed and an action looked up, changing nothing. */
  default void prime() {
    customers().get("cust_priming");
    segments().all();
    actions().get("act_priming");
  }

  @Component.Factory
  interface Factory {
    SegmentsComponent create(@BindsInstance Env env);
  }

  @Module(includes = {StoresModule.class, SegmentsModule.class, ActionsModule.class})
  final class SegmentsFunctionModule {
    private SegmentsFunctionModule() {}

    @Provides @Singleton static TrackBehaviour track(Customers customers, CustomerChanges changes, Clock clock) {
      return new TrackBehaviour(customers, changes, clock);
    }

    @Provides @Singleton static RefreshTimedSegments refresh(Segments segments, SegmentEvaluations evaluations,
        AsyncActions actions, Clock clock) {
      return new RefreshTimedSegments(segments, evaluations, actions, clock);
    }
  }
}
