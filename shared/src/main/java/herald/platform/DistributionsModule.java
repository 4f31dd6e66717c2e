package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.json.EventRulerPatterns;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.distributions.Activations;
import herald.domain.distributions.PatternMatcher;
import herald.domain.fanout.SendToExistingMembers;
import jakarta.inject.Singleton;

/** What checks distributions and what their configuration needs: patterns, signed links. */
@Module
public abstract class DistributionsModule {
  private DistributionsModule() {}

  @Provides @Singleton static PatternMatcher patterns() {
    return new EventRulerPatterns();
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
