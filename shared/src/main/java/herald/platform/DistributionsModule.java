package herald.platform;

import dagger.Module;
import dagger.Provides;
import herald.adapters.dynamodb.DynamoDbActivity;
import herald.adapters.json.EventRulerPatterns;
import herald.domain.activity.Activity;
import herald.domain.distributions.Activations;
import herald.domain.distributions.DistributionRules;
import herald.domain.distributions.PatternMatcher;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.fanout.FanoutQueue;
import herald.domain.fanout.SendToExistingMembers;
import herald.domain.segments.Segments;
import herald.domain.templates.Templates;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What checks and records changes to distributions: their rules, event patterns and the activity log. */
@Module
public final class DistributionsModule {
  private DistributionsModule() {}

  @Provides @Singleton static PatternMatcher patterns() {
    return new EventRulerPatterns();
  }

  /** HERALD_WEBHOOK_ALLOWLIST: hosts (host or host:port, comma-separated) a webhook may reach though not public. */
  @Provides @Singleton static DistributionRules rules(Templates templates, PatternMatcher patterns, Env env) {
    return new DistributionRules(templates, patterns,
        WebhookUrls.allowlist(env.optional("HERALD_WEBHOOK_ALLOWLIST").orElse("")));
  }

  @Provides @Singleton static herald.domain.delivery.StatusCounters stats(DynamoDbClient dynamo, Env env) {
    return new herald.adapters.dynamodb.DynamoDbStatusCounters(dynamo, env.get("STATS_TABLE"));
  }

  @Provides @Singleton static herald.domain.suppressions.Suppressions suppressions(DynamoDbClient dynamo, Env env) {
    return new herald.adapters.dynamodb.DynamoDbSuppressions(dynamo, env.get("SUPPRESSIONS_TABLE"));
  }

  /**
   * HERALD_SIGNING_KEY signs and checks unsubscribe links; HERALD_PUBLIC_URL, where the API answers them, is
   * needed only where links are made (the sender).
   */
  @Provides @Singleton static herald.domain.delivery.UnsubscribeLinks unsubscribeLinks(Env env) {
    return new herald.domain.delivery.UnsubscribeLinks(env.get("HERALD_SIGNING_KEY"),
        env.optional("HERALD_PUBLIC_URL").orElse(null));
  }

  /** What an activation starts: the existing members' fan-out (needs the segments, from SegmentsModule). */
  @Provides @Singleton static Activations activations(Segments segments, FanoutQueue fanout) {
    return new SendToExistingMembers(segments, fanout);
  }

  @Provides @Singleton static Activity activity(DynamoDbClient dynamo, Env env) {
    return new DynamoDbActivity(dynamo, env.get("ACTIVITY_TABLE"));
  }
}
