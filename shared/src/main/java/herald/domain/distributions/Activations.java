package herald.domain.distributions;

/**
 * Port: told each time a distribution is activated, also when an activation is repeated (paused and activated
 * again) or retried (activating an ACTIVE one), so what an activation starts must be safe to start twice.
 */
public interface Activations {
  Activations NONE = distribution -> {};

  void activated(Distribution distribution);
}
