package herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events in the repository's events/ folder, the same ones `sam local invoke -e` takes. */
public final class EventFiles {
  private EventFiles() {}

  public static Path path(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("events").resolve(name);
      if (Files.exists(candidate) && Files.exists(p.resolve("template.yaml"))) return candidate;
    }
    throw new IllegalStateException("no events/" + name + " above " + Path.of("").toAbsolutePath());
  }

  public static String read(String name) {
    try {
      return Files.readString(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
