package herald.platform;

import java.util.function.Function;

/**
 * Lambda's init phase, the same for every function: its Dagger component built once from the environment, with
 * the component's priming registered to run before a SnapStart snapshot.
 */
public final class Startup {
  private Startup() {}

  /** What every function's component offers besides what its handler needs. */
  public interface Primed {
    /** Loads and warms the code of a first request without changing anything. */
    void prime();
  }

  public static <C extends Primed> C component(String function, Env env, Function<Env, C> factory) {
    C component = factory.apply(env);
    Priming.register(function, component::prime);
    return component;
  }
}
