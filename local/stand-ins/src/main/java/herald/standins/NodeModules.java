package herald.standins;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the npm packages installed by the build in local/node_modules, and the node binary. */
public final class NodeModules {
  private NodeModules() {}

  /** HERALD_NODE_DIR (set by the build) or the nearest local/ folder above the working directory. */
  public static Path dir() {
    String configured = System.getenv("HERALD_NODE_DIR");
    if (configured != null && !configured.isBlank()) return Path.of(configured).resolve("node_modules");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("local").resolve("package.json");
      if (Files.exists(candidate)) return candidate.getParent().resolve("node_modules");
    }
    throw new IllegalStateException("cannot find local/package.json above " + Path.of("").toAbsolutePath()
        + "; set HERALD_NODE_DIR to the project's local/ folder");
  }

  public static String node() {
    String configured = System.getenv("HERALD_NODE");
    return configured == null || configured.isBlank() ? "node" : configured;
  }
}
