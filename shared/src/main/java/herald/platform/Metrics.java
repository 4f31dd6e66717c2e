package herald.platform;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Herald's CloudWatch metrics, as Embedded Metric Format lines on stdout ({@link MetricLine}), in the namespace
 * HERALD_METRICS_NAMESPACE names ({@value #DEFAULT_NAMESPACE} without it; the template gives Herald/<stack>).
 */
@Singleton
public final class Metrics {
  public static final String DEFAULT_NAMESPACE = "Herald";
  private final String namespace;
  private final Clock clock;

  @Inject
  public Metrics(Env env, Clock clock) {
    this(env.optional("HERALD_METRICS_NAMESPACE").orElse(DEFAULT_NAMESPACE), clock);
  }

  public Metrics(String namespace, Clock clock) {
    this.namespace = namespace;
    this.clock = clock;
  }

  public MetricLine line() {
    return new MetricLine(namespace);
  }

  public Clock clock() {
    return clock;
  }

  /** A batch of the sender's outcomes, printed by {@link SendMetrics#print()}. */
  public SendMetrics sends() {
    return new SendMetrics(this);
  }
}
