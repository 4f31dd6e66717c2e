package herald.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** bench/results/&lt;name&gt;.json, with the machine the numbers come from. */
final class Results {
  static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Results() {}

  static ObjectNode start(String bench) {
    ObjectNode root = JSON.createObjectNode();
    root.put("bench", bench);
    root.put("at", Instant.now().toString());
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " " + System.getProperty("os.arch"));
    machine.put("memory_mb", ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 20);
    return root;
  }

  /**
   * Sends what the in-process functions log (one JSON line per event, on System.out) to
   * bench/target/&lt;name&gt;-functions.log, so the tables stay readable; returns the console.
   */
  static PrintStream logsToFile(Path root, String name) throws IOException {
    PrintStream console = System.out;
    Path file = root.resolve("bench").resolve("target").resolve(name + "-functions.log");
    Files.createDirectories(file.getParent());
    System.setOut(new PrintStream(new FileOutputStream(file.toFile()), true));
    return console;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  static double round2(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  static Path write(Path root, String name, ObjectNode results) throws IOException {
    Path file = root.resolve("bench").resolve("results").resolve(name + ".json");
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), results);
    return file;
  }
}
