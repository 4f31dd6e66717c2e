package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.aws.SqsJobs;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.json.ImportRowsJson;
import herald.domain.jobs.AsyncActions;
import herald.domain.segments.EvaluateSegmentPart;
import herald.domain.intake.ImportCustomers;
import herald.domain.jobs.Jobs;
import herald.domain.segments.PurgeSegmentShard;
import herald.domain.jobs.RunJob;
import herald.domain.intake.StartImport;
import herald.domain.segments.StartSegmentEvaluation;
import herald.domain.segments.StartSegmentPurge;
import herald.domain.customers.CustomerChanges;
import herald.domain.customers.Customers;
import herald.domain.intake.UpsertCustomer;
import herald.domain.segments.EvaluateSegments;
import herald.domain.segments.Memberships;
import herald.domain.segments.SegmentEvaluations;
import herald.domain.segments.SegmentPurges;
import herald.domain.segments.Segments;
import java.time.Clock;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Async actions and the background jobs behind them: imports of customers and segment re-evaluations, and the
 * purge of a deleted segment's membership.
 * ASYNC_ACTIONS_TABLE holds the actions, JOBS_QUEUE_URL is the queue the jobs function works off. The jobs'
 * work ({@link RunJob}) needs the customers and segments too: include StoresModule and SegmentsModule with it.
 */
@Module(includes = AwsModule.class)
public final class ActionsModule {
  private ActionsModule() {}

  @Provides @Singleton static AsyncActions asyncActions(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbAsyncActions(dynamo, env.get("ASYNC_ACTIONS_TABLE"), clock);
  }

  @Provides @Singleton static Jobs jobs(SqsClient sqs, Env env) {
    return new SqsJobs(sqs, env.get("JOBS_QUEUE_URL"));
  }

  @Provides @Singleton static SegmentEvaluations segmentEvaluations(AsyncActions actions, Jobs jobs, Clock clock) {
    return new StartSegmentEvaluation(actions, jobs, clock);
  }

  @Provides @Singleton static SegmentPurges segmentPurges(Jobs jobs) {
    return new StartSegmentPurge(jobs);
  }

  @Provides @Singleton static StartImport startImport(AsyncActions actions, Jobs jobs, Clock clock) {
    return new StartImport(actions, jobs, clock);
  }

  @Provides @Singleton static ImportCustomers importCustomers(Customers customers, CustomerChanges changes,
      Clock clock, AsyncActions actions, Jobs jobs) {
    return new ImportCustomers(new UpsertCustomer(customers, changes, clock), ImportRowsJson::profile, actions, jobs);
  }

  @Provides @Singleton static EvaluateSegmentPart evaluateSegmentPart(Segments segments, Customers customers,
      EvaluateSegments evaluate, AsyncActions actions, Jobs jobs) {
    return new EvaluateSegmentPart(segments, customers, evaluate, actions, jobs);
  }

  @Provides @Singleton static RunJob runJob(ImportCustomers imports, EvaluateSegmentPart evaluations,
      Segments segments, Memberships memberships, Jobs jobs) {
    return new RunJob(java.util.Set.of(imports, evaluations, new PurgeSegmentShard(segments, memberships, jobs)));
  }
}
