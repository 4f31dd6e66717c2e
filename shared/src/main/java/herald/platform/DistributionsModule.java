package herald.platform;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import herald.adapters.json.EventRulerPatterns;
import herald.domain.campaigns.QrLinks;
import herald.domain.common.SigningKey;
import herald.domain.delivery.UnsubscribeLinks;
import herald.domain.distributions.Activations;
import herald.domain.distributions.PatternMatcher;
import herald.domain.fanout.SendToExistingMembers;
import jakarta.inject.Singleton;

/** What checks distributions and what their configuration needs: patterns, signed links (unsubscribe, QR). */
@Module
public abstract class DistributionsModule {
  private DistributionsModule() {}

  @Provides @Singleton static PatternMatcher patterns() {
    return new EventRulerPatterns();
  }

  /** HERALD_SIGNING_KEY: signs and checks the links Herald puts in messages. */
  @Provides @Singleton static SigningKey signingKey(Env env) {
    return new SigningKey(env.get("HERALD_SIGNING_KEY"));
  }

  /**
   * Unsubscribe links; HERALD_PUBLIC_URL, where the API answers them, is needed only where links are made (the
   * sender).
   */
  @Provides @Singleton static UnsubscribeLinks unsubscribeLinks(SigningKey key, Env env) {
    return new UnsubscribeLinks(key, env.optional("HERALD_PUBLIC_URL").orElse(null));
  }

  /**
   * Voucher QR links, at HERALD_PUBLIC_URL (the sender); the api function has none (its own URL would be a
   * circular reference in the template), and makes them at the URL it was called at.
   */
  @Provides @Singleton static QrLinks qrLinks(SigningKey key, Env env) {
    return new QrLinks(key, env.optional("HERALD_PUBLIC_URL").orElse(null));
  }

  /** What an activation starts: the existing members' fan-out (needs the segments, from SegmentsModule). */
  @Binds abstract Activations activations(SendToExistingMembers send);
}
