package herald.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's files are: the folder holding template.yaml, at or above the working directory. */
final class Repo {
  private Repo() {}

  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("events"))) return p;
    }
    throw new IllegalStateException("no template.yaml at or above " + Path.of("").toAbsolutePath()
        + ": run the benches from the project (bench/run.sh does)");
  }
}
