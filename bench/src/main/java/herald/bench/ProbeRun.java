package herald.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One cold start: a fresh JVM whose classpath is the function's shaded jar plus the bench's classes, whose
 * environment is exactly the function's, running {@link ColdStartProbe}.
 *
 * @param probe what the child measured: to_main_ms, constructor_ms, init_ms, event_ms, invoke_ms, total_ms,
 *     cpu_ms, outcome
 * @param spawnToHandledMs from just before the spawn to the end of handleRequest (the parent's clock and the
 *     child's: the same machine clock)
 * @param wallMs from just before the spawn to the exit of the child
 * @param output all the child printed (the function's log lines)
 */
record ProbeRun(JsonNode probe, long spawnToHandledMs, double wallMs, String output) {
  /** The template's JAVA_TOOL_OPTIONS (also in the function's environment) and any extra flags. */
  static List<String> flags(List<String> extra) {
    List<String> flags = new ArrayList<>(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
    flags.addAll(extra);
    return flags;
  }

  static ProbeRun run(Path jar, Path benchClasses, List<String> extraFlags, String handlerClass, Path event,
      Map<String, String> env, boolean prime) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags(extraFlags));
    command.addAll(List.of("-cp", jar + File.pathSeparator + benchClasses, ColdStartProbe.class.getName(),
        handlerClass, event.toString()));
    if (prime) command.add("--prime");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    long spawnedAt = System.currentTimeMillis();
    long start = System.nanoTime();
    Process child = builder.start();
    byte[] output = child.getInputStream().readAllBytes();
    int exit = child.waitFor();
    double wall = (System.nanoTime() - start) / 1_000_000.0;
    String text = new String(output, StandardCharsets.UTF_8);
    String line = text.lines().filter(l -> l.startsWith("COLDSTART ")).findFirst().orElse(null);
    if (exit != 0 || line == null) {
      throw new IllegalStateException(handlerClass + ": the probe exited " + exit + " with:\n" + text);
    }
    JsonNode probe = Results.JSON.readTree(line.substring("COLDSTART ".length()));
    return new ProbeRun(probe, probe.path("handled_at").asLong() - spawnedAt, wall, text);
  }

  double get(String field) {
    return probe.path(field).asDouble();
  }
}
