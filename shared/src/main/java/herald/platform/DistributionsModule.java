package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.json.EventRulerPatterns;
import herald.domain.channels.webhook.WebhookUrls;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.distributions.Activations;
import herald.domain.distributions.DistributionRules;
import herald.domain.distributions.PatternMatcher;
import herald.domain.fanout.SendToExistingMembers;
import herald.domain.templates.Templates;
import jakarta.inject.Singleton;

/** What checks distributions and what their configuration needs: patterns, webhook hosts, signed links. */
@Module
public abstract class DistributionsModule {
  private DistributionsModule() {}

  @Provides @Singleton static PatternMatcher patterns() {
    return new EventRulerPatterns();
  }

  /** HERALD_WEBHOOK_ALLOWLIST: hosts (host or host:port, comma-separated) a webhook may reach though not public. */
  @Provides @Singleton static DistributionRules rules(Templates templates, PatternMatcher patterns, Env env) {
    return new DistributionRules(templates, patterns,
        WebhookUrls.allowlist(env.optional("HERALD_WEBHOOK_ALLOWLIST").orElse("")));
  }

  /**
   * HERALD_SIGNING_KEY signs and checks unsubscribe links; HERALD_PUBLIC_URL, where the API answers them, is
   * needed only where links are made (the sender).
   */
  @Provides @Singleton static UnsubscribeLinks unsubscribeLinks(Env env) {
    return new UnsubscribeLinks(env.get("HERALD_SIGNING_KEY"), env.optional("HERALD_PUBLIC_URL").orElse(null));
  }

  /** What an activation starts: the existing members' fan-out (needs the segments, from SegmentsModule). */
  @Binds abstract Activations activations(SendToExistingMembers send);
}
