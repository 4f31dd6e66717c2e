package herald.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A function's environment variables. Lambda gives them through the process environment;
 * the local runtime and tests give each function its own map, taken from template.yaml.
 */
public record Env(Map<String, String> vars) {
  public Env {
    vars = Map.copyOf(vars);
  }

  public static Env system() {
    return new Env(System.getenv());
  }

  public static Env of(Map<String, String> vars) {
    return new Env(vars);
  }

  /** The value of a variable the function cannot run without. */
  public String get(String name) {
    String value = vars.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(vars.get(name)).filter(v -> !v.isBlank());
  }

  public Env with(String name, String value) {
    var copy = new java.util.HashMap<>(vars);
    copy.put(name, value);
    return new Env(copy);
  }
}
