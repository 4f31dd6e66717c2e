package herald.standins;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A stand-in that runs as a Node.js process from the project's pinned npm packages. */
public final class NodeStandIn implements AutoCloseable {
  /** Every stand-in listens on the loopback interface only: the tables hold personal data and API-key hashes. */
  private static final String LOOPBACK = "127.0.0.1";
  private final String name;
  private final Process process;
  private final int port;

  private NodeStandIn(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  /** dynalite, in memory, on the given port of 127.0.0.1 (0 picks a free one): without --host it binds every interface. */
  public static NodeStandIn dynalite(int port) {
    int p = port == 0 ? Ports.free() : port;
    return start("dynalite", p, "/", Map.of(), "dynalite/cli.js", "--host", LOOPBACK, "--port", String.valueOf(p),
        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
  }

  /** aws-ses-v2-local with its mail viewer, on the given port of 127.0.0.1 (0 picks a free one). */
  public static NodeStandIn ses(int port) {
    return ses(port, 1000);
  }

  /** aws-ses-v2-local whose account (GetAccount) allows {@code maxSendRate} emails a second. */
  public static NodeStandIn ses(int port, int maxSendRate) {
    int p = port == 0 ? Ports.free() : port;
    // every field the stand-in's GetAccount schema asks for, or it answers 400
    String account = """
        {"DedicatedIpAutoWarmupEnabled":false,"EnforcementStatus":"HEALTHY","ProductionAccessEnabled":true,
         "SendingEnabled":true,"SendQuota":{"Max24HourSend":1000000,"MaxSendRate":%d,"SentLast24Hours":0},
         "Details":{"AdditionalContactEmailAddresses":[],"ContactLanguage":"EN","MailType":"TRANSACTIONAL",
                    "ReviewDetails":{"CaseId":"local","Status":"GRANTED"},"UseCaseDescription":"local",
                    "WebsiteURL":"http://localhost"},
         "SuppressionAttributes":{"SuppressedReasons":[]}}""".formatted(maxSendRate);
    return start("aws-ses-v2-local", p, "/health-check", Map.of("AWS_SES_ACCOUNT", account),
        "aws-ses-v2-local/dist/cli.js", "--host", LOOPBACK, "--port", String.valueOf(p));
  }

  public String endpoint() {
    return "http://" + LOOPBACK + ":" + port;
  }

  public int port() {
    return port;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static NodeStandIn start(String name, int port, String probePath, Map<String, String> env,
      String script, String... args) {
    Path modules = NodeModules.dir();
    Path cli = modules.resolve(script);
    if (!Files.exists(cli)) {
      throw new IllegalStateException(name + " is not installed at " + cli
          + ": run `mvn -q initialize` (it runs npm ci in local/)");
    }
    List<String> command = new ArrayList<>(List.of(NodeModules.node(), cli.toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().putAll(env);
      Process process = builder.start();
      NodeStandIn standIn = new NodeStandIn(name, process, port);
      Runtime.getRuntime().addShutdownHook(new Thread(standIn::close));
      standIn.awaitReady(probePath);
      return standIn;
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
  }

  private void awaitReady(String probePath) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) throw new IllegalStateException(name + " exited with " + process.exitValue());
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + probePath).toURL().openConnection();
        c.setConnectTimeout(200);
        c.setReadTimeout(1000);
        c.getResponseCode();
        c.disconnect();
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    close();
    throw new IllegalStateException(name + " did not start within 30 s on port " + port);
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
