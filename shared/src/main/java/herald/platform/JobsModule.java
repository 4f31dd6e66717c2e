package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import herald.adapters.aws.SqsJobs;
import herald.adapters.dynamodb.DynamoDbAsyncActions;
import herald.adapters.json.ImportRowsJson;
import herald.domain.intake.ImportCustomers;
import herald.domain.jobs.AsyncActions;
import herald.domain.jobs.JobWork;
import herald.domain.jobs.Jobs;
import herald.domain.segments.PurgeSegmentShard;
import herald.domain.segments.SegmentEvaluations;
import herald.domain.segments.SegmentPurges;
import herald.domain.segments.StartSegmentEvaluation;
import herald.domain.segments.StartSegmentPurge;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Async actions (ASYNC_ACTIONS_TABLE) and the background jobs behind them (JOBS_QUEUE_URL): the work of each kind
 * of job ({@link JobWork}) for the jobs function's RunJob, and how segment evaluations (whose scans the segments
 * function runs) and purges are started.
 */
@Module(includes = AwsModule.class)
public abstract class JobsModule {
  private JobsModule() {}

  @Provides @Singleton static AsyncActions asyncActions(DynamoDbClient dynamo, Env env, Clock clock) {
    return new DynamoDbAsyncActions(dynamo, env.get("ASYNC_ACTIONS_TABLE"), clock);
  }

  @Provides @Singleton static Jobs jobs(SqsClient sqs, Env env) {
    return new SqsJobs(sqs, env.get("JOBS_QUEUE_URL"));
  }

  @Provides static ImportCustomers.ProfileReader importRows() {
    return ImportRowsJson::profile;
  }

  @Binds abstract SegmentEvaluations segmentEvaluations(StartSegmentEvaluation start);

  @Binds abstract SegmentPurges segmentPurges(StartSegmentPurge start);

  @Binds @IntoSet abstract JobWork importParts(ImportCustomers work);

  @Binds @IntoSet abstract JobWork segmentPurgeShards(PurgeSegmentShard work);

  @Binds @IntoSet abstract JobWork statsRecounts(herald.domain.delivery.ReconcileWork work);
}
